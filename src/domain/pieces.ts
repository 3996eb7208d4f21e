// Which piece a class is working on. The clipboard, the groups area and conferences all ask, so they ask here and
// cannot drift apart.

/** The fields the choice reads; structural so the domain needs no record types. */
export interface PieceLike {
  id: string;
  startDate: string;
  deleted: boolean;
  archived: boolean;
}

/** Newest first by start date; the id breaks ties so every device orders the same pieces the same way. */
export function newestFirst(a: PieceLike, b: PieceLike): number {
  return b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id);
}

/**
 * The piece in progress: the one the teacher chose on this device if it is still open (not deleted or archived),
 * else the newest open one, else null. The input may be in any order.
 */
export function currentPiece<P extends PieceLike>(pieces: readonly P[], chosenId: string | null | undefined): P | null {
  const open = pieces.filter((p) => !p.deleted && !p.archived);
  return open.find((p) => p.id === chosenId) ?? open.sort(newestFirst)[0] ?? null;
}
