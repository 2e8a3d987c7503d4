// Draws media/icon.png, the 128×128 Marketplace icon: a calendar page with a milestone diamond on an
// OpenStack-red rounded square. Plain Node (zlib only, no dependencies): `node media/icon.mjs`, then
// `pngquant --speed 1 16` and `optipng -o7` (Debian's), which halve the file with no visible change.
// Not packaged (.vscodeignore keeps the PNG, the SVGs and the walkthrough pages of media/).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // 4×4 samples per pixel for smooth edges

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const diamond = (cx, cy, r) => (x, y) => Math.abs(x - cx) + Math.abs(y - cy) <= r;

// Layers, back to front.
const layers = [
  [roundedRect(0, 0, 128, 128, 24), hex('#da1a32')],
  [roundedRect(22, 30, 106, 108, 9), hex('#ffffff')],
  [roundedRect(22, 30, 106, 52, 9), hex('#5c0b17')],
  [roundedRect(22, 42, 106, 52, 0), hex('#5c0b17')],
  [roundedRect(38, 20, 48, 40, 5), hex('#f4d9dd')],
  [roundedRect(80, 20, 90, 40, 5), hex('#f4d9dd')],
];
// Day cells: 4 columns × 3 rows; the milestone cell gets a diamond instead.
const milestone = [2, 1];
for (let row = 0; row < 3; row++) {
  for (let col = 0; col < 4; col++) {
    const x = 32 + col * 17;
    const y = 60 + row * 15;
    if (col === milestone[0] && row === milestone[1]) continue;
    layers.push([roundedRect(x, y, x + 12, y + 10, 2), hex(row * 4 + col < 6 ? '#9aa3ad' : '#d5dadf')]);
  }
}
layers.push([diamond(32 + milestone[0] * 17 + 6, 60 + milestone[1] * 15 + 5, 11), hex('#da1a32')]);

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const rowStart = py * (SIZE * 4 + 1);
  pixels[rowStart] = 0; // PNG filter: none
  for (let px = 0; px < SIZE; px++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (const [inside, color] of layers) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) if (inside(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) hits++;
      }
      const cover = hits / (SAMPLES * SAMPLES);
      if (!cover) continue;
      // "Over" compositing, premultiplied.
      const outA = cover + a * (1 - cover);
      [r, g, b] = [0, 1, 2].map((i) => (color[i] * cover + [r, g, b][i] * a * (1 - cover)) / outA);
      a = outA;
    }
    pixels.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], rowStart + 1 + px * 4);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter choice, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`media/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
