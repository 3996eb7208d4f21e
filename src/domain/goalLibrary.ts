// The built-in goal library: for each of the 6+1 traits, goals a young writer can work toward, each with a few
// teaching strategies (what the teacher teaches) and prompts (what the teacher says), written for this app.
// Teachers add their own goals (the goalLibrary table); both are listed together by trait.

export interface LibraryGoalLike {
  id: string;
  trait: string;
  text: string;
  strategies: readonly string[];
  prompts: readonly string[];
  order: number;
  /** Built in (not editable) or the teacher's own. */
  builtIn?: boolean;
}

type Entry = [text: string, strategies: string[], prompts: string[]];

const GOALS: readonly [string, readonly Entry[]][] = [
  ['Ideas', [
    ['I can write about one small moment', ['Draw a timeline of the event and circle the one minute that matters most', 'Zoom in: write that minute across three sentences', 'Cross out the parts a reader does not need'], ['Which part of this is the most important to you?', 'What happened in just that moment?']],
    ['I can add details that show what I mean', ['Ask the 5 senses questions of one sentence', 'Add a detail a reader could draw', 'Use a sticky note to add one detail per page'], ['What did you see, hear or feel right then?', 'Could a reader picture this? What would help?']],
  ]],
  ['Organization', [
    ['I can hook my reader with a strong beginning', ['Try three leads (action, dialogue, a question) and pick one', 'Study the first lines of a mentor text', 'Start in the middle of the action'], ['How else could you start?', 'What would make a reader want to keep going?']],
    ['I can use transitions to move from part to part', ['Keep a transition word bank by the writing folder', 'Sketch the parts as boxes and label the arrows between them', 'Read aloud and listen for the jumps'], ['How does this part connect to the one before?', 'What word could tell the reader time has passed?']],
  ]],
  ['Voice', [
    ['I can sound like me in my writing', ['Tell the story out loud first, then write it how you said it', 'Add one thought you had at the time', 'Compare a flat and a lively sentence from a mentor text'], ['How did you feel when this happened?', 'Where can I hear you in this piece?']],
    ['I can write to my reader', ['Name your reader at the top of the page', 'Ask the reader a question', 'Change one sentence to talk right to the reader'], ['Who is this for?', 'What do you want your reader to feel or do?']],
  ]],
  ['Word Choice', [
    ['I can use strong verbs', ['Circle three verbs and find a stronger one for each', 'Act out the verb to find the exact word', 'Keep a list of verbs from your reading'], ['What exactly did they do? Show me.', 'Is there a word that shows how they moved?']],
    ['I can use exact nouns', ['Swap a general word (dog, stuff) for an exact one (beagle, crayons)', 'Label a sketch with exact words before writing', 'Use the word wall for topic words'], ['What kind of ___ was it?', 'Which word would a reader picture best?']],
  ]],
  ['Sentence Fluency', [
    ['I can start my sentences in different ways', ['Underline the first word of each sentence and change two', 'Start one sentence with when, where or how', 'Read it aloud to a partner and listen for repeats'], ['How do most of your sentences start?', 'Which sentence could begin another way?']],
    ['I can mix short and long sentences', ['Join two short sentences with and, but or because', 'Add one short punchy sentence after a long one', 'Count the words in each sentence of one paragraph'], ['Where could a short sentence make a big moment stand out?', 'Which two sentences could be one?']],
  ]],
  ['Conventions', [
    ['I can end every sentence with punctuation', ['Read with a finger and stop at every period', 'Reread in a whisper voice and mark where your voice stops', 'Check one page with a partner'], ['Where does this sentence stop?', 'How will the reader know to take a breath?']],
    ['I can spell word-wall words correctly', ['Circle words you are unsure of, then check the word wall', 'Spell it three ways and pick the one that looks right', 'Keep a personal word list in your folder'], ['Which words do you want to check?', 'Where could you find how to spell that?']],
  ]],
  ['Presentation', [
    ['I can make my writing easy to read', ['Leave a finger space between words', 'Start a new line for each new part', 'Write the final copy slowly on every other line'], ['Can a reader find where each part starts?', 'Which page is easiest to read, and why?']],
    ['I can add pictures or features that help my reader', ['Add a labelled picture for a hard idea', 'Add a heading to each part', 'Use a caption to say what the picture shows'], ['What would help a reader understand this part?', 'What does this picture tell that the words do not?']],
  ]],
];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '-');

export const DEFAULT_GOALS: readonly LibraryGoalLike[] = GOALS.flatMap(([trait, entries]) =>
  entries.map(([text, strategies, prompts], i) => ({ id: `lib-${slug(trait)}-${i + 1}`, trait, text, strategies, prompts, order: i, builtIn: true })),
);

export const LIBRARY_TRAITS: readonly string[] = GOALS.map(([t]) => t);

/** The built-in goals and the teacher's own, per trait (built-in traits first, in their order), each list in order. */
export function libraryByTrait(own: readonly LibraryGoalLike[]): Map<string, LibraryGoalLike[]> {
  const out = new Map<string, LibraryGoalLike[]>(LIBRARY_TRAITS.map((t) => [t, []]));
  for (const g of [...DEFAULT_GOALS, ...own]) {
    const list = out.get(g.trait) ?? [];
    list.push(g);
    out.set(g.trait, list);
  }
  for (const list of out.values()) list.sort((a, b) => Number(!!b.builtIn) - Number(!!a.builtIn) || a.order - b.order || a.id.localeCompare(b.id));
  return out;
}

/** One strategy or prompt per line; blank lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Why a teacher's new goal cannot be saved yet, or null when it can. */
export function goalProblem(g: { trait: string; text: string; strategies: readonly string[] }): string | null {
  if (!g.trait.trim()) return 'Choose or type the trait this goal grows.';
  if (!g.text.trim()) return 'Type the goal, in the student\'s words ("I can...").';
  if (g.strategies.length === 0) return 'Add at least one teaching strategy, one per line.';
  return null;
}
