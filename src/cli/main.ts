/**
 * The mini-kql command (package.json `bin`, built to dist/cli.js). Every error is caught here and
 * printed as a clear message (a stack trace only with --debug); the exit code is 0 on success,
 * 1 on errors and failed checks or tests, 2 on wrong usage.
 */
import { KqlError } from '../errors/kql-error.js';
import { describeError } from '../node/format-error.js';
import { checkCommand } from './commands/check.js';
import { runCommand } from './commands/run.js';
import { testCommand } from './commands/test.js';
import { CliError, UsageError } from './errors.js';
import { mainHelp } from './help.js';
import { processIo, type Io } from './io.js';
import { packageVersion } from './version.js';

const COMMANDS: Record<string, (argv: string[], io: Io) => number | Promise<number>> = {
  run: runCommand,
  check: checkCommand,
  test: testCommand,
};

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      if (command === 'help' && rest[0] && COMMANDS[rest[0]]) return await COMMANDS[rest[0]](['--help'], io);
      io.out(mainHelp);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(packageVersion());
      return 0;
    }
    const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`unknown command '${command}': use run, check or test (mini-kql --help)`);
    return await run(rest, io);
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
    const known = err instanceof KqlError || (err instanceof Error && (err.name === 'FileError' || 'code' in err));
    io.err(`mini-kql: ${known ? '' : 'unexpected error: '}${describeError(err)}`);
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
    process.stderr.write(`mini-kql: ${describeError(err)}\n`);
    process.exitCode = 1;
  },
);
