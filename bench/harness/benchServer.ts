// The reference sync server that bench/run.ts starts for browser benches (SQLite in a temp dir, CORS open to the
// bench page), with fresh teacher tokens per bench (one per repeated run, so no run pulls another's records): the
// page finds them on window.__benchServer.

/** Ten: the sync bench alternates five plain and five encrypted runs. */
export const BENCH_TEACHERS = 10;

export interface BenchServer {
  url: string;
  tokens: string[];
}

export function benchServer(): BenchServer {
  const s = (globalThis as { __benchServer?: BenchServer }).__benchServer;
  if (!s) throw new Error('No sync server: run this bench through `npm run bench`, which starts one');
  return s;
}
