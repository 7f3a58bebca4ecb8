/** Command-line parsing for mini-kql: a small, strict parser (unknown options are errors). */
import { UsageError } from './errors.js';

export interface OptionSpec {
  /** Options that take a value (`--now ISO`, `--now=ISO`); `multiple` ones collect every occurrence. */
  values?: Record<string, { multiple?: boolean }>;
  /** Boolean flags (`--explain`). A flag `no-x` is written `--no-x`. */
  flags?: string[];
}

export interface ParsedArgs {
  positionals: string[];
  /** By option name (a record without prototype: `--constructor` is an unknown option, not Object). */
  values: Record<string, string[]>;
  flags: Set<string>;
}

const GLOBAL_FLAGS = ['help', 'debug'];

/** Parses argv (after the command name) against a spec; `-h` is `--help`. `--` ends options. */
export function parseArgs(argv: string[], spec: OptionSpec): ParsedArgs {
  const values = Object.create(null) as Record<string, string[]>;
  const flags = new Set<string>();
  const positionals: string[] = [];
  const valueSpecs = spec.values ?? {};
  const flagNames = new Set([...(spec.flags ?? []), ...GLOBAL_FLAGS]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (flagNames.has(name)) {
      if (eq >= 0) throw new UsageError(`option '--${name}' takes no value`);
      flags.add(name);
      continue;
    }
    const vspec = Object.prototype.hasOwnProperty.call(valueSpecs, name) ? valueSpecs[name] : undefined;
    if (!vspec) throw new UsageError(`unknown option '--${name}'`);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`option '--${name}' needs a value`);
      value = argv[++i];
    }
    const list = (values[name] ??= []);
    if (list.length > 0 && !vspec.multiple) throw new UsageError(`option '--${name}' is given twice`);
    list.push(value);
  }
  return { positionals, values, flags };
}

/** The single value of an option, or undefined. */
export function single(args: ParsedArgs, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(args.values, name) ? args.values[name][0] : undefined;
}
