// Starts and stops the HTTP listener for a Hono app (main.ts and the test server share it).

import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';

export interface Listening {
  port: number;
  close(): Promise<void>;
}

export function listen(fetch: (req: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server: ServerType = serve({ fetch, port, hostname });
    const http = server as Server;
    // Longer than the usual load balancer idle timeout (60 s), so the balancer, not this server, closes idle
    // keep-alive connections and never sends a request down one this server is just closing.
    http.keepAliveTimeout = 65_000;
    http.headersTimeout = 66_000;
    http.once('error', reject);
    http.once('listening', () => {
      http.off('error', reject);
      const addr = http.address();
      resolve({
        port: typeof addr === 'object' && addr ? addr.port : port,
        close: () =>
          new Promise<void>((done) => {
            // A short pause after closing lets clients in this process see their sockets end before they reuse them.
            http.close(() => setTimeout(done, 5));
            // Keep-alive sockets would hold close() open; in-flight requests are cut, like a process being stopped.
            http.closeAllConnections();
          }),
      });
    });
  });
}
