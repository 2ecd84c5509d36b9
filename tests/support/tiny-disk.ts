// A really full disk for tests: a tmpfs of a few kilobytes mounted on a temporary folder. Needs
// root (CI and the dev containers run as root); returns null elsewhere so callers can fall back.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TinyDisk {
  dir: string;
  unmount: () => void;
}

export function tinyDisk(kilobytes: number): TinyDisk | null {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-tiny-disk-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${kilobytes}k`, "tmpfs", dir], { encoding: "utf8" });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount: () => {
      spawnSync("umount", [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
