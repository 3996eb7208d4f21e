// Add students from a district's OneRoster 1.1 CSV export: the teacher picks users.csv, enrollments.csv and
// classes.csv, chooses one of the classes listed, and its active students are added or brought up to date.
import { FormActions } from '../../ui/FormActions';
import { useId, useState } from 'react';
import { listStudents } from '../../db/hooks';
import { decodeBytes } from '../../domain/csv';
import { parseOneRoster, planOneRosterImport, type OneRosterClass, type OneRosterFile } from '../../domain/oneroster';
import { readFileBytes } from './readFile';
import { useSession } from '../../session/sessionStore';
import { applyOneRosterPlan } from './rosterActions';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function readAll(files: readonly File[]): Promise<{ ok: true; files: OneRosterFile[] } | { ok: false; message: string }> {
  const out: OneRosterFile[] = [];
  for (const f of files) {
    const decoded = decodeBytes(await readFileBytes(f));
    if (!decoded.ok) return { ok: false, message: `${f.name}: ${decoded.message}` };
    out.push({ name: f.name, text: decoded.text });
  }
  return { ok: true, files: out };
}

export function OneRosterImport({ classId, className }: { classId: string; className: string }) {
  const id = useId();
  const [classes, setClasses] = useState<OneRosterClass[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [intoNew, setIntoNew] = useState(false);
  const setCurrentClass = useSession((st) => st.setCurrentClass);
  const selected = classes?.find((c) => c.sourcedId === chosen) ?? null;

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Add students from OneRoster files</h3>
      <div className="field">
        <label htmlFor={`${id}-files`}>OneRoster files: users.csv, enrollments.csv and classes.csv</label>
        <input
          key={inputKey}
          id={`${id}-files`}
          type="file"
          multiple
          accept=".csv,text/csv"
          className="roster-file"
          aria-describedby={`${id}-help`}
          onChange={async (e) => {
            const files = [...(e.target.files ?? [])];
            setError(null);
            setDone(null);
            setClasses(null);
            setChosen(null);
            if (files.length === 0) return;
            const read = await readAll(files);
            const parsed = read.ok ? parseOneRoster(read.files) : read;
            if (!parsed.ok) {
              setError(`Nothing was imported. ${parsed.message}`);
              return;
            }
            if (parsed.classes.length === 0) {
              setError('Nothing was imported. classes.csv lists no active class.');
              return;
            }
            setClasses(parsed.classes);
            if (parsed.classes.length === 1) setChosen(parsed.classes[0]!.sourcedId);
          }}
        />
        <span id={`${id}-help`} className="muted">
          Select all three files at once. Your district&rsquo;s student system exports them (a "OneRoster 1.1 CSV" export).
        </span>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {classes && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!selected) {
              setError('Choose the class whose students to add.');
              return;
            }
            // A new class starts empty, so everyone is added; otherwise students already here are updated or linked.
            const plan = planOneRosterImport(selected.students, intoNew ? [] : await listStudents(classId, true));
            if (plan.problems.length > 0) {
              setError(`Nothing was imported. ${plan.problems.join(' ')}`);
              return;
            }
            const target = await applyOneRosterPlan(intoNew ? { newClassName: selected.title } : { classId }, plan);
            if (intoNew) setCurrentClass(target);
            const parts = [`Added ${plural(plan.create.length, 'student')}`];
            if (plan.update.length) parts.push(`updated ${plan.update.length}`);
            if (plan.unchanged) parts.push(`${plan.unchanged} already here`);
            setDone(intoNew ? `${parts.join(', ')} to the new class ${selected.title}.` : `${parts.join(', ')} from ${selected.title}.`);
            setIntoNew(false);
            setClasses(null);
            setChosen(null);
            setInputKey((k) => k + 1);
          }}
        >
          <fieldset className="roster-fieldset">
            <legend>Which class&rsquo;s students?</legend>
            {classes.map((c) => (
              <label key={c.sourcedId} className="roster-choice">
                <input type="radio" name={`${id}-class`} checked={chosen === c.sourcedId} onChange={() => setChosen(c.sourcedId)} />
                <span>
                  {c.title}
                  {c.classCode && ` (${c.classCode})`}
                  {c.periods && `, period ${c.periods}`}: {plural(c.students.length, 'student')}
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className="roster-fieldset">
            <legend>Add them to</legend>
            <label className="roster-choice">
              <input type="radio" name={`${id}-target`} checked={!intoNew} onChange={() => setIntoNew(false)} />
              {className} (this class)
            </label>
            <label className="roster-choice">
              <input type="radio" name={`${id}-target`} checked={intoNew} onChange={() => setIntoNew(true)} />
              A new class named after the district&rsquo;s class{selected ? ` ("${selected.title}")` : ''}
            </label>
          </fieldset>
          {selected && selected.unknownUsers > 0 && (
            <p className="muted">
              {plural(selected.unknownUsers, 'enrolled student')} {selected.unknownUsers === 1 ? 'is' : 'are'} not active in users.csv and will be left out.
            </p>
          )}
          <FormActions
            submit={selected ? `Add ${plural(selected.students.length, 'student')}` : 'Add students'}
            disabled={!selected || selected.students.length === 0}
            onCancel={() => {
              setClasses(null);
              setChosen(null);
              setInputKey((k) => k + 1);
            }}
          />
        </form>
      )}
    </section>
  );
}
