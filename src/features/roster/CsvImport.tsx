// Add students from a CSV file: the teacher picks the file, says which columns hold the names, sees a preview with any
// problems, then adds them all in one transaction. A file that is not CSV is refused with its line and problem.
import { FormActions } from '../../ui/FormActions';
import { useId, useMemo, useState } from 'react';
import { listStudents, useStudents } from '../../db/hooks';
import { guessMapping, namesFromCsv, parseCsvBytes, type CsvTable, type NameMapping } from '../../domain/csv';
import { readFileBytes } from './readFile';
import { addStudents } from './rosterActions';

const PREVIEW_ROWS = 8;

export function CsvImport({ classId }: { classId: string }) {
  const id = useId();
  const existing = useStudents(classId, true);
  const [table, setTable] = useState<CsvTable | null>(null);
  const [mapping, setMapping] = useState<NameMapping | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const result = useMemo(() => (table && mapping ? namesFromCsv(table, mapping, existing ?? []) : null), [table, mapping, existing]);

  const column = (value: number | null, label: string, onChange: (v: number | null) => void, optional = false) => (
    <label className="field">
      <span>{label}</span>
      <select value={value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        {optional && <option value="">(none)</option>}
        {table?.headers.map((h, i) => (
          <option key={`${i}-${h}`} value={i}>
            {h}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Add students from a CSV file</h3>
      <div className="field">
        <label htmlFor={`${id}-file`}>CSV file with a header row</label>
        <input
          key={inputKey}
          id={`${id}-file`}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className="roster-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setDone(null);
            setError(null);
            setTable(null);
            if (!file) return;
            const parsed = parseCsvBytes(await readFileBytes(file));
            if (!parsed.ok) {
              setError(`${file.name} was not imported. ${parsed.message}`);
              return;
            }
            setTable(parsed.table);
            setMapping(guessMapping(parsed.table.headers));
          }}
        />
        <span className="muted">From a spreadsheet: File, then Download or Save as, then CSV.</span>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {table && mapping && result && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            // Re-check against the class as it is now: another tab may have added someone meanwhile.
            const fresh = namesFromCsv(table, mapping, await listStudents(classId, true));
            if (fresh.problems.length > 0 || fresh.names.length === 0) return;
            await addStudents(classId, fresh.names);
            setDone(`Added ${fresh.names.length} student${fresh.names.length === 1 ? '' : 's'}.`);
            setTable(null);
            setMapping(null);
            setInputKey((k) => k + 1);
          }}
        >
          <fieldset className="roster-fieldset">
            <legend>Where are the names?</legend>
            <label className="roster-choice">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={mapping.kind === 'split'}
                onChange={() => setMapping({ kind: 'split', first: 0, last: table.headers.length > 1 ? 1 : null })}
              />
              First and last names in separate columns
            </label>
            <label className="roster-choice">
              <input type="radio" name={`${id}-kind`} checked={mapping.kind === 'full'} onChange={() => setMapping({ kind: 'full', column: 0 })} />
              Full names in one column
            </label>
          </fieldset>
          <div className="row">
            {mapping.kind === 'split' ? (
              <>
                {column(mapping.first, 'First name column', (v) => setMapping({ ...mapping, first: v ?? 0 }))}
                {column(mapping.last, 'Last name column', (v) => setMapping({ ...mapping, last: v }), true)}
              </>
            ) : (
              column(mapping.column, 'Full name column', (v) => setMapping({ kind: 'full', column: v ?? 0 }))
            )}
          </div>
          <table className="roster-preview">
            <caption>Preview of {table.rows.length} row{table.rows.length === 1 ? '' : 's'}</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">First name</th>
                <th scope="col">Last name</th>
              </tr>
            </thead>
            <tbody>
              {result.names.slice(0, PREVIEW_ROWS).map((n) => (
                <tr key={n.line}>
                  <td>{n.line}</td>
                  <td>{n.firstName}</td>
                  <td>{n.lastName}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.names.length > PREVIEW_ROWS && <p className="muted">and {result.names.length - PREVIEW_ROWS} more.</p>}
          {result.problems.length > 0 && (
            <div className="error" role="alert">
              <p>Nothing can be added until these are fixed (in the file, or by choosing other columns):</p>
              <ul>
                {result.problems.map((p) => (
                  <li key={`${p.line}-${p.message}`}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
          <FormActions
            submit={`Add ${result.names.length} student${result.names.length === 1 ? '' : 's'}`}
            disabled={result.problems.length > 0 || result.names.length === 0}
            onCancel={() => {
              setTable(null);
              setMapping(null);
              setInputKey((k) => k + 1);
            }}
          />
        </form>
      )}
    </section>
  );
}
