// Renders the site icons in public/ from public/icon.svg (run after changing the SVG:
// `node scripts/make-icons.mjs`). favicon.ico holds 16, 32 and 48 px PNGs (the ICO format allows PNG entries).
import { readFileSync, writeFileSync } from "node:fs";
import sharp from "sharp";

const dir = new URL("../public/", import.meta.url);
const svg = readFileSync(new URL("icon.svg", dir));
const png = (size) => sharp(svg, { density: 384 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

for (const [file, size] of [
  ["icon-192.png", 192],
  ["icon-512.png", 512],
  ["apple-touch-icon.png", 180],
]) {
  writeFileSync(new URL(file, dir), await png(size));
}

const sizes = [16, 32, 48];
const images = await Promise.all(sizes.map(png));
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((size, i) => {
  const at = 6 + 16 * i;
  header.writeUInt8(size, at); // width
  header.writeUInt8(size, at + 1); // height
  header.writeUInt16LE(1, at + 4); // colour planes
  header.writeUInt16LE(32, at + 6); // bits per pixel
  header.writeUInt32LE(images[i].length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += images[i].length;
});
writeFileSync(new URL("favicon.ico", dir), Buffer.concat([header, ...images]));
