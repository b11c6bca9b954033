/**
 * A progress bar for long CLI work: redrawn in place on a terminal, plain lines (at most one per
 * tenth of the way) when the output is a file or a pipe.
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** Where we are; `total` may change (e.g. from bytes to rows). */
  update(done: number, total?: number, label?: string): void;
  /** Ends the bar with a final line. */
  finish(message?: string): void;
}

export function createProgress(
  label: string,
  total: number,
  stream: ProgressStream = process.stderr,
  options: { unit?: string; minIntervalMs?: number } = {},
): Progress {
  const tty = Boolean(stream.isTTY);
  const started = Date.now();
  const interval = options.minIntervalMs ?? 100;
  let lastDraw = 0;
  let lastTenth = -1;
  let current = { done: 0, total, label };
  let open = false;

  const format = (n: number) => (options.unit === "bytes" ? `${(n / 1024 / 1024).toFixed(1)} MB` : n.toLocaleString("en"));

  const line = () => {
    const { done, total: t, label: l } = current;
    const ratio = t > 0 ? Math.min(1, done / t) : 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
    const filled = Math.round(ratio * width);
    const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
    return `${l} ${bar} ${String(Math.floor(ratio * 100)).padStart(3)}% ${format(done)}/${format(t)} ${seconds}s`;
  };

  return {
    update(done, newTotal, newLabel) {
      current = { done, total: newTotal ?? current.total, label: newLabel ?? current.label };
      const now = Date.now();
      if (tty) {
        if (now - lastDraw < interval && done < current.total) return;
        lastDraw = now;
        stream.write(`\r${line()}\x1b[K`);
        open = true;
        return;
      }
      const tenth = current.total > 0 ? Math.floor((done / current.total) * 10) : 0;
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${line()}\n`);
      }
    },
    finish(message) {
      if (tty) {
        stream.write(`\r${line()}\x1b[K\n`);
        open = false;
      } else if (lastTenth < 10) stream.write(`${line()}\n`);
      if (message) stream.write(`${message}\n`);
      void open;
    },
  };
}
