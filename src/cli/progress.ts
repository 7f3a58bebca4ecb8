/**
 * Progress on stderr for long loads: nothing for the first second, then one self-overwriting line,
 * and only when stderr is a terminal (never in pipes or logs).
 */
import type { Io } from './io.js';

export interface Progress {
  update(text: string): void;
  done(): void;
}

export function startProgress(io: Io, delayMs = 1000, now: () => number = Date.now): Progress {
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(text) {
      if (!io.stderrIsTTY) return;
      const t = now();
      if (t - start < delayMs || t - last < 100) return;
      last = t;
      shown = true;
      io.errRaw(`\r\x1b[K${text}`);
    },
    done() {
      if (shown) io.errRaw('\r\x1b[K');
      shown = false;
    },
  };
}
