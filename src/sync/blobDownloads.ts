// The blob queue's downloads: GET what pulled records name, keep only bytes that are what the record says (the plain
// hash; for a sealed blob, its address and then the seal), and mark a sealed blob that does not open tampered.

import type { BlobQueueStore } from '../db/blobQueue';
import { sha256Hex } from '../db/memos';
import type { BlobQueueRow } from '../db/localRecords';
import type { BlobSeal, NamedBlob } from '../shared/blobs';
import { BlobSealError, sha256HexOf } from './e2ee/blobCipher';
import type { BlobSeals } from './e2ee/blobSeals';
import { asSyncError, type SyncError } from './errors';
import type { Transport } from './transport';

/** Gets at sealed bytes that are not what their address says this many times before calling them tampered with: a
 * captive portal's page is not an attack, but a server that keeps sending wrong bytes is. */
const WRONG_BYTES_TRIES = 3;

const DAMAGED = new BlobSealError('damaged').message;

export interface DownloadPass {
  store: BlobQueueStore;
  seals: BlobSeals | undefined;
  transport: Transport;
  timeoutMs: number;
  now(): number;
  /** Backs an entry off to try again later. */
  later(e: BlobQueueRow, err: SyncError): Promise<void>;
  /** Whether this failure ends the pass (the network or the server is down): it is then the pass's error. */
  stops(err: SyncError): boolean;
  downloaded(): void;
  /** A sealed blob that failed the encryption check: kept out of the device, its entry asked again only after a long
   * wait (a good copy may come: the server drops damaged bytes, its uploader sends them again), and reported. */
  tampered(e: BlobQueueRow, at: { addr: string; hashed: boolean }, message: string): Promise<void>;
}

/** What a sealed download came to: the plain blob, a wait, or tampered (`hashed`: the bytes were the address's). */
type Opened = Blob | 'later' | { hashed: boolean };

async function opened(p: DownloadPass, e: BlobQueueRow, named: NamedBlob & { sealed: BlobSeal }, res: Response): Promise<Opened> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  if ((await sha256HexOf(bytes)) !== named.sealed.addr) return e.attempts + 1 < WRONG_BYTES_TRIES ? 'later' : { hashed: false };
  try {
    return await p.seals!.open(e.classId, named, bytes);
  } catch (err) {
    if (err instanceof BlobSealError && err.reason === 'unknown-key') return 'later';
    return { hashed: true };
  }
}

export async function downloads(p: DownloadPass, entries: readonly BlobQueueRow[]): Promise<void> {
  for (const e of entries) {
    const verdict = await p.store.verdict(e);
    if (verdict === 'gone') {
      await p.store.drop(e.key);
      continue;
    }
    if (await p.store.has(e.sha256)) {
      await p.store.done(e.key);
      continue;
    }
    const named = p.seals ? await p.store.namedIn(e) : undefined;
    const sealed = named?.sealed ? (named as NamedBlob & { sealed: BlobSeal }) : undefined;
    // Bytes are named by their hash: those that hashed right and did not open never will. Only a ref naming another
    // seal is worth a GET.
    if (sealed && e.tampered?.hashed && e.tampered.addr === sealed.sealed.addr) {
      await p.tampered(e, e.tampered, DAMAGED);
      continue;
    }
    try {
      const res = await p.transport.blob(`/blobs/${sealed?.sealed.addr ?? e.sha256}`, { method: 'GET', classId: e.classId, timeoutMs: p.timeoutMs });
      let typed: Blob;
      if (sealed) {
        const got = await opened(p, e, sealed, res);
        if (got === 'later') {
          await p.later(e, asSyncError(new Error('wrong bytes')));
          continue;
        }
        if (!(got instanceof Blob)) {
          await p.tampered(e, { addr: sealed.sealed.addr, hashed: got.hashed }, DAMAGED);
          continue;
        }
        typed = got;
      } else {
        const blob = await res.blob();
        typed = blob.type ? blob : new Blob([blob], { type: e.type });
        // Never keep bytes that are not what the record names (a proxy's page, a truncated body).
        if ((await sha256Hex(typed)) !== e.sha256) {
          await p.later(e, asSyncError(new Error('hash')));
          continue;
        }
      }
      await p.store.storeDownloaded(e, typed, p.now());
      p.downloaded();
    } catch (err) {
      // 404: the uploading tablet has not sent it yet; the placeholder stays and we ask again later.
      const x = asSyncError(err);
      await p.later(e, x);
      if (p.stops(x)) return;
    }
  }
}
