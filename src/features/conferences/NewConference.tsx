// /conferences/new/:studentId: makes the conference row, starts its clock and replaces itself with the log, so Back
// never makes a second conference.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { db } from '../../db/db';
import { startTimer } from '../../domain/timer';
import { chosenPieceId } from '../../session/chosenPiece';
import { changeTimer } from '../timer/useTimer';
import { CUE_MS, conferenceTimerKey } from './ConferenceClock';
import { startConference } from './conferenceActions';

export function NewConference() {
  const { studentId } = useParams();
  const navigate = useNavigate();
  const started = useRef(false);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (started.current || !studentId) return;
    started.current = true;
    void (async () => {
      const student = await db.students.get(studentId);
      if (!student || student.deleted) {
        setMissing(true);
        return;
      }
      const id = await startConference(student.classId, student.id, Date.now(), chosenPieceId(student.classId));
      await changeTimer(conferenceTimerKey(id), (s, now) => (s.status === 'idle' ? startTimer(CUE_MS, now, 'countup') : s));
      navigate(`/conferences/${id}`, { replace: true });
    })();
  }, [studentId, navigate]);
  if (!missing) return <p role="status">Starting the conference…</p>;
  return (
    <div className="stack">
      <h1>Student not found</h1>
      <Link to="/conferences">Back to Confer next</Link>
    </div>
  );
}
