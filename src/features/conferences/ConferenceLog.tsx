// The conference log: the clock, the three steps with starters, open needs, voice memos, kind, piece and objective,
// and the goal.
// Everything saves as it is typed or tapped; "Done" only stops the clock and records the minutes.
import { formatWhen } from '../../ui/dates';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useStudent, useStudents } from '../../db/hooks';
import { displayName } from '../../domain/names';
import { currentAuthor } from '../../db/write';
import { changeTimer } from '../timer/useTimer';
import { elapsedMs, pauseTimer } from '../../domain/timer';
import { ConferenceClock, conferenceTimerKey } from './ConferenceClock';
import { ConferenceDetails } from './ConferenceDetails';
import { ConferenceSteps } from './ConferenceSteps';
import { discardConference, ensureStarters, finishConference } from './conferenceActions';
import { useClassObjectives, useClassPieces, useConference, useStarters } from './reads';
import { GoalEditor } from './GoalEditor';
import { GoalPicker } from '../growth/GoalPicker';
import { OpenNeeds } from './OpenNeeds';
import { MemoSection } from '../memos/MemoSection';
import { flushPendingSaves } from '../../db/autosave';

export function ConferenceLog() {
  const { conferenceId } = useParams();
  const navigate = useNavigate();
  const conference = useConference(conferenceId);
  const student = useStudent(conference?.studentId);
  const students = useStudents(conference?.classId);
  const pieces = useClassPieces(conference?.classId);
  const objectives = useClassObjectives(conference?.classId);
  const starters = useStarters();
  useEffect(() => {
    void ensureStarters();
  }, []);

  if (conference === undefined || student === undefined) return null;
  if (conference === null || conference.deleted) {
    return (
      <div className="stack">
        <h1>Conference not found</h1>
        <p>It may have been discarded.</p>
        <Link to="/conferences">Back to Confer next</Link>
      </div>
    );
  }
  const name = student ? displayName(student) : 'a student';
  const startedBy = conference._m.studentId?.by;
  const when = formatWhen(conference.at, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const shownPieces = (pieces ?? []).filter((p) => !p.archived || p.id === conference.pieceId);

  const done = async () => {
    await flushPendingSaves();
    const state = await changeTimer(conferenceTimerKey(conference.id), pauseTimer);
    const spent = elapsedMs(state, Date.now());
    if (spent > 0) await finishConference(conference.id, Math.max(1, Math.round(spent / 60_000)));
    navigate('/conferences');
  };

  return (
    <div className="stack conf-log">
      <div className="conf-log-head">
        <div className="grow">
          <h1>Conference with {name}</h1>
          <p className="muted">
            {when}
            {startedBy && startedBy !== currentAuthor() ? ` · started by ${startedBy}` : ''}
            {conference.minutes > 0 ? ` · ${conference.minutes} min` : ''}
          </p>
        </div>
        <ConferenceClock conferenceId={conference.id} />
      </div>
      <ConferenceSteps conference={conference} starters={starters ?? []} />
      <OpenNeeds conference={conference} objectives={objectives ?? []} />
      <MemoSection table="conferences" ownerId={conference.id} memos={conference.memos ?? []} studentName={name} />
      <GoalEditor conference={conference} />
      <GoalPicker conference={conference} initialTrait={objectives?.find((o) => o.id === conference.objectiveId)?.trait ?? null} />
      <ConferenceDetails conference={conference} students={students ?? []} pieces={shownPieces} objectives={objectives ?? []} />
      <div className="row conf-log-actions">
        <button type="button" className="primary" onClick={() => void done()}>
          Done
        </button>
        <button
          type="button"
          className="danger"
          onClick={async () => {
            if (!window.confirm('Discard this conference and its notes?')) return;
            await discardConference(conference.id);
            navigate('/conferences');
          }}
        >
          Discard conference
        </button>
      </div>
    </div>
  );
}
