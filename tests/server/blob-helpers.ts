// Shared pieces of the blob tests: a small client for PUT/GET/missing, and bytes with their SHA-256.

import { createHash, randomBytes } from 'node:crypto';
import { CLASS_HEADER } from '../../src/shared/blobs';
import { API_BASE, CLIENT_SCHEMA, SCHEMA_HEADER } from '../../src/shared/protocol';

export function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Random bytes (random so every test's blobs differ) with their hash. */
export function blobOf(size: number): { bytes: Uint8Array<ArrayBuffer>; sha256: string } {
  const bytes = new Uint8Array(randomBytes(size));
  return { bytes, sha256: sha(bytes) };
}

export interface BlobClient {
  put(classId: string, sha256: string, body: BodyInit, type?: string, extra?: Record<string, string>): Promise<Response>;
  get(classId: string, sha256: string): Promise<Response>;
  missing(body: unknown): Promise<Response>;
}

export function blobClient(server: { url: string }, token: string): BlobClient {
  const headers = (extra: Record<string, string>) => ({ Authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(CLIENT_SCHEMA), ...extra });
  return {
    put: (classId, sha256, body, type = 'image/jpeg', extra = {}) =>
      fetch(`${server.url}${API_BASE}/blobs/${sha256}`, {
        method: 'PUT',
        headers: headers({ [CLASS_HEADER]: classId, 'Content-Type': type, ...extra }),
        body,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit),
    get: (classId, sha256) => fetch(`${server.url}${API_BASE}/blobs/${sha256}`, { headers: headers({ [CLASS_HEADER]: classId }) }),
    missing: (body) =>
      fetch(`${server.url}${API_BASE}/blobs/missing`, { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) }),
  };
}

/** A chunked body (no Content-Length) of `total` bytes in chunks of `chunk`, from `bytes` repeated. */
export function streamOf(bytes: Uint8Array, total: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(ctrl) {
      if (sent >= total) return ctrl.close();
      const n = Math.min(chunk, total - sent);
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = bytes[(sent + i) % bytes.length]!;
      sent += n;
      ctrl.enqueue(out);
    },
  });
}
