// One item of the student's timeline, rendered from its record whatever feature wrote it.
import { formatWhen } from '../../ui/dates';
import { Link } from 'react-router';
import { currentAuthor } from '../../db/write';
import { valueText } from './markActions';
import { CONTEXTS } from './noteActions';
import { PhotoThumb } from './PhotoThumb';
import { MemoPlayer } from '../memos/MemoPlayer';
import type { TimelineItem } from './timeline';
import type { Lookups } from './useStudentPage';

function time(at: number): string {
  return formatWhen(at, { hour: 'numeric', minute: '2-digit' });
}

const SELF_EVAL: Record<string, string> = { 'not-yet': 'not yet', starting: 'starting to', yes: 'yes' };

export function TimelineEntry({ item, lookups, studentName }: { item: TimelineItem; lookups: Lookups; studentName: string }) {
  const objective = (id: string | null) => (id ? (lookups.objectives.get(id)?.text ?? 'a removed objective') : null);
  const piece = (id: string | null) => (id ? lookups.pieces.get(id)?.title : undefined);
  switch (item.kind) {
    case 'mark': {
      const m = item.mark;
      return (
        <div className={`clip-entry clip-entry-mark clip-${m.value ?? 'none'}`}>
          <span className="clip-when">{time(m.at)}</span> Checklist: <strong>{objective(m.objectiveId)}</strong>: {m.value === null ? 'cleared' : valueText(m.value)}
          {piece(m.pieceId) && <span className="muted"> · {piece(m.pieceId)}</span>}
        </div>
      );
    }
    case 'note': {
      const n = item.note;
      const by = n._m.text?.by;
      const tags = [CONTEXTS.find((c) => c.value === n.context)?.label, ...n.objectiveIds.map((o) => objective(o))].filter(Boolean);
      return (
        <div className="clip-entry clip-entry-note">
          <div>
            <span className="clip-when">{time(n.at)}</span> Note{n.private && <span className="clip-badge">Private</span>}
            {by && by !== currentAuthor() && <span className="muted"> · by {by}</span>}
            {tags.length > 0 && <span className="muted"> · {tags.join(', ')}</span>}
            {' · '}
            <Link to={`/clipboard/note/${n.id}`}>Edit note</Link>
          </div>
          {n.text && <p className="clip-note-text">{n.text}</p>}
          <PhotoThumb note={n} alt="Photo of the student's page" />
          {n.memos?.map((m) => <MemoPlayer key={m.id} memo={m} studentName={studentName} />)}
        </div>
      );
    }
    case 'conference': {
      const c = item.conference;
      return (
        <div className="clip-entry">
          <span className="clip-when">{time(c.at)}</span> {c.kind === 'peer' ? 'Peer conference' : 'Conference'}
          {c.minutes > 0 && ` (${c.minutes} min)`}
          {objective(c.objectiveId) && <> on <strong>{objective(c.objectiveId)}</strong></>}
          {' · '}
          <Link to={`/conferences/${c.id}`}>Open conference</Link>
          {c.strengths && <p>Strengths: {c.strengths}</p>}
          {c.trait && <p>Trait: {c.trait}</p>}
          {c.nextStep && <p>Next step: {c.nextStep}</p>}
          {c.memos?.map((m) => <MemoPlayer key={m.id} memo={m} studentName={studentName} />)}
        </div>
      );
    }
    case 'group': {
      const s = item.session;
      return (
        <div className="clip-entry">
          <span className="clip-when">{time(s.at)}</span> Group: {lookups.groups.get(s.groupId)?.name ?? 'a group'}
          {s.minutes > 0 && ` (${s.minutes} min)`}
          {objective(s.focusObjectiveId) && <> on <strong>{objective(s.focusObjectiveId)}</strong></>}
        </div>
      );
    }
    case 'goal': {
      const g = item.goal;
      return (
        <div className="clip-entry">
          <span className="clip-when">{time(g.setAt)}</span> Goal set: <strong>{g.text}</strong>
          {g.closedAt !== null && <span className="muted"> (replaced later)</span>}
        </div>
      );
    }
    case 'goalCheck': {
      const c = item.check;
      return (
        <div className="clip-entry">
          <span className="clip-when">{time(c.at)}</span> Self-evaluation on goal: {SELF_EVAL[c.value] ?? c.value}
        </div>
      );
    }
  }
}
