// A small progress bar on stderr. On a terminal it redraws one line (at most ~10 times a
// second); in logs (no TTY) it prints a line at every 10% so CI output stays short.

const WIDTH = 28;

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`);

export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = performance.now();
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastDecile = -1;
  let line = "";

  const render = (done: number, total: number) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(ratio * WIDTH);
    const elapsed = performance.now() - started;
    const eta = ratio > 0 && ratio < 1 ? ` eta ${seconds((elapsed / ratio) * (1 - ratio))}` : "";
    const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
    return `${label} ${bar} ${(ratio * 100).toFixed(0).padStart(3)}% ${done}/${total} ${seconds(elapsed)}${eta}`;
  };

  return {
    update(done, total) {
      line = render(done, total);
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${line}\x1b[K`);
      } else {
        const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
        if (decile === lastDecile) return;
        lastDecile = decile;
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (tty && line) stream.write(`\r${line}\x1b[K\n`);
    },
  };
}
