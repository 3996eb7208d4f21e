// Injected network faults for the sync simulation: a request dropped, sent twice at once, or committed with its
// answer lost.

export interface Faults {
  on: boolean;
  drop: number;
  duplicate: number;
  lose: number;
  log: string[];
}

/** Wraps fetch with injected faults: a request never sent, sent twice at once, or committed with its answer lost. */
export function faultyFetch(rand: () => number, faults: Faults, send: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    if (!faults.on) return send(input, init);
    const path = new URL(String(input)).pathname.split('/').pop();
    const r = rand();
    if (r < faults.drop) {
      faults.log.push(`drop ${path}`);
      throw new TypeError('fetch failed (dropped)');
    }
    if (r < faults.drop + faults.duplicate) {
      faults.log.push(`duplicate ${path}`);
      const [a, b] = await Promise.allSettled([send(input, init), send(input, init)]);
      const pick = rand() < 0.5 ? a : b;
      const other = pick === a ? b : a;
      if (other.status === 'fulfilled') await other.value.arrayBuffer().catch(() => undefined);
      if (pick.status === 'rejected') throw pick.reason;
      return pick.value;
    }
    if (r < faults.drop + faults.duplicate + faults.lose) {
      faults.log.push(`lose ${path}`);
      const res = await send(input, init);
      await res.arrayBuffer();
      throw new TypeError('fetch failed (response lost)');
    }
    return send(input, init);
  };
}
