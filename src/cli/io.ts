/** The CLI's output streams, passed to commands so they never touch process.stdout directly. */
export interface Io {
  /** Writes text to stdout (a newline is added). */
  out(text: string): void;
  /** Writes text to stderr (a newline is added). */
  err(text: string): void;
  /** stderr is a terminal: progress may be shown. */
  stderrIsTTY: boolean;
  /** Writes raw text to stderr (progress lines, no newline). */
  errRaw(text: string): void;
  /** stdout is a terminal (colour in auto mode, the width hint of `run`); absent means no. */
  stdoutIsTTY?: boolean;
  /** The terminal's width in characters, when stdout is one. */
  stdoutColumns?: number;
}

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    errRaw: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}
