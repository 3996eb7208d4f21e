// Which notes stay on the device and what a note made private still sends: the rule the write path, the sync
// engine and the server all apply.

/** Private notes never leave the device: the one rule the write path, the sync engine and the server all apply. */
export function isPrivateNote(table: string, fields: object | undefined | null): boolean {
  return table === 'notes' && (fields as { private?: unknown } | undefined | null)?.private === true;
}

/**
 * What a note made private keeps beyond this device: its class (to route it), the flag and its tombstone. Nothing a
 * teacher wrote. The server keeps only these of a private note, and other devices drop their copy on seeing one.
 */
export const WITHDRAWN_NOTE_FIELDS: ReadonlySet<string> = new Set(['classId', 'private', 'deleted']);

/** A withdrawal: the one change about a private note that leaves the device (it carries no words, see above). */
export function isWithdrawal(table: string, fields: Record<string, unknown>): boolean {
  return isPrivateNote(table, fields) && Object.keys(fields).every((f) => WITHDRAWN_NOTE_FIELDS.has(f));
}
