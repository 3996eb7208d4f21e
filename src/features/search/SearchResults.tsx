// One ranked result list: who, what kind, when, by whom, and the record's words with the matched ones marked. Each
// result opens the record in the student's timeline (a reflection opens the class's reflections).
import { Link } from 'react-router';
import { highlight, type SearchHit } from '../../domain/search';
import { formatWhen } from '../../ui/dates';
import { kindLabel, studentName } from './exportCsv';
import type { SearchLookups } from './reads';

function Marked({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlight(text, terms).map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

export function targetOf(hit: SearchHit): { to: string; state?: unknown } {
  const d = hit.doc;
  if (!d.studentId) return { to: '/conferences/reflections' };
  return { to: `/clipboard/student/${d.studentId}`, state: { focus: d.key } };
}

export function SearchResults({ hits, lookups, showClass }: { hits: readonly SearchHit[]; lookups: SearchLookups; showClass: boolean }) {
  return (
    <ol className="find-results" aria-label="Results">
      {hits.map((hit) => {
        const d = hit.doc;
        const who = d.studentId ? studentName(lookups, d.studentId) : 'Class reflection';
        const target = targetOf(hit);
        return (
          <li key={d.key} className="find-result">
            <Link to={target.to} state={target.state} className="find-open">
              <strong>{who}</strong>
              <span className="muted">
                {' · '}
                {kindLabel(d.kind)} · {formatWhen(d.at, { day: 'numeric', month: 'short', year: 'numeric' })}
                {d.by && ` · by ${d.by}`}
                {showClass && ` · ${lookups.classes.get(d.classId)?.name ?? ''}`}
                {d.tags.includes('private') && ' · private'}
              </span>
            </Link>
            {d.parts.map((p) => (
              <p key={p.label} className="find-text">
                {d.parts.length > 1 && <span className="muted">{p.label}: </span>}
                <Marked text={p.text} terms={hit.terms} />
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
