// The conference sentence starters: the seed library (openers and TAG prompts from the classroom practice) and how
// a tapped starter joins the text already in a field.

export type StarterStepLike = 'opener' | 'tell' | 'ask' | 'give';

export interface SeedStarter {
  /** Fixed ids, so two devices seeding the library make the same rows instead of duplicates. */
  id: string;
  step: StarterStepLike;
  text: string;
  order: number;
}

const SEED: Record<StarterStepLike, string[]> = {
  opener: ['Tell me about your writing.', 'Read me your writing.', 'Before you read, tell me what your piece is about.'],
  tell: ['I loved the words you chose to describe...', 'One thing you do well as a writer is...'],
  ask: ['How does that sentence connect to your topic?', "I'm confused, what was your character doing there?", 'Then what happened next?'],
  give: ['I think you should add that detail about...', 'You could try...'],
};

export const SEED_STARTERS: readonly SeedStarter[] = (Object.keys(SEED) as StarterStepLike[]).flatMap((step) =>
  SEED[step].map((text, i) => ({ id: `starter-${step}-${i + 1}`, step, text, order: i })),
);

export const STARTER_STEP_LABEL: Record<StarterStepLike, string> = {
  opener: 'Openers',
  tell: 'Tell',
  ask: 'Ask',
  give: 'Give',
};

/**
 * Appends a starter on a new line. A starter ending in "..." is meant to be finished by the teacher, so the dots go
 * and the caret is left after a space.
 */
export function insertStarter(current: string, starter: string): string {
  const s = starter.trim();
  const open = /(\.\.\.|\u2026)$/u.test(s);
  const piece = open ? `${s.replace(/(\.\.\.|\u2026)$/u, '').trimEnd()} ` : s;
  const before = current.replace(/\s+$/u, '');
  return before === '' ? piece : `${before}\n${piece}`;
}

/** Moves one item up or down a list and renumbers it 0..n-1; out-of-range moves change nothing. */
export function moveInOrder<T extends { id: string }>(list: readonly T[], index: number, delta: -1 | 1): { id: string; order: number }[] {
  const ids = list.map((x) => x.id);
  const to = index + delta;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return ids.map((id, order) => ({ id, order }));
  [ids[index], ids[to]] = [ids[to]!, ids[index]!];
  return ids.map((id, order) => ({ id, order }));
}
