// The built-in objectives a teacher picks from: the 6+1 Traits with a few concrete objectives each, and the unit
// checklists (Structure / Development / Conventions) for narrative, opinion and informational writing.

export interface LibraryObjective {
  text: string;
  /** The trait or checklist strand, stored on the objective so class needs can be read by strand. */
  trait: string;
}

export interface LibrarySet {
  id: string;
  title: string;
  /** The genre a unit checklist belongs to; null for the traits, which fit every genre. */
  genre: string | null;
  objectives: readonly LibraryObjective[];
}

const traits: readonly [string, readonly string[]][] = [
  ['Ideas', ['Focuses on one clear topic', 'Adds relevant details', 'Shows what they know about the topic']],
  ['Organization', ['Has an inviting beginning', 'Uses transition words', 'Writes a satisfying ending', 'Puts events or ideas in a logical order']],
  ['Voice', ['Writes with personality', 'Speaks to the reader', 'Fits the voice to the purpose']],
  ['Word Choice', ['Uses precise nouns and strong verbs', 'Uses sensory words', 'Tries new vocabulary']],
  ['Sentence Fluency', ['Varies sentence beginnings', 'Varies sentence length', 'Writes sentences that read aloud smoothly']],
  ['Conventions', ['Capitalizes sentences and names', 'Uses end punctuation', 'Spells high-frequency words correctly', 'Uses paragraphs']],
  ['Presentation', ['Writes neatly and legibly', 'Uses white space and layout to help the reader', 'Adds pictures or text features that fit']],
];

function strands(structure: readonly string[], development: readonly string[], conventions: readonly string[]): LibraryObjective[] {
  return [
    ...structure.map((text) => ({ text, trait: 'Structure' })),
    ...development.map((text) => ({ text, trait: 'Development' })),
    ...conventions.map((text) => ({ text, trait: 'Conventions' })),
  ];
}

const commonConventions = ['Uses end punctuation', 'Spells word-wall words correctly', 'Uses paragraphs'];

export const OBJECTIVE_LIBRARY: readonly LibrarySet[] = [
  ...traits.map(([trait, list]) => ({
    id: `trait-${trait.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    title: `6+1 Traits: ${trait}`,
    genre: null,
    objectives: list.map((text) => ({ text, trait })),
  })),
  {
    id: 'checklist-narrative',
    title: 'Narrative checklist',
    genre: 'narrative',
    objectives: strands(
      ['Writes a lead that hooks the reader', 'Tells events in order', 'Uses transitions to show time', 'Writes an ending that connects to the story'],
      ['Narrows the focus to a small moment', 'Uses dialogue', 'Shows feelings through actions', 'Adds details that show, not tell'],
      ['Punctuates dialogue', ...commonConventions],
    ),
  },
  {
    id: 'checklist-opinion',
    title: 'Opinion checklist',
    genre: 'opinion',
    objectives: strands(
      ['States a clear opinion', 'Gives reasons in an order that makes sense', 'Uses linking words (because, for example)', 'Ends by restating the opinion'],
      ['Supports each reason with evidence', 'Explains how evidence fits the reason', 'Considers the audience'],
      ['Uses commas in lists and after introductory words', ...commonConventions],
    ),
  },
  {
    id: 'checklist-informational',
    title: 'Informational checklist',
    genre: 'informational',
    objectives: strands(
      ['Introduces the topic', 'Groups information into sections', 'Uses headings', 'Writes a concluding section'],
      ['Uses facts, definitions and examples', 'Uses domain vocabulary', 'Adds text features (diagrams, captions)'],
      ['Capitalizes proper nouns', ...commonConventions],
    ),
  },
];

export const GENRES: readonly { value: string; label: string }[] = [
  { value: 'narrative', label: 'Narrative' },
  { value: 'opinion', label: 'Opinion' },
  { value: 'informational', label: 'Informational' },
  { value: 'poetry', label: 'Poetry' },
  { value: 'other', label: 'Other' },
];

/** The sets to offer first for a piece's genre: its unit checklist, then the traits, then the rest. */
export function librarySetsFor(genre: string): LibrarySet[] {
  const rank = (s: LibrarySet) => (s.genre === genre ? 0 : s.genre === null ? 1 : 2);
  return [...OBJECTIVE_LIBRARY].sort((a, b) => rank(a) - rank(b));
}

/** Objectives to add that the piece does not have yet (same text, ignoring case and spaces), in the order given. */
export function newObjectiveTexts<T extends { text: string }>(existing: readonly { text: string }[], wanted: readonly T[]): T[] {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const seen = new Set(existing.map((o) => norm(o.text)));
  const out: T[] = [];
  for (const w of wanted) {
    const k = norm(w.text);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(w);
  }
  return out;
}
