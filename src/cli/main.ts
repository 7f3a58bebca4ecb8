#!/usr/bin/env node
/**
 * The mini-kql command (package.json `bin`, built to dist/cli.js). Every error is caught here and
 * printed as a clear message (a stack trace only with --debug); the exit code is 0 on success,
 * 1 on errors and failed checks or tests, 2 on wrong usage.
 *
 * This module imports only small CLI modules: the engine and the commands are loaded with import() when
 * a command runs (separate chunks in dist/), so `--version`, `--help` and usage errors answer at once.
 */
import { CliError, UsageError } from './errors.js';
import { mainHelp } from './help.js';
import { processIo, type Io } from './io.js';
import { packageVersion } from './version.js';

type Command = (argv: string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).runCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  test: async () => (await import('./commands/test.js')).testCommand,
  schemas: async () => (await import('./commands/schemas.js')).schemasCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
};

/** One line for anything thrown (loads the engine's error classes, which a failed command has loaded anyway). */
async function describe(err: unknown): Promise<{ text: string; known: boolean }> {
  const [{ KqlError }, { describeError }] = await Promise.all([import('../errors/kql-error.js'), import('../node/format-error.js')]);
  const known = err instanceof KqlError || (err instanceof Error && (err.name === 'FileError' || 'code' in err));
  return { text: describeError(err), known };
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      if (command === 'help' && rest[0] && Object.prototype.hasOwnProperty.call(COMMANDS, rest[0])) return await (await COMMANDS[rest[0]]())(['--help'], io);
      io.out(mainHelp);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(packageVersion());
      return 0;
    }
    const load = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) throw new UsageError(`unknown command '${command}': use ${Object.keys(COMMANDS).join(', ')} (mini-kql --help)`);
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`mini-kql: ${err.message}`);
      io.err('Run mini-kql --help (or mini-kql <command> --help) for usage.');
      return err.exitCode;
    }
    if (err instanceof CliError) {
      io.err(err.message);
      return err.exitCode;
    }
    const { text, known } = await describe(err);
    io.err(`mini-kql: ${known ? '' : 'unexpected error: '}${text}`);
    if (debug && err instanceof Error && err.stack) io.err(err.stack);
    else if (!known) io.err('(run again with --debug for the stack trace)');
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`mini-kql: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
