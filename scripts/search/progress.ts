// A small progress bar on stderr. On a terminal it redraws one line (at most ~10 times a
// second); in logs (no TTY) it prints a line at every 10% so CI output stays short.
// The rate and the ETA come from the last 30 seconds, not from the start: a run that resumes
// (fast skips first) or slows down shows the time it will really take.

const WIDTH = 28;
const WINDOW_MS = 30_000;

const seconds = (ms: number) =>
  ms < 10_000
    ? `${(ms / 1000).toFixed(1)}s`
    : ms < 3_600_000
      ? `${Math.round(ms / 1000)}s`
      : `${(ms / 3_600_000).toFixed(1)}h`;

export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

/** Items per millisecond over the recent window, from samples taken as progress is reported. */
export function recentRate(now = () => performance.now()) {
  const samples: { at: number; done: number }[] = [];
  return (done: number): number | null => {
    const at = now();
    if (!samples.length || at - samples.at(-1)!.at >= 250) samples.push({ at, done });
    while (samples.length > 2 && at - samples[1]!.at > WINDOW_MS) samples.shift();
    const first = samples[0]!;
    return at > first.at && done > first.done ? (done - first.done) / (at - first.at) : null;
  };
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = performance.now();
  const tty = stream.isTTY === true;
  const rate = recentRate();
  let lastDraw = 0;
  let lastDecile = -1;
  let line = "";

  const render = (done: number, total: number) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(ratio * WIDTH);
    const elapsed = performance.now() - started;
    const perMs = rate(done);
    const speed = perMs ? ` ${Math.round(perMs * 1000)}/s` : "";
    const eta = perMs && ratio < 1 ? ` eta ${seconds((total - done) / perMs)}` : "";
    const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
    return `${label} ${bar} ${(ratio * 100).toFixed(0).padStart(3)}% ${done}/${total} ${seconds(elapsed)}${speed}${eta}`;
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
