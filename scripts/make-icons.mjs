// Draws the app icons (PNG) without any image tool: a ring on the brand colour. Run once; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pad) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = size / 2, outer = (size / 2) * (1 - pad), inner = outer * 0.55;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const angle = Math.atan2(y + 0.5 - c, x + 0.5 - c);
      const ring = d < outer && d > inner && !(angle > -0.5 && angle < 0.5);
      const dot = Math.hypot(x + 0.5 - (c + outer * 0.78), y + 0.5 - c) < outer * 0.16;
      const i = y * (size * 4 + 1) + 1 + x * 4;
      const [r, g, b] = ring || dot ? [255, 255, 255] : [0x1f, 0x4e, 0x79];
      raw[i] = r; raw[i + 1] = g; raw[i + 2] = b; raw[i + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
writeFileSync('public/icon-192.png', png(192, 0.2));
writeFileSync('public/icon-512.png', png(512, 0.2));
writeFileSync('public/icon-maskable-512.png', png(512, 0.35));
writeFileSync('public/apple-touch-icon.png', png(180, 0.2));
