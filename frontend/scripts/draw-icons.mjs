// Draws Lectern's app icons (the logo mark: a lectern on an indigo tile) into public/ as PNG and
// ICO, with no dependencies or network. Run `npm run icons` after changing the mark; the files are
// committed so builds don't need this script.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const INDIGO = [79, 70, 229];
const WHITE = [255, 255, 255];

/** The mark in a 32×32 design grid (same geometry as components/shell/logo.tsx). */
const glyph = [
  { kind: "polygon", points: [[8, 11.5], [24, 8.5], [24, 12.5], [8, 15.5]] },
  { kind: "rect", x: 14.5, y: 15, w: 3, h: 9, r: 1 },
  { kind: "rect", x: 10.5, y: 23, w: 11, h: 2.5, r: 1.25 },
];

function insideRoundedRect(px, py, { x, y, w, h, r }) {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

function insidePolygon(px, py, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const insideGlyph = (x, y) =>
  glyph.some((shape) => (shape.kind === "rect" ? insideRoundedRect(x, y, shape) : insidePolygon(x, y, shape.points)));

/**
 * Renders the icon at `size` pixels. `tileRadius` rounds the background (0 = full bleed);
 * `glyphScale` shrinks the mark toward the centre (maskable icons keep it in the safe zone).
 */
function render(size, { tileRadius, glyphScale }) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = ((x + (sx + 0.5) / samples) / size) * 32;
          const v = ((y + (sy + 0.5) / samples) / size) * 32;
          if (insideRoundedRect(u, v, { x: 0, y: 0, w: 32, h: 32, r: tileRadius })) tile++;
          const gu = 16 + (u - 16) / glyphScale;
          const gv = 16 + (v - 16) / glyphScale;
          if (insideGlyph(gu, gv)) mark++;
        }
      }
      const total = samples * samples;
      const markShare = mark / total;
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) rgba[offset + c] = Math.round(INDIGO[c] * (1 - markShare) + WHITE[c] * markShare);
      rgba[offset + 3] = Math.round((tile / total) * 255);
    }
  }
  return encodePng(size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO file holding PNG images, which every current browser reads. */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

const rounded = { tileRadius: 7, glyphScale: 1 };
const fullBleed = { tileRadius: 0, glyphScale: 1 };
// Maskable icons may be cropped to a circle of 80% diameter; keep the mark well inside it.
const maskable = { tileRadius: 0, glyphScale: 0.72 };

mkdirSync("public/icons", { recursive: true });
writeFileSync("public/icons/icon-192.png", render(192, rounded));
writeFileSync("public/icons/icon-512.png", render(512, rounded));
writeFileSync("public/icons/maskable-192.png", render(192, maskable));
writeFileSync("public/icons/maskable-512.png", render(512, maskable));
writeFileSync("public/apple-touch-icon.png", render(180, fullBleed));
writeFileSync("public/favicon.ico", encodeIco([16, 32, 48].map((size) => ({ size, png: render(size, rounded) }))));
console.log("Icons written to public/.");
