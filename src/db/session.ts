// This device's identity and hybrid logical clock, loaded from its database before the first write
// ("never write before load"). One Session per database, so a test can run several devices in one process.

import { createHlc, receive, tick, type HlcState, type Stamp } from '../domain/hlc';
import { newNodeId } from '../domain/ids';
import type { CirculateDb } from './schema';

const DEFAULT_AUTHOR = 'Teacher';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export class Session {
  private loaded: { deviceId: string; author: string; clock: HlcState } | undefined;
  private loading: Promise<void> | undefined;
  private persistedMs = 0;

  constructor(private readonly db: CirculateDb) {}

  private get clockKey(): string {
    return `circulate.hlc.ms.${this.db.name}`;
  }

  ready(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    let device = (await this.db.local.get('deviceId'))?.value as string | undefined;
    if (!device) {
      device = newNodeId(8);
      await this.db.local.put({ key: 'deviceId', value: device });
    }
    const author = ((await this.db.local.get('teacherName'))?.value as string | undefined) || DEFAULT_AUTHOR;
    const lastMs = Number(storage()?.getItem(this.clockKey) ?? 0) || 0;
    // Each tab gets its own node id so two tabs on one device can never issue the same stamp.
    this.loaded = { deviceId: device, author, clock: createHlc(`${device}-${newNodeId(4)}`, lastMs) };
  }

  private get s() {
    if (!this.loaded) throw new Error('Session not loaded: await ready() before writing');
    return this.loaded;
  }

  nextStamp(now = Date.now()): Stamp {
    const { state, stamp } = tick(this.s.clock, now);
    this.s.clock = state;
    // Persisting the clock guards against a wall clock set back between sessions; once a second is enough for that,
    // and a storage write on every tap would cost more than the tap itself.
    if (state.ms - this.persistedMs >= 1000 || state.ms < this.persistedMs) {
      this.persistedMs = state.ms;
      try {
        storage()?.setItem(this.clockKey, String(state.ms + 1000));
      } catch {
        // A clock that cannot be persisted still orders this session's writes; the wall clock carries the rest.
      }
    }
    return stamp;
  }

  /** Advances the clock past a stamp seen from another device; a stamp from too far in the future is ignored. */
  observe(stamp: Stamp, now = Date.now()): void {
    if (!this.loaded) return;
    try {
      this.loaded.clock = receive(this.loaded.clock, stamp, now);
    } catch {
      // The server refuses such stamps; if one slips through, it must not drag this clock into the future.
    }
  }

  get author(): string {
    return this.loaded?.author ?? DEFAULT_AUTHOR;
  }

  get deviceId(): string | undefined {
    return this.loaded?.deviceId;
  }

  async setAuthor(name: string): Promise<void> {
    await this.ready();
    this.s.author = name.trim() || DEFAULT_AUTHOR;
    await this.db.local.put({ key: 'teacherName', value: this.s.author });
  }

  /** Tests only: forget what was loaded so the next ready() reloads from a fresh database. */
  reset(): void {
    this.loaded = undefined;
    this.loading = undefined;
  }
}
