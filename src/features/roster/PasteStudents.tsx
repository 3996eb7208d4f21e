// Add students by pasting a list, one per line. Problems are shown for fixing; nothing is saved until all are fixed.
import { useState } from 'react';
import { listStudents } from '../../db/hooks';
import { parseNameList, type NameProblem } from '../../domain/names';
import { addStudents } from './rosterActions';

export function PasteStudents({ classId }: { classId: string }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<NameProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      className="card"
      onSubmit={async (e) => {
        e.preventDefault();
        const existing = await listStudents(classId, true);
        const result = parseNameList(text, existing);
        setProblems(result.problems);
        setDone(null);
        if (result.problems.length > 0) return;
        if (result.names.length === 0) {
          setProblems([{ line: 0, message: 'Paste at least one name, one per line.' }]);
          return;
        }
        await addStudents(classId, result.names);
        setText('');
        setDone(`Added ${result.names.length} student${result.names.length === 1 ? '' : 's'}.`);
      }}
    >
      <div className="field">
        <label htmlFor="paste-names">Paste student names, one per line</label>
        <textarea id="paste-names" value={text} onChange={(e) => setText(e.target.value)} placeholder={'Ana Lopez\nNguyen, Bao'} aria-describedby="paste-help" />
        <span id="paste-help" className="muted">
          "First Last" or "Last, First".
        </span>
      </div>
      {problems.length > 0 && (
        <div role="alert" className="error">
          <p>Nothing was added. Fix these lines, then add again:</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.line}-${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary">
        Add students
      </button>
    </form>
  );
}
