// Runs the real server entry point and CLI tools as child processes, for tests of the command line and of crashes.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Store settings as the server and CLI read them from the environment. */
export interface StoreEnv {
  DATA_DIR?: string;
  DATABASE_URL?: string;
  PG_SCHEMA?: string;
}

export function runCli(script: 'add-teacher' | 'share-class', args: string[], env: StoreEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown, no flush, as a power cut or an OOM kill would. */
  kill(): Promise<void>;
}

export async function startServerProcess(env: StoreEnv, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: String(port), HOST: '127.0.0.1', CIRCULATE_LOG: 'quiet', DIST_DIR: '/nonexistent' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/api/v1/hello`, { headers: { 'X-Circulate-Schema': '99' } });
      if (res.status === 401) break;
    } catch {
      if (i > 600 || child.exitCode !== null) throw new Error('server process did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
