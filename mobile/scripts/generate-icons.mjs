// Draws the app's icons (a white "M" on the Move Acces blue) and writes them as PNG files to
// public/icons. No image library and no network: the PNG encoder is the few lines below.
// Run with `npm run icons`; the output is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const BLUE = [0x00, 0x61, 0xa4];
const WHITE = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// The "M" in unit coordinates (0..1, centred), as a stroked polyline.
const M = [
  [0.3, 0.68],
  [0.3, 0.32],
  [0.5, 0.54],
  [0.7, 0.32],
  [0.7, 0.68],
];
const STROKE = 0.075;

/**
 * @param size pixels
 * @param glyphScale the share of the icon the glyph spans (maskable icons keep to the safe zone)
 * @param shape 'rounded' (transparent corners) or 'full' (full bleed, for maskable)
 */
function drawIcon(size, { glyphScale, shape }) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let background = 0;
      let glyph = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          if (shape === 'full' || insideRoundedSquare(u, v, 0.22)) background++;
          const gu = 0.5 + (u - 0.5) / glyphScale;
          const gv = 0.5 + (v - 0.5) / glyphScale;
          const d = Math.min(...M.slice(1).map((point, i) => distanceToSegment(gu, gv, M[i], point)));
          if (d <= STROKE / 2) glyph++;
        }
      }
      const total = samples * samples;
      const coverage = background / total;
      const white = Math.min(glyph, background) / Math.max(background, 1);
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) rgba[offset + c] = Math.round(BLUE[c] * (1 - white) + WHITE[c] * white);
      rgba[offset + 3] = Math.round(coverage * 255);
    }
  }
  return encodePng(size, rgba);
}

function insideRoundedSquare(u, v, radius) {
  const cx = Math.min(Math.max(u, radius), 1 - radius);
  const cy = Math.min(Math.max(v, radius), 1 - radius);
  return Math.hypot(u - cx, v - cy) <= radius;
}

const icons = [
  ['icon-192.png', 192, { glyphScale: 1, shape: 'rounded' }],
  ['icon-512.png', 512, { glyphScale: 1, shape: 'rounded' }],
  // Maskable: full bleed, the glyph inside the central 80 % safe zone whatever the mask.
  ['icon-maskable-512.png', 512, { glyphScale: 0.75, shape: 'full' }],
  // iOS draws its own rounded corners and shows transparency as black: full bleed.
  ['apple-touch-icon-180.png', 180, { glyphScale: 0.9, shape: 'full' }],
];

mkdirSync(outDir, { recursive: true });
for (const [name, size, options] of icons) {
  writeFileSync(join(outDir, name), drawIcon(size, options));
  console.log(`public/icons/${name} (${size}×${size})`);
}
