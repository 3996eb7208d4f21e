// A slow shared link for tests and benches: request bodies cross one `bytesPerSecond` link in slices taken in turn
// (so an upload and a push share it, as on a classroom uplink), and each request pays `latencyMs` of round trip.
export interface Link {
  fetch: typeof fetch;
  /** Bytes sent so far. */
  sent(): number;
}

const SLICE = 16 * 1024;

export function throttledLink(bytesPerSecond: number, opts: { latencyMs?: number; inner?: typeof fetch } = {}): Link {
  const inner = opts.inner ?? fetch;
  let tail = Promise.resolve();
  let sent = 0;
  /** One slice on the wire: queued behind whatever slices other requests queued first. */
  const slice = (bytes: number) => {
    const done = tail.then(() => new Promise<void>((r) => setTimeout(r, (bytes / bytesPerSecond) * 1000)));
    tail = done;
    return done.then(() => {
      sent += bytes;
    });
  };
  const sizeOf = (body: unknown): number => (body instanceof Blob ? body.size : typeof body === 'string' ? new TextEncoder().encode(body).length : 0);
  return {
    sent: () => sent,
    fetch: async (input, init) => {
      // Headers and the request line, then the body slice by slice, each slice waiting its turn on the link.
      let left = 300 + sizeOf(init?.body);
      while (left > 0) {
        const n = Math.min(SLICE, left);
        await slice(n);
        left -= n;
      }
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
      return inner(input, init);
    },
  };
}
