// A server process killed (SIGKILL) while blobs are being uploaded, then started again on the same store: every blob
// acknowledged before the kill downloads intact, and an upload cut off mid-body is absent, never stored in part.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORES } from './api-helpers';
import { blobClient, blobOf, sha } from './blob-helpers';
import { freePort } from '../../server/testing';
import { addTeacherToStore, freshStoreEnv, startServerProcess, type ServerProcess } from './process-helpers';

describe.each(STORES)('crash mid-upload on $name', (store) => {
  let proc: ServerProcess | undefined;
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(async () => {
    await proc?.kill();
    await cleanup();
  });

  it('loses no acknowledged blob and keeps no partial one across a SIGKILL', async () => {
    const fresh = freshStoreEnv(store.name, 'blobcrash');
    const env = fresh.env;
    cleanup = fresh.cleanup;
    const token = await addTeacherToStore(env, 'Ms Rivera');

    const port = await freePort();
    proc = await startServerProcess(env, port);
    const api = blobClient({ url: proc.url }, token);

    // Acknowledged before anything goes wrong (the first also makes the new class hers).
    const early = [blobOf(400_000), blobOf(700_000), blobOf(50_000)];
    for (const b of early) expect((await api.put('class-a', b.sha256, b.bytes)).status).toBe(201);

    // Then several uploads at once, and one whose body stops half-way and never finishes.
    const burst = Array.from({ length: 6 }, () => blobOf(1_500_000));
    const cut = blobOf(1_000_000);
    let sentHalf!: () => void;
    const halfSent = new Promise<void>((r) => (sentHalf = r));
    const stalled = new ReadableStream<Uint8Array>({
      start(ctrl) {
        ctrl.enqueue(cut.bytes.subarray(0, 500_000));
        sentHalf();
      },
    });
    const cutUpload = api.put('class-a', cut.sha256, stalled).then((r) => r.status, () => 0);
    await halfSent;
    const acked = new Set<string>();
    let firstAck!: () => void;
    const someAcked = new Promise<void>((r) => (firstAck = r));
    const inFlight = Promise.all(
      burst.map((b) =>
        api.put('class-a', b.sha256, b.bytes).then(
          (r) => {
            if (r.status === 201) acked.add(b.sha256);
            firstAck();
          },
          () => undefined,
        ),
      ),
    );
    await someAcked;
    await proc.kill();
    await inFlight;
    expect(await cutUpload).toBe(0);
    const ackedAtKill = new Set(acked);
    expect(ackedAtKill.size).toBeGreaterThan(0);

    proc = await startServerProcess(env, port);
    const after = blobClient({ url: proc.url }, token);
    for (const b of [...early, ...burst.filter((x) => ackedAtKill.has(x.sha256))]) {
      const res = await after.get('class-a', b.sha256);
      expect(res.status).toBe(200);
      expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(b.sha256);
    }
    // Unacknowledged ones are either wholly there (committed just before the kill) or absent.
    for (const b of burst.filter((x) => !ackedAtKill.has(x.sha256))) {
      const res = await after.get('class-a', b.sha256);
      expect([200, 404]).toContain(res.status);
      if (res.status === 200) expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(b.sha256);
    }
    expect((await after.get('class-a', cut.sha256)).status).toBe(404);

    if (env.DATA_DIR) {
      // On disk: no temp file left after the restart, and every file is whole (its name is its content's hash).
      const dir = join(env.DATA_DIR, 'blobs');
      for (const name of readdirSync(dir)) {
        expect(name).toMatch(/^[0-9a-f]{64}$/);
        expect(sha(readFileSync(join(dir, name)))).toBe(name);
      }
    }
    // And the interrupted upload, sent again whole, goes through.
    expect((await after.put('class-a', cut.sha256, cut.bytes)).status).toBe(201);
  });
});
