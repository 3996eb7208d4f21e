// Running a group at the table: members, focus, a teaching-point prompt, the table timer for the planned minutes, a
// note per member (on that student's page), and "Done", which records the session and ends the group.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { displayName } from '../../domain/names';
import { kindRule } from '../../domain/groupSetup';
import { describeRemaining, formatClock, fractionLeft, MINUTE_MS } from '../../domain/timer';
import { AutosaveField } from '../../ui/AutosaveField';
import { flushPendingSaves } from '../../db/autosave';
import { TimerDisk } from '../timer/TimerDisk';
import '../timer/timer.css';
import { useTimer } from '../timer/useTimer';
import { createMemberNote, finishSession } from './groupActions';
import { db } from '../../db/db';
import type { Note } from '../../shared/records';
import { useRunData } from './reads';
import { changeRun, endRun, ensureRun, useRunState } from './runState';

function TableTimer({ groupId, minutes }: { groupId: string; minutes: number }) {
  const t = useTimer(`group:${groupId}`);
  const planned = minutes * MINUTE_MS;
  const remaining = t.state.status === 'idle' ? planned : t.remainingMs;
  const fraction = t.state.status === 'idle' ? 1 : fractionLeft(t.state, t.now);
  return (
    <section className={`groups-timer timer-stage-${t.stage}`} aria-labelledby="groups-timer-h">
      <h2 id="groups-timer-h">Table timer</h2>
      <div className="groups-timer-face">
        <TimerDisk fraction={fraction} stage={t.stage} size={120} />
        <div>
          <p className="groups-timer-digits" aria-hidden="true">
            {formatClock(remaining)}
          </p>
          <p className="visually-hidden">{t.state.status === 'idle' ? `${minutes} minutes planned` : describeRemaining(remaining)}</p>
        </div>
      </div>
      <div className="row">
        {t.state.status === 'idle' && (
          <button type="button" className="primary" onClick={() => void t.start(planned)}>
            Start {minutes} min
          </button>
        )}
        {t.state.status === 'running' && (
          <button type="button" onClick={() => void t.pause()}>
            Pause
          </button>
        )}
        {t.state.status === 'paused' && (
          <button type="button" className="primary" onClick={() => void t.resume()}>
            Resume
          </button>
        )}
        {t.state.status !== 'idle' && (
          <>
            <button type="button" onClick={() => void t.adjust(MINUTE_MS)}>
              +1 min
            </button>
            <button type="button" onClick={() => void t.reset()}>
              Reset
            </button>
          </>
        )}
      </div>
    </section>
  );
}

export function RunGroup() {
  const { groupId = '' } = useParams();
  const navigate = useNavigate();
  const run = useRunState(groupId);
  const data = useRunData(groupId, run);
  const timer = useTimer(`group:${groupId}`);
  const [busy, setBusy] = useState(false);
  // Once "Done" has ended the run, its state must not be made again while the screen closes.
  const ended = useRef(false);

  useEffect(() => {
    if (run === null && !ended.current) void ensureRun(groupId);
  }, [run, groupId]);

  if (!data || !run) return null;
  const { group } = data;
  if (!group || group.dissolved) {
    return (
      <div className="stack">
        <h1>Group not running</h1>
        <p>This group has ended or was dissolved; its sessions are in the history.</p>
        <Link to="/groups" className="button">
          Back to the groups
        </Link>
      </div>
    );
  }
  const members = group.memberIds.filter((m) => data.students.has(m));
  const name = (id: string) => {
    const s = data.students.get(id);
    return s ? displayName(s) : 'A student';
  };

  const done = async () => {
    setBusy(true);
    await flushPendingSaves();
    // The stored run state, not this render's: a tap on "Came" a moment ago may not have re-rendered yet.
    const latest = await ensureRun(group.id);
    const attendees = members.filter((m) => !latest.absentIds.includes(m));
    const noteIds = Object.values(latest.noteIds);
    const fresh = await db.notes.bulkGet(noteIds);
    const empty = fresh.filter((n): n is Note => !!n && !n.deleted && n.text.trim() === '' && n.photoId === null && !n.photo && !n.memos?.length).map((n) => n.id);
    const minutes = timer.state.status === 'idle' ? group.plannedMinutes : timer.elapsedMs / MINUTE_MS;
    await finishSession(group, latest.sessionId, attendees, minutes, empty);
    await timer.reset();
    ended.current = true;
    await endRun(group.id);
    const back = group.kind === 'intervention' ? 'the group stays for its next day' : 'back to independent writing';
    navigate('/groups', { state: { message: `${group.name}: session recorded for ${attendees.length} student${attendees.length === 1 ? '' : 's'}; ${back}.` } });
  };

  return (
    <div className="stack groups-run">
      <div className="row">
        <h1 className="grow">{group.name}</h1>
        <Link to="/groups" className="button">
          Back to builder
        </Link>
      </div>
      <p className="groups-focus">
        <span className="label">Focus:</span> {data.focus ?? 'No focus set'} · {kindRule(group.kind).label}, {group.plannedMinutes} min
      </p>
      <TableTimer groupId={group.id} minutes={group.plannedMinutes} />
      <section className="card" aria-labelledby="groups-tp-h">
        <h2 id="groups-tp-h">Teaching point</h2>
        <p className="muted">One skill or strategy, then time to try it: “Today I want to teach you that writers… Watch me… Now you try it.”</p>
        <AutosaveField multiline table="groups" recordId={group.id} field="teachingPoint" value={group.teachingPoint} label="Teaching point for this group" hideLabel rows={3} />
      </section>
      <section aria-labelledby="groups-members-h">
        <h2 id="groups-members-h">Members</h2>
        <ul className="groups-run-members">
          {members.map((m) => {
            const noteId = run.noteIds[m];
            const note = noteId ? data.notes.get(noteId) : undefined;
            const absent = run.absentIds.includes(m);
            return (
              <li key={m} className="card">
                <div className="row">
                  <h3 className="grow groups-member-name">{name(m)}</h3>
                  <label className="row groups-came">
                    <input
                      type="checkbox"
                      aria-label={`Came: ${name(m)}`}
                      checked={!absent}
                      onChange={(e) => {
                        // Read now: React puts a controlled checkbox back before the queued change runs.
                        const came = e.target.checked;
                        void changeRun(group.id, (s) => ({ ...s, absentIds: came ? s.absentIds.filter((x) => x !== m) : [...s.absentIds.filter((x) => x !== m), m] }));
                      }}
                    />
                    <span>Came</span>
                  </label>
                </div>
                {note ? (
                  <AutosaveField multiline table="notes" recordId={note.id} field="text" value={note.text} label={`Note for ${name(m)}`} rows={2} autoFocus />
                ) : (
                  <button
                    type="button"
                    aria-label={`Add note for ${name(m)}`}
                    onClick={async () => {
                      const id = await createMemberNote(group, m, run.sessionId, data.pieceId);
                      await changeRun(group.id, (s) => ({ ...s, noteIds: { ...s.noteIds, [m]: id } }));
                    }}
                  >
                    Add note
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <button type="button" className="primary groups-done" disabled={busy} onClick={() => void done()}>
        Done: record the session
      </button>
    </div>
  );
}
