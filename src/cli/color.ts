/**
 * Colour in the CLI's human-readable output: only on a terminal, never in json/ndjson/csv. `--color
 * always|never|auto`; in auto, FORCE_COLOR (any value but 0/false) turns it on and NO_COLOR
 * (https://no-color.org, any non-empty value) off, else it follows whether stdout is a terminal.
 */
import { UsageError } from './errors.js';

export type ColorMode = 'auto' | 'always' | 'never';
const MODES: ColorMode[] = ['auto', 'always', 'never'];

export function parseColorMode(text: string | undefined): ColorMode {
  if (text === undefined) return 'auto';
  if ((MODES as string[]).includes(text)) return text as ColorMode;
  throw new UsageError(`--color ${text}: use one of ${MODES.join(', ')}`);
}

export function useColor(mode: ColorMode, stdoutIsTTY: boolean, env: Record<string, string | undefined>): boolean {
  if (mode !== 'auto') return mode === 'always';
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return stdoutIsTTY;
}

/** Decorations for the table and vertical views; the identity when colour is off. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => (text === '' ? text : `\x1b[${open}m${text}\x1b[${close}m`);
export const COLOR: Paint = { bold: sgr(1, 22), dim: sgr(2, 22) };
export const PLAIN: Paint = { bold: (t) => t, dim: (t) => t };
