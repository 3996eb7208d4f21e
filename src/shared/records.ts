// The records Circulate syncs: every synced table's row shape, shared by the app and the reference server.
// Synced rows hold their fields at the top level (so Dexie can index them) and per-field stamps in `_m`.

import type { MarkValue } from '../domain/marks';
import type { FieldMeta } from '../domain/merge';
import type { MemoRef, PhotoRef } from './blobs';

export type { MemoRef, PhotoRef };

export interface SyncedBase {
  id: string;
  /** Tombstone: deletes are writes, so a delete made offline reaches every device. */
  deleted: boolean;
  /** Per-field HLC stamp and author, written only by the write path. */
  _m: Record<string, FieldMeta>;
}

export interface ClassRec extends SyncedBase {
  name: string;
  grade: string;
  archived: boolean;
  order: number;
}

export interface Student extends SyncedBase {
  classId: string;
  firstName: string;
  lastName: string;
  order: number;
  archived: boolean;
  /** Where the student came from (a OneRoster sourcedId), so a re-import updates instead of duplicating. */
  sourceId: string | null;
}

export interface Piece extends SyncedBase {
  classId: string;
  title: string;
  genre: string;
  /** YYYY-MM-DD */
  startDate: string;
  /** The one objective in focus today, if any. */
  lensObjectiveId: string | null;
  archived: boolean;
}

export interface Objective extends SyncedBase {
  classId: string;
  pieceId: string;
  text: string;
  /** 6+1 trait or checklist strand the objective belongs to. */
  trait: string | null;
  order: number;
}

export type { MarkValue };

/** One tap on the checklist: every tap is kept, the grid shows the latest per student and objective. */
export interface Mark extends SyncedBase {
  classId: string;
  pieceId: string;
  studentId: string;
  objectiveId: string;
  value: MarkValue;
  at: number;
}

export type NoteContext = 'mini-lesson' | 'independent' | 'guided-group' | 'conference';

export interface Note extends SyncedBase {
  classId: string;
  studentId: string;
  pieceId: string | null;
  text: string;
  objectiveIds: string[];
  context: NoteContext | null;
  /** A private note stays on this device: the write path never puts it in the outbox. */
  private: boolean;
  at: number;
  printedAt: number | null;
  /** Before schema 5 photos stayed on one device under this id; the upgrade moves them to `photo` and sets null. */
  photoId: string | null;
  /** The note's photo. Rows from before schema 5 lack it. */
  photo?: PhotoRef | null;
  /** Set when the note was written inside a group session or a conference. */
  groupSessionId: string | null;
  conferenceId: string | null;
  /** Voice memos, oldest first. Rows from before schema 4 lack it. */
  memos?: MemoRef[];
}

export type GroupKind = 'table' | 'needs' | 'intervention';

export interface Group extends SyncedBase {
  classId: string;
  pieceId: string | null;
  name: string;
  kind: GroupKind;
  focusObjectiveId: string | null;
  memberIds: string[];
  teachingPoint: string;
  plannedMinutes: number;
  /** Weekdays 1-5 for an intervention group's schedule. */
  schedule: number[];
  dissolved: boolean;
  order: number;
  /** Members the teacher locked in place: a new suggestion keeps them in this group. Rows from before it lack it. */
  lockedIds?: string[];
}

export interface GroupSession extends SyncedBase {
  classId: string;
  groupId: string;
  focusObjectiveId: string | null;
  attendeeIds: string[];
  at: number;
  minutes: number;
}

/** Students the teacher keeps out of the same group. */
export interface KeepApart extends SyncedBase {
  classId: string;
  studentA: string;
  studentB: string;
}

export type ConferenceKind = 'teacher' | 'peer';

export interface Conference extends SyncedBase {
  classId: string;
  studentId: string;
  kind: ConferenceKind;
  partnerId: string | null;
  pieceId: string | null;
  objectiveId: string | null;
  strengths: string;
  trait: string;
  nextStep: string;
  at: number;
  minutes: number;
  goalId: string | null;
  /** Voice memos, oldest first. Rows from before schema 4 lack it. */
  memos?: MemoRef[];
}

export interface Goal extends SyncedBase {
  classId: string;
  studentId: string;
  text: string;
  setAt: number;
  conferenceId: string | null;
  /** The goal that replaced this one; the current goal has none. */
  closedAt: number | null;
  /** The trait the goal grows and the library goal and strategy it was picked from. Rows from before schema 6 lack them. */
  trait?: string | null;
  libraryId?: string | null;
  strategy?: string | null;
}

export type SelfEvaluation = 'not-yet' | 'starting' | 'yes';

/** A student's self-evaluation against a goal; separate rows so two devices adding one never collide. */
export interface GoalCheck extends SyncedBase {
  classId: string;
  goalId: string;
  studentId: string;
  value: SelfEvaluation;
  at: number;
}

/** A writer's place on the continuum for a trait, set in a conference or from the student's page. Every rating is
 * its own row (like a checklist tap), so the chart shows each one and an undo is a tombstone. */
export interface Rating extends SyncedBase {
  classId: string;
  studentId: string;
  trait: string;
  /** 0 not yet, 1 beginning, 2 developing, 3 secure (the names are the teacher's, in settings). */
  level: number;
  at: number;
  pieceId: string | null;
  conferenceId: string | null;
}

/** A goal the teacher added to the goal library (the built-in ones live in src/domain/goalLibrary.ts), with its
 * teaching strategies and prompts. Teacher-scoped, like starters. */
export interface LibraryGoal extends SyncedBase {
  trait: string;
  text: string;
  strategies: string[];
  prompts: string[];
  order: number;
}

export interface Reflection extends SyncedBase {
  classId: string;
  /** YYYY-MM-DD */
  date: string;
  hard: string;
  wentWell: string;
}

export type StarterStep = 'opener' | 'tell' | 'ask' | 'give';

export interface Starter extends SyncedBase {
  step: StarterStep;
  text: string;
  order: number;
}

export type { ReportDraft } from './reportDraftRecord';
import type { ReportDraft } from './reportDraftRecord';

/** Teacher preferences that follow the teacher to another device. */
export interface Setting extends SyncedBase {
  value: unknown;
}

export interface SyncedTables {
  classes: ClassRec;
  students: Student;
  pieces: Piece;
  objectives: Objective;
  marks: Mark;
  notes: Note;
  groups: Group;
  groupSessions: GroupSession;
  keepApart: KeepApart;
  conferences: Conference;
  goals: Goal;
  goalChecks: GoalCheck;
  ratings: Rating;
  goalLibrary: LibraryGoal;
  reflections: Reflection;
  reportDrafts: ReportDraft;
  starters: Starter;
  settings: Setting;
}

export type TableName = keyof SyncedTables;

export const SYNCED_TABLES = [
  'classes',
  'students',
  'pieces',
  'objectives',
  'marks',
  'notes',
  'groups',
  'groupSessions',
  'keepApart',
  'conferences',
  'goals',
  'goalChecks',
  'ratings',
  'goalLibrary',
  'reflections',
  'reportDrafts',
  'starters',
  'settings',
] as const satisfies readonly TableName[];

/** The fields a caller provides: everything but the id, tombstone and stamps, which the write path owns. */
export type Fields<T extends TableName> = Omit<SyncedTables[T], 'id' | 'deleted' | '_m'>;

export { isPrivateNote, isWithdrawal, WITHDRAWN_NOTE_FIELDS } from './withdrawal';
