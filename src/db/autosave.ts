// Saving as the teacher types. Each edit goes to a synchronous localStorage draft at once (it survives a closed tab
// or a dead battery) and to the database after a short pause, on blur, and when the page is hidden or closed.
// recoverDrafts() at start-up writes any draft that never reached the database.

import { update } from './write';
import type { TableName } from '../shared/records';

const PREFIX = 'circulate.draft.';
const DELAY_MS = 300;

interface Pending {
  table: TableName;
  id: string;
  field: string;
  value: string;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const pending = new Map<string, Pending>();

function key(table: TableName, id: string, field: string): string {
  return `${PREFIX}${table}.${id}.${field}`;
}

function writeDraft(p: Pending): void {
  try {
    localStorage.setItem(key(p.table, p.id, p.field), JSON.stringify({ table: p.table, id: p.id, field: p.field, value: p.value }));
  } catch {
    // Storage full: the database write below still runs and reports the failure to the teacher.
  }
}

function clearDraft(p: Pick<Pending, 'table' | 'id' | 'field'>): void {
  try {
    localStorage.removeItem(key(p.table, p.id, p.field));
  } catch {
    /* nothing to clear */
  }
}

async function save(k: string): Promise<void> {
  const p = pending.get(k);
  if (!p) return;
  clearTimeout(p.timer);
  pending.delete(k);
  await update(p.table, p.id, { [p.field]: p.value } as never);
  // Only forget the draft if nothing newer was typed while the write was in flight.
  if (!pending.has(k)) clearDraft(p);
}

/** Records an edit: draft now, database shortly. */
export function queueSave(table: TableName, id: string, field: string, value: string): void {
  const k = key(table, id, field);
  const prev = pending.get(k);
  clearTimeout(prev?.timer);
  const p: Pending = { table, id, field, value, timer: undefined };
  writeDraft(p);
  p.timer = setTimeout(() => void save(k), DELAY_MS);
  pending.set(k, p);
}

export function flushSave(table: TableName, id: string, field: string): Promise<void> {
  return save(key(table, id, field));
}

/** Writes every pending edit now (before an update reload, on page hide). */
export async function flushPendingSaves(): Promise<void> {
  await Promise.all([...pending.keys()].map((k) => save(k)));
}

/** Writes drafts left by a session that ended before its last save reached the database. */
export async function recoverDrafts(): Promise<number> {
  let recovered = 0;
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  for (const k of keys) {
    try {
      const d = JSON.parse(localStorage.getItem(k) ?? 'null') as { table: TableName; id: string; field: string; value: string } | null;
      if (d) {
        await update(d.table, d.id, { [d.field]: d.value } as never);
        recovered++;
      }
      localStorage.removeItem(k);
    } catch {
      // The record is gone (deleted elsewhere) or the draft is unreadable: drop it rather than retry forever.
      localStorage.removeItem(k);
    }
  }
  return recovered;
}

let installed = false;
/** Flushes on page hide and tab close, the moments a tablet app is most often killed. */
export function installAutosaveFlush(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushPendingSaves();
  });
  window.addEventListener('pagehide', () => void flushPendingSaves());
}
