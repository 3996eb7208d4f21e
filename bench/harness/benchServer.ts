// The reference sync server that bench/run.ts starts for browser benches (SQLite in a temp dir, CORS open to the
// bench page), with a fresh teacher token per bench: the page finds both on window.__benchServer.

export interface BenchServer {
  url: string;
  token: string;
}

export function benchServer(): BenchServer {
  const s = (globalThis as { __benchServer?: BenchServer }).__benchServer;
  if (!s) throw new Error('No sync server: run this bench through `npm run bench`, which starts one');
  return s;
}
