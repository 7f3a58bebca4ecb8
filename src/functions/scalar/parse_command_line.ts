import { defineScalar } from '../define.js';

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Split a command line the way Windows CommandLineToArgvW does:
 * - the first argument (the program) ends at the next space or tab, or, when it starts with '"', at the
 *   next '"'; backslashes and quotes inside it are not interpreted;
 * - later arguments are separated by spaces and tabs outside quotes; 2n backslashes before '"' give n
 *   backslashes and the quote opens or closes quoting, 2n+1 give n backslashes and a literal '"';
 *   backslashes not before '"' are literal; inside quotes, '""' gives a literal '"' (the post-2008 rule:
 *   three quotes in a row produce one quote and end quoting).
 */
export function windowsArgv(cmd: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = cmd.length;
  if (n === 0) return args;
  // The program name.
  let prog = '';
  if (cmd[0] === '"') {
    i = 1;
    while (i < n && cmd[i] !== '"') prog += cmd[i++];
    if (i < n) i++;
  } else {
    while (i < n && !isBlank(cmd[i])) prog += cmd[i++];
  }
  args.push(prog);
  while (isBlank(cmd[i])) i++;
  // The remaining arguments.
  while (i < n) {
    let arg = '';
    let quoted = 0; // 0 outside quotes, 1 inside (Wine's qcount)
    let backslashes = 0;
    while (i < n) {
      const c = cmd[i];
      if (isBlank(c) && quoted === 0) break;
      if (c === '\\') {
        backslashes++;
        arg += c;
        i++;
        continue;
      }
      if (c === '"') {
        if ((backslashes & 1) === 0) {
          arg = arg.slice(0, arg.length - backslashes / 2);
          quoted++;
        } else {
          arg = arg.slice(0, arg.length - (backslashes + 1) / 2) + '"';
        }
        i++;
        backslashes = 0;
        while (cmd[i] === '"') {
          if (++quoted === 3) {
            arg += '"';
            quoted = 0;
          }
          i++;
        }
        if (quoted === 2) quoted = 0;
        continue;
      }
      backslashes = 0;
      arg += c;
      i++;
    }
    args.push(arg);
    while (isBlank(cmd[i])) i++;
  }
  return args;
}

/**
 * parse_command_line(command_line, parser_type) (parse-command-line.md): the arguments as a dynamic array.
 * "windows" (any case) is the only parser type; another type gives null. An empty command line gives [].
 */
export const parse_command_line = defineScalar({
  name: 'parse_command_line',
  description: 'Splits a command line into its arguments (parser type "windows": CommandLineToArgvW rules).',
  overloads: [{
    params: ['string', 'string'], result: 'dynamic',
    kernel: ([cmd, kind]) => ((kind as string).toLowerCase() === 'windows' ? windowsArgv(cmd as string) : null),
  }],
});
