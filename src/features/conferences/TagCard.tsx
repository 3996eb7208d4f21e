// The TAG card: full screen and student-facing, for the "I'm done!" writer sent to confer with a partner. Large
// type, no teacher labels or student names; its examples come from the starter library the teacher keeps.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Starter, StarterStep } from '../../shared/records';
import { SEED_STARTERS } from '../../domain/starters';
import { ensureStarters } from './conferenceActions';
import { useStarters } from './reads';

const PARTS: readonly { step: Exclude<StarterStep, 'opener'>; letter: string; word: string; say: string }[] = [
  { step: 'tell', letter: 'T', word: 'Tell', say: 'Tell your partner one thing you liked. Be specific: name the words, the detail or the skill.' },
  { step: 'ask', letter: 'A', word: 'Ask', say: 'Ask a question or two about a part that confused you or left you wondering.' },
  { step: 'give', letter: 'G', word: 'Give', say: 'Give one idea that could make the writing even better.' },
];

function examples(step: StarterStep, starters: readonly Pick<Starter, 'step' | 'text'>[]): string[] {
  const mine = starters.filter((s) => s.step === step).map((s) => s.text);
  return (mine.length ? mine : SEED_STARTERS.filter((s) => s.step === step).map((s) => s.text)).slice(0, 3);
}

export function TagCard() {
  const starters = useStarters();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    void ensureStarters();
    heading.current?.focus();
  }, []);
  return (
    <div className="tag-card" role="dialog" aria-modal="true" aria-labelledby="tag-h">
      <div className="tag-top">
        <h1 id="tag-h" ref={heading} tabIndex={-1}>
          TAG your partner
        </h1>
        <Link className="button tag-close" to="/conferences">
          Close
        </Link>
      </div>
      <p className="tag-intro">Take turns. The writer reads the piece aloud; the partner listens, then:</p>
      <ol className="tag-parts">
        {PARTS.map((p) => (
          <li key={p.step} className={`tag-part tag-${p.step}`}>
            <span className="tag-letter" aria-hidden="true">
              {p.letter}
            </span>
            <div>
              <h2>{p.word}</h2>
              <p>{p.say}</p>
              <ul className="tag-examples" aria-label={`${p.word} examples`}>
                {examples(p.step, starters ?? []).map((t) => (
                  <li key={t}>&ldquo;{t}&rdquo;</li>
                ))}
              </ul>
            </div>
          </li>
        ))}
      </ol>
      <p className="tag-intro">Then switch. A TAG conference takes a few minutes.</p>
    </div>
  );
}
