// Set a writer's level on a trait in one tap: one button per level, the current one pressed. Used on the growth view,
// the student's page and in a conference (which passes its id, so the rating shows where it came from).
import type { Level } from '../../domain/growth';
import { LEVELS } from '../../domain/growth';
import { rateTrait } from './growthActions';

export function RateButtons({ classId, studentId, trait, current, names, pieceId, conferenceId }: { classId: string; studentId: string; trait: string; current: Level | null; names: readonly string[]; pieceId?: string | null; conferenceId?: string | null }) {
  return (
    <div className="row growth-rate" role="group" aria-label={`Level for ${trait}`}>
      {LEVELS.map((level) => (
        <button
          key={level}
          type="button"
          className={`level-${level}`}
          aria-pressed={current === level}
          onClick={() => void rateTrait({ classId, studentId, trait, level, pieceId, conferenceId })}
        >
          {names[level]}
        </button>
      ))}
    </div>
  );
}
