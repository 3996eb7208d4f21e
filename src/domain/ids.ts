// Ids made on the device: sortable by creation time and unique without asking anyone, so records made offline never collide.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function randomChars(n: number): string {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}

/** A time-prefixed id: 9 base-36 chars of ms then 10 random ones (about 51 bits). */
export function newId(now: number = Date.now()): string {
  return now.toString(36).padStart(9, '0') + randomChars(10);
}

/** A short random id for a device or a browser tab; lower-case so it is a valid HLC node id. */
export function newNodeId(length = 8): string {
  return randomChars(length);
}
