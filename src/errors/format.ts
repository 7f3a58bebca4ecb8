/**
 * Renders a KqlError for people: the code and message, the offending source line, and a caret
 * under the span. Browser-safe (plain strings only).
 */
import { KqlError } from './kql-error.js';

/** The error's message without the " (line L, column C)" suffix the constructor appends. */
export function plainKqlMessage(err: { message: string }): string {
  return err.message.replace(/ \(line \d+, column \d+\)$/, '');
}

/**
 * `CODE  message`, then the query line the error points at and a caret (`^~~~`) under the span.
 * Non-KqlError values give just their message. Tabs in the source line are kept so the caret lines up.
 */
export function formatKqlError(err: unknown, queryText: string): string {
  if (!(err instanceof KqlError)) return err instanceof Error ? err.message : String(err);
  const head = `${err.code}  ${plainKqlMessage(err)}`;
  const lines = queryText.split(/\r\n|\r|\n/);
  const src = lines[err.line - 1];
  if (src === undefined) return head;
  const col = Math.max(1, Math.min(err.column, src.length + 1));
  // The span may run past the end of its line: underline up to the line end.
  const width = Math.max(1, Math.min(err.span.length, src.length - col + 1));
  const pad = src.slice(0, col - 1).replace(/[^\t]/g, ' ');
  const gutter = `${err.line} | `;
  return [head, `${gutter}${src}`, `${' '.repeat(gutter.length)}${pad}^${'~'.repeat(width - 1)}`].join('\n');
}
