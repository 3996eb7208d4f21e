// This device's identity and hybrid logical clock, loaded once before the first write ("never write before load").

import { createHlc, receive, tick, type HlcState, type Stamp } from '../domain/hlc';
import { newNodeId } from '../domain/ids';
import { db } from './db';

const CLOCK_KEY = 'circulate.hlc.ms';
const DEFAULT_AUTHOR = 'Teacher';

interface Session {
  deviceId: string;
  author: string;
  clock: HlcState;
}

let session: Session | undefined;
let loading: Promise<Session> | undefined;

function storedClockMs(): number {
  try {
    return Number(globalThis.localStorage?.getItem(CLOCK_KEY) ?? 0) || 0;
  } catch {
    return 0;
  }
}

function persistClockMs(ms: number): void {
  try {
    globalThis.localStorage?.setItem(CLOCK_KEY, String(ms));
  } catch {
    // A clock that cannot be persisted still orders this session's writes; the wall clock carries the rest.
  }
}

async function load(): Promise<Session> {
  let device = (await db.local.get('deviceId'))?.value as string | undefined;
  if (!device) {
    device = newNodeId(8);
    await db.local.put({ key: 'deviceId', value: device });
  }
  const author = ((await db.local.get('teacherName'))?.value as string | undefined) || DEFAULT_AUTHOR;
  // Each tab gets its own node id so two tabs on one device can never issue the same stamp.
  const node = `${device}-${newNodeId(4)}`;
  return { deviceId: device, author, clock: createHlc(node, storedClockMs()) };
}

export async function ready(): Promise<Session> {
  if (session) return session;
  loading ??= load().then((s) => (session = s));
  return loading;
}

export function nextStamp(now = Date.now()): Stamp {
  if (!session) throw new Error('Session not loaded: await ready() before writing');
  const { state, stamp } = tick(session.clock, now);
  session.clock = state;
  persistClockMs(state.ms);
  return stamp;
}

/** Advances the clock past a stamp seen from another device; a stamp from too far in the future is ignored. */
export function observeStamp(stamp: Stamp, now = Date.now()): void {
  if (!session) return;
  try {
    session.clock = receive(session.clock, stamp, now);
  } catch {
    // The server refuses such stamps; if one slips through, it must not drag this clock into the future.
  }
}

export function currentAuthor(): string {
  return session?.author ?? DEFAULT_AUTHOR;
}

export function currentDeviceId(): string | undefined {
  return session?.deviceId;
}

export async function setAuthor(name: string): Promise<void> {
  const s = await ready();
  s.author = name.trim() || DEFAULT_AUTHOR;
  await db.local.put({ key: 'teacherName', value: s.author });
}

/** Tests only: forget the loaded session so the next ready() reloads from a fresh database. */
export function resetSessionForTests(): void {
  session = undefined;
  loading = undefined;
}
