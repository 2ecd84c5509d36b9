import "server-only";
import { createReadStream, type WriteStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { Readable } from "node:stream";
import { OpsError } from "./errors";

// A minimal POSIX ustar archive: enough for an export (newsroom.json and media/<key> files), read
// back by `tar` or any archive tool. Written sequentially; read by offsets (no buffering of files).

const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1; // 11 octal digits: 8 GiB per entry

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`);
  if (size > MAX_SIZE) throw new Error(`tar: ${name} is larger than 8 GiB`);
  const h = Buffer.alloc(BLOCK);
  const put = (text: string, at: number, length: number) => h.write(text, at, length, "utf8");
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, "0") + "\0";
  put(name, 0, 100);
  put(octal(0o600, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12);
  h.fill(0x20, 148, 156); // checksum counted as spaces
  put("0", 156, 1);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  const sum = h.reduce((a, b) => a + b, 0);
  put(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
  return h;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

function write(out: WriteStream, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => out.write(data, (error) => (error ? reject(error) : resolve())));
}

export class TarWriter {
  constructor(private readonly out: WriteStream) {}

  async addBuffer(name: string, data: Buffer, mtime = new Date()): Promise<void> {
    await write(this.out, header(name, data.length, mtime));
    await write(this.out, data);
    await write(this.out, padding(data.length));
  }

  /** Adds `size` bytes from `body`; fails if the stream gives another number of bytes. */
  async addStream(name: string, body: Readable, size: number, mtime = new Date()): Promise<void> {
    await write(this.out, header(name, size, mtime));
    let seen = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > size) throw new Error(`tar: ${name} is longer than ${size} bytes`);
      await write(this.out, chunk);
    }
    if (seen !== size) throw new Error(`tar: ${name} has ${seen} bytes, not ${size}`);
    await write(this.out, padding(size));
  }

  async finish(): Promise<void> {
    await write(this.out, Buffer.alloc(BLOCK * 2));
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

export interface TarEntry {
  name: string;
  offset: number;
  size: number;
}

/** True when `file` starts with a ustar header. */
export async function isTar(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const h = Buffer.alloc(BLOCK);
    const { bytesRead } = await handle.read(h, 0, BLOCK, 0);
    return bytesRead === BLOCK && h.toString("latin1", 257, 262) === "ustar";
  } finally {
    await handle.close();
  }
}

async function readHeader(handle: FileHandle, at: number, file: string): Promise<TarEntry | null> {
  const h = Buffer.alloc(BLOCK);
  const { bytesRead } = await handle.read(h, 0, BLOCK, at);
  if (bytesRead < BLOCK || h.every((b) => b === 0)) return null;
  const sum = h.reduce((a, b, i) => a + (i >= 148 && i < 156 ? 0x20 : b), 0);
  if (parseInt(h.toString("latin1", 148, 156), 8) !== sum)
    throw new OpsError(`${file}: damaged archive (header at ${at})`);
  const name = h.toString("utf8", 0, 100).replace(/\0.*$/s, "");
  return { name, offset: at + BLOCK, size: parseInt(h.toString("latin1", 124, 136), 8) };
}

/** Every regular file in the archive, with where its bytes are. */
export async function readTarIndex(file: string): Promise<TarEntry[]> {
  const handle = await open(file, "r");
  try {
    const { size: total } = await handle.stat();
    const entries: TarEntry[] = [];
    for (let at = 0; at + BLOCK <= total;) {
      const entry = await readHeader(handle, at, file);
      if (!entry) break;
      if (entry.offset + entry.size > total) throw new OpsError(`${file}: the archive is cut short (${entry.name})`);
      entries.push(entry);
      at = entry.offset + entry.size + padding(entry.size).length;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

export const entryStream = (file: string, entry: TarEntry): Readable =>
  entry.size === 0
    ? Readable.from([])
    : createReadStream(file, { start: entry.offset, end: entry.offset + entry.size - 1 });
