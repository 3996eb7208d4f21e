// Reads a request body up to a size limit. An oversized body is read to its end (up to a cap) and discarded before
// the 413 goes out: a server that answers mid-upload and closes makes many clients report a network error instead.

import { ApiError } from './errors';

const DRAIN_CAP_BYTES = 32 * 1024 * 1024;

export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new ApiError(413, 'too-large', `The request body is over ${maxBytes} bytes; send fewer changes per push`);
  const declared = Number(req.headers.get('content-length') ?? NaN);
  // A declared length within the limit is all the body there can be (HTTP/1.1 framing), so it is read whole: the
  // Node adapter then buffers it directly instead of building a web stream, a large share of a small push's cost.
  if (declared >= 0 && declared <= maxBytes) return Buffer.from(await req.arrayBuffer()).toString('utf8');
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = declared > maxBytes;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) over = true;
    if (over) {
      if (size > DRAIN_CAP_BYTES) {
        await reader.cancel();
        break;
      }
      continue;
    }
    chunks.push(value);
  }
  if (over) throw tooLarge();
  return Buffer.concat(chunks, size).toString('utf8');
}
