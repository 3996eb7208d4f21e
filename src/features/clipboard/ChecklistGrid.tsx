// The checklist: students down the side, the piece's objectives across. One tap marks X, a second a check, a third
// clears; each tap is a new row, and an Undo toast follows it. Names and headers stay in view while scrolling.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { displayName } from '../../domain/names';
import type { MarkValue, Objective, Student } from '../../shared/records';
import { cellKey, daysSince, seenBand, seenText } from '../../domain/marks';
import { Icon } from '../../ui/Icon';
import { nextValue, saveTap, tapTime, undoTap, valueText } from './markActions';
import { SeenLegend } from './SeenLegend';
import { useUndoToast } from './toast';
import { useNow } from '../../ui/useNow';
import { useClassLastSeen, useGridData } from './useGridData';

interface Props {
  classId: string;
  pieceId: string;
  lensObjectiveId: string | null;
  onNote?: (studentId: string) => void;
  /** Told when a tap's row is committed (the bench measures tap to commit with it). */
  onCommitted?: (markId: string) => void;
}

const NAME_COL = 176;
/** Below this a column scrolls sideways rather than shrink a cell under 44 px. */
const MIN_COL = 56;

/** A tap this screen made that the live query may not show yet, so a fast second tap cycles from it. */
interface Pending {
  value: MarkValue;
  at: number;
}

export function ChecklistGrid({ classId, pieceId, lensObjectiveId, onNote, onCommitted }: Props) {
  const data = useGridData(classId, pieceId);
  const showToast = useUndoToast();
  const [pending, setPending] = useState<Map<string, Pending>>(() => new Map());
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const seen = useClassLastSeen(classId);

  const objectives = useMemo(() => {
    if (!data) return [];
    const lens = data.objectives.find((o) => o.id === lensObjectiveId);
    return lens ? [lens, ...data.objectives.filter((o) => o !== lens)] : data.objectives;
  }, [data, lensObjectiveId]);

  const valueOf = useCallback(
    (k: string): MarkValue | undefined => {
      const live = data?.latest.get(k);
      const p = pending.get(k);
      if (p && (!live || p.at >= live.at)) return p.value;
      return live?.value;
    },
    [data, pending],
  );
  // The tap handler reads the newest state through a ref, so it stays the same function and unchanged rows
  // skip re-rendering on a tap (the tap's commit is not kept waiting behind a whole-grid render).
  const valueRef = useRef(valueOf);
  useEffect(() => {
    valueRef.current = valueOf;
  }, [valueOf]);

  const onTap = useCallback(
    async (s: Student, o: Objective) => {
      const k = cellKey(s.id, o.id);
      const value = nextValue(valueRef.current(k));
      const at = tapTime();
      const saved = saveTap({ classId, pieceId, studentId: s.id, objectiveId: o.id }, value, at);
      // Shown at once, before the commit, so a quick second tap cycles on from this one. The render waits one
      // microtask, so the write's transaction is opened first and commits while React draws.
      const before = valueRef.current;
      valueRef.current = (key) => (key === k ? value : before(key));
      queueMicrotask(() => setPending((m) => new Map(m).set(k, { value, at })));
      const forget = () =>
        setPending((m) => {
          const next = new Map(m);
          if (next.get(k)?.at === at) next.delete(k);
          return next;
        });
      let id: string;
      try {
        id = await saved;
      } catch {
        forget();
        setError(`That tap (${displayName(s)}, ${o.text}) was not saved. Tap again; if it keeps failing, check the storage message.`);
        return;
      }
      setError(null);
      onCommitted?.(id);
      showToast({
        message: `${displayName(s)}, ${o.text}: ${valueText(value)}`,
        onUndo: () => {
          forget();
          void undoTap(id);
        },
      });
    },
    // valueOf is read through valueRef on purpose (see above).
    [classId, pieceId, showToast, onCommitted],
  );

  // Drawn once with its shading, not drawn and then shaded: one layout of the table instead of two.
  if (!data || !seen) return <p className="muted" role="status">Loading the checklist...</p>;
  if (data.students.length === 0)
    return (
      <p className="card">
        No students in this class yet. <Link to="/roster">Add students in the Roster</Link>.
      </p>
    );
  if (objectives.length === 0)
    return (
      <p className="card">
        This piece has no objectives yet. <Link to={`/clipboard/pieces/${pieceId}`}>Choose objectives</Link>.
      </p>
    );

  return (
    <div className="clip-grid-area">
      <SeenLegend />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="clip-grid-wrap" tabIndex={0} role="region" aria-label="Checklist">
        <table className="clip-grid" style={{ minWidth: NAME_COL + objectives.length * MIN_COL }}>
          <colgroup>
            <col style={{ width: NAME_COL }} />
            {objectives.map((o) => (
              <col key={o.id} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="clip-corner">
                Student
              </th>
              {objectives.map((o) => {
                const n = data.byObjective.get(o.id);
                return (
                  <th key={o.id} scope="col" className={o.id === lensObjectiveId ? 'clip-col clip-lens' : 'clip-col'}>
                    {o.id === lensObjectiveId && <span className="clip-lens-tag">Lens</span>}
                    <span className="clip-obj">{o.text}</span>
                    <span className="clip-count">{n?.x ?? 0} need support</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {data.students.map((s) => {
              const t = data.byStudent.get(s.id);
              return (
                <GridRow
                  key={s.id}
                  student={s}
                  objectives={objectives}
                  values={objectives.map((o) => valueOf(cellKey(s.id, o.id)) ?? '').join(',')}
                  lensObjectiveId={lensObjectiveId}
                  now={now}
                  seenAt={seen.get(s.id) ?? null}
                  needs={t?.x ?? 0}
                  secure={t?.check ?? 0}
                  onTap={onTap}
                  onNote={onNote}
                />
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface RowProps {
  student: Student;
  objectives: Objective[];
  /** The row's cell values joined with commas, so an unchanged row compares equal and skips rendering. */
  values: string;
  lensObjectiveId: string | null;
  now: number;
  /** When last observed, null if never. */
  seenAt: number | null;
  needs: number;
  secure: number;
  onTap: (s: Student, o: Objective) => void;
  onNote: ((studentId: string) => void) | undefined;
}

const GridRow = memo(function GridRow({ student: s, objectives, values, lensObjectiveId, now, seenAt, needs, secure, onTap, onNote }: RowProps) {
  const name = displayName(s);
  const days = seenAt === null ? null : daysSince(seenAt, now);
  const vals = values.split(',');
  return (
    <tr>
      <th scope="row" className={`clip-name seen-${seenBand(days)}`}>
        <div className="clip-name-row">
          <div className="clip-name-text">
            <Link to={`/clipboard/student/${s.id}`} className="clip-name-link">
              {name}
            </Link>
            <span className="clip-sub">
              {seenText(days)} ·{' '}
              <span aria-hidden="true">
                {needs} X {secure} ✓
              </span>
              <span className="visually-hidden">
                {needs} need support, {secure} secure
              </span>
            </span>
          </div>
          {onNote && (
            <button type="button" className="clip-note-btn" aria-label={`Note for ${name}`} onClick={() => onNote(s.id)}>
              <Icon name="note" size={20} />
            </button>
          )}
        </div>
      </th>
      {objectives.map((o, i) => {
        const raw = vals[i];
        const v: MarkValue | undefined = raw === 'x' ? 'x' : raw === 'check' ? 'check' : undefined;
        return (
          <td key={o.id} className={o.id === lensObjectiveId ? 'clip-lens-cell' : undefined}>
            <button type="button" className={`clip-cell clip-${v ?? 'none'}`} aria-label={`${name}, ${o.text}: ${valueText(v)}`} onClick={() => void onTap(s, o)}>
              <span aria-hidden="true">{v === 'x' ? 'X' : v === 'check' ? '✓' : ''}</span>
            </button>
          </td>
        );
      })}
    </tr>
  );
});
