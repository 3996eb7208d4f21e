// In a conference: the teaching point picked from the goal library. Choose the trait, rate where the writer is now
// (one tap), and set a goal with the strategy to teach (one tap); the student's goal card then shows both.
import { useState } from 'react';
import type { Level } from '../../domain/growth';
import type { Conference } from '../../shared/records';
import { setGoal } from '../conferences/conferenceActions';
import { useLibrary } from './libraryReads';
import { RateButtons } from './RateButtons';
import { useLiveQueryFor } from '../../db/live';
import { db } from '../../db/db';
import { levelKey, latestLevels, collectEvidence } from '../../domain/growth';
import { readLevelNames } from './reads';

export function GoalPicker({ conference, initialTrait }: { conference: Conference; initialTrait: string | null }) {
  const library = useLibrary();
  const [trait, setTrait] = useState(initialTrait ?? 'Ideas');
  const rated = useLiveQueryFor(
    `${conference.studentId}|${trait}`,
    async () => {
      const rows = await db.ratings.where('[studentId+at]').between([conference.studentId, -Infinity], [conference.studentId, Infinity]).toArray();
      const latest = latestLevels(collectEvidence([], rows, new Map())).get(levelKey(conference.studentId, trait));
      return { level: (latest?.level ?? null) as Level | null, names: await readLevelNames() };
    },
    [],
  );
  if (!library || !rated) return null;
  const goals = library.get(trait) ?? [];
  return (
    <section className="card stack" aria-labelledby="goal-pick-h">
      <h2 id="goal-pick-h">Teaching point from the goal library</h2>
      <label className="field">
        <span>Trait</span>
        <select value={trait} onChange={(e) => setTrait(e.target.value)}>
          {[...library.keys()].map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <p className="muted">Where is the writer now on {trait}?</p>
      <RateButtons classId={conference.classId} studentId={conference.studentId} trait={trait} current={rated.level} names={rated.names} pieceId={conference.pieceId} conferenceId={conference.id} />
      <ul className="plain stack">
        {goals.map((g) => (
          <li key={g.id}>
            <p>
              <strong>{g.text}</strong>
            </p>
            <div className="stack">
              {g.strategies.map((s) => (
                <button key={s} type="button" className="growth-strategy" onClick={() => void setGoal(conference, g.text, Date.now(), { trait, libraryId: g.id, strategy: s })}>
                  Set this goal, teach: {s}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
