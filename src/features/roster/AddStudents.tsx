// The three ways to add students (paste, CSV, OneRoster), one shown at a time so the page stays short on a tablet.
import { useId, useState } from 'react';
import { CsvImport } from './CsvImport';
import { OneRosterImport } from './OneRosterImport';
import { PasteStudents } from './PasteStudents';

type Method = 'paste' | 'csv' | 'oneroster';

const METHODS: { value: Method; label: string }[] = [
  { value: 'paste', label: 'Paste a list' },
  { value: 'csv', label: 'CSV file' },
  { value: 'oneroster', label: 'OneRoster files' },
];

export function AddStudents({ classId, className }: { classId: string; className: string }) {
  const id = useId();
  const [method, setMethod] = useState<Method>('paste');
  return (
    <div className="stack">
      <fieldset className="roster-methods">
        <legend>Add students by</legend>
        {METHODS.map((m) => (
          <label key={m.value} className={`roster-method${method === m.value ? ' roster-method-on' : ''}`}>
            <input type="radio" name={`${id}-method`} value={m.value} checked={method === m.value} onChange={() => setMethod(m.value)} />
            {m.label}
          </label>
        ))}
      </fieldset>
      {method === 'paste' && <PasteStudents classId={classId} />}
      {method === 'csv' && <CsvImport classId={classId} />}
      {method === 'oneroster' && <OneRosterImport classId={classId} className={className} />}
    </div>
  );
}
