/**
 * Draws the app's icons (the installable app's manifest and the home-screen icon) as PNG and SVG into
 * src/web/public/icons: a white ring on the theme's blue, drawn here so no image is downloaded or
 * hand-edited. Run once after changing the design: `node --import tsx src/cli/make-icons.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BLUE = [0x18, 0x6e, 0xbc] as const;
const OUT = path.resolve(import.meta.dirname, '../web/public/icons');

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A ring (and a dot) centred on the square; `safe` shrinks it into the maskable icon's safe zone. */
function pixel(x: number, y: number, size: number, safe: number): boolean {
  const c = size / 2;
  const d = Math.hypot(x + 0.5 - c, y + 0.5 - c) / (size * safe);
  return (d > 0.3 && d < 0.42) || d < 0.12;
}

function png(size: number, safe: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const rgb = pixel(x, y, size, safe) ? [255, 255, 255] : BLUE;
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><title>Cellwork</title><rect width="100" height="100" rx="18" fill="#186ebc"/><circle cx="50" cy="50" r="36" fill="none" stroke="#fff" stroke-width="12"/><circle cx="50" cy="50" r="12" fill="#fff"/></svg>\n`;

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'icon-192.png'), png(192, 1));
fs.writeFileSync(path.join(OUT, 'icon-512.png'), png(512, 1));
fs.writeFileSync(path.join(OUT, 'icon-maskable-512.png'), png(512, 0.8));
fs.writeFileSync(path.join(OUT, 'apple-touch-icon.png'), png(180, 0.9));
fs.writeFileSync(path.join(OUT, 'icon.svg'), svg);
