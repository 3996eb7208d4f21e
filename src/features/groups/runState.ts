// A running group's device-only state: the session id its notes point to, who is absent and each member's note.
// Kept in the local table so a reload (or the tablet sleeping) mid-group loses nothing.
import { deleteLocal, getLocal, setLocal, useLocal } from '../../db/local';
import { newSessionId } from './groupActions';

export interface RunState {
  sessionId: string;
  startedAt: number;
  absentIds: string[];
  /** Note id per member, once the teacher opened one. */
  noteIds: Record<string, string>;
}

export const runKey = (groupId: string) => `group-run:${groupId}`;

function isRunState(v: unknown): v is RunState {
  const o = v as Partial<RunState> | null;
  return !!o && typeof o.sessionId === 'string' && Array.isArray(o.absentIds) && typeof o.noteIds === 'object' && o.noteIds !== null;
}

// Changes to one group's run state go one after another, and a read waits for the changes before it, so "Done"
// right after a tap on "Came" sees that tap.
const queues = new Map<string, Promise<unknown>>();

function queued<T>(groupId: string, fn: () => Promise<T>): Promise<T> {
  const next = (queues.get(groupId) ?? Promise.resolve()).catch(() => undefined).then(fn);
  queues.set(groupId, next);
  return next;
}

async function readOrCreate(groupId: string): Promise<RunState> {
  const cur = await getLocal<unknown>(runKey(groupId));
  if (isRunState(cur)) return cur;
  const fresh: RunState = { sessionId: newSessionId(), startedAt: Date.now(), absentIds: [], noteIds: {} };
  await setLocal(runKey(groupId), fresh);
  return fresh;
}

/** The run state, creating it the first time the group is opened. */
export function ensureRun(groupId: string): Promise<RunState> {
  return queued(groupId, () => readOrCreate(groupId));
}

export function changeRun(groupId: string, change: (s: RunState) => RunState): Promise<void> {
  return queued(groupId, async () => {
    const cur = await readOrCreate(groupId);
    await setLocal(runKey(groupId), change(cur));
  });
}

export function endRun(groupId: string): Promise<void> {
  return queued(groupId, () => deleteLocal(runKey(groupId)));
}

export function useRunState(groupId: string): RunState | null | undefined {
  const v = useLocal<unknown>(runKey(groupId), null);
  if (v === undefined) return undefined;
  return isRunState(v) ? v : null;
}
