/** How `mini-kql test` shows a scenario file's errors: `file:line:col  CODE  message`, in the file the position is in. */
import { describeError } from '../node/format-error.js';
import { errorSourceFile } from '../node/scenarios.js';
import { KqlError } from '../errors/kql-error.js';
import { plainKqlMessage } from '../errors/format.js';

/**
 * One line for an error of a scenario file or one of its scenarios. `file` is the scenario file; a bad
 * rule's error is placed in the rule file. An error without a position (a missing file) gets none.
 * `display` shortens paths for people (relative to the working directory).
 */
export function formatScenarioError(err: unknown, file: string, display: (path: string) => string): string {
  if (!(err instanceof KqlError)) return describeError(err);
  const where = display(errorSourceFile(err) ?? file);
  const positioned = !(err.line === 1 && err.column === 1 && err.span.length === 0);
  return `${where}${positioned ? `:${err.line}:${err.column}` : ''}  ${err.code}  ${plainKqlMessage(err)}`;
}
