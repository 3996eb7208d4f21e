// Hybrid logical clock: stamps that order every change across devices even when their wall clocks disagree.
// A stamp is a fixed-width string so that plain string comparison is the clock order, with the node id last to break ties.

export type Stamp = string;

export interface HlcState {
  /** Wall-clock part of the last stamp issued or seen, in ms since the epoch. */
  ms: number;
  /** Logical counter within one millisecond. */
  c: number;
  node: string;
}

const MS_WIDTH = 15;
const C_WIDTH = 6;
const C_MAX = 36 ** C_WIDTH - 1;

/** How far ahead of this device's clock a stamp from elsewhere may be before it is refused. */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60_000;

export class ClockDriftError extends Error {
  constructor(
    readonly stamp: Stamp,
    readonly driftMs: number,
  ) {
    super(`Stamp ${stamp} is ${Math.round(driftMs / 1000)} s ahead of this clock`);
    this.name = 'ClockDriftError';
  }
}

export function isValidNodeId(node: string): boolean {
  return /^[a-z0-9-]{1,40}$/.test(node);
}

export function createHlc(node: string, ms = 0): HlcState {
  if (!isValidNodeId(node)) throw new Error(`Invalid HLC node id: ${node}`);
  return { ms, c: 0, node };
}

export function formatStamp(ms: number, c: number, node: string): Stamp {
  return `${ms.toString().padStart(MS_WIDTH, '0')}-${c.toString(36).padStart(C_WIDTH, '0')}-${node}`;
}

export function parseStamp(stamp: Stamp): { ms: number; c: number; node: string } {
  const m = /^(\d{15})-([0-9a-z]{6})-([a-z0-9-]{1,40})$/.exec(stamp);
  if (!m) throw new Error(`Not an HLC stamp: ${stamp}`);
  return { ms: Number(m[1]), c: parseInt(m[2]!, 36), node: m[3]! };
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && /^\d{15}-[0-9a-z]{6}-[a-z0-9-]{1,40}$/.test(value);
}

export function compareStamps(a: Stamp, b: Stamp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Issues the stamp for a local event and returns the advanced clock. */
export function tick(state: HlcState, now: number): { state: HlcState; stamp: Stamp } {
  let ms = state.ms;
  let c = state.c;
  if (now > ms) {
    ms = now;
    c = 0;
  } else {
    c += 1;
  }
  if (c > C_MAX) {
    // Counter exhausted within one millisecond: borrow the next millisecond rather than overflow the width.
    ms += 1;
    c = 0;
  }
  const next = { ms, c, node: state.node };
  return { state: next, stamp: formatStamp(ms, c, state.node) };
}

/**
 * Folds a stamp seen from another device into the clock so that later local stamps sort after it.
 * Throws ClockDriftError for a stamp too far in the future, which would otherwise drag every later stamp with it.
 */
export function receive(state: HlcState, remote: Stamp, now: number, maxDriftMs = DEFAULT_MAX_DRIFT_MS): HlcState {
  const r = parseStamp(remote);
  if (r.ms - now > maxDriftMs) throw new ClockDriftError(remote, r.ms - now);
  const ms = Math.max(state.ms, r.ms, now);
  let c: number;
  if (ms === state.ms && ms === r.ms) c = Math.max(state.c, r.c) + 1;
  else if (ms === state.ms) c = state.c + 1;
  else if (ms === r.ms) c = r.c + 1;
  else c = 0;
  return { ms, c: Math.min(c, C_MAX), node: state.node };
}

/** The ms since epoch a stamp carries, for "how far in the future" checks. */
export function stampMs(stamp: Stamp): number {
  return parseStamp(stamp).ms;
}
