/**
 * `--watch` for `mini-kql run` and `mini-kql test`: run once, then again whenever one of the input files
 * changes (the query or rule, scenario files, data, schema, functions, watchlists: every path the command
 * line names, and the files the command reports it read), until Ctrl-C (exit code 0).
 *
 * node:fs `watch` on each file's directory (recursive for directories named on the command line, where the
 * platform supports it), changes debounced; the screen is cleared before a rerun on a terminal only.
 */
import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describeError } from '../node/format-error.js';
import type { ParsedArgs } from './args.js';
import { CliError, UsageError } from './errors.js';
import type { Io } from './io.js';

export interface WatchTarget {
  /** One run of the command; its exit code is shown, not returned (the loop exits 0 on Ctrl-C). */
  run(): number | Promise<number>;
  /** The files and directories to watch, asked again after each run (a rule may name new files). */
  paths(): string[];
  /** Files whose changes never trigger a run (the command's own --output). */
  ignore?: string[];
}

export interface WatchOptions {
  /** Quiet time after the last change before rerunning (default 150 ms). */
  debounceMs?: number;
  /** Resolves when the loop should end (tests); Ctrl-C always ends it. */
  stop?: Promise<void>;
}

/** Every positional and option value of a command line that names an existing file (`Name=path` too). */
export function pathsFromArgs(args: ParsedArgs, skipOptions: string[] = []): string[] {
  const candidates = [...args.positionals];
  for (const [name, values] of Object.entries(args.values)) {
    if (skipOptions.includes(name)) continue;
    for (const v of values) candidates.push(v, v.slice(v.indexOf('=') + 1));
  }
  return [...new Set(candidates.filter((p) => p !== '' && existsSync(p)).map((p) => resolve(p)))];
}

/**
 * The files a YAML document (a scenario file) names, relative to its directory: every string value of a
 * mapping, or string item of a list, that is an existing file (`{ file: data/x.json }`, `rule:`, and any
 * field that names a file). Lists of rows are not read. A document that does not parse names nothing.
 */
export function pathsNamedIn(yamlFile: string): string[] {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(yamlFile, 'utf8'));
  } catch {
    return [];
  }
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const path = resolve(dirname(yamlFile), value);
      if (value !== '' && value.length < 4096 && existsSync(path) && statSync(path).isFile()) found.add(path);
    } else if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string') visit(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(doc);
  return [...found];
}

/** Editor droppings (swap files, backups) that should not trigger a run. */
function isNoise(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp)$/i.test(name) || name === '4913';
}

/** Runs the target once; the line to show when the run is over. */
async function runSafely(target: WatchTarget, io: Io): Promise<string> {
  try {
    const code = await target.run();
    return `[watch] exit code ${code}; waiting for changes (Ctrl-C to stop)`;
  } catch (err) {
    // A half-edited file must not end the loop: report the error as the command would, and wait.
    io.err(err instanceof UsageError || err instanceof CliError ? err.message : `mini-kql: ${describeError(err)}`);
    return '[watch] the run failed; waiting for changes (Ctrl-C to stop)';
  }
}

/** What to watch: directories are watched as such; a file through its directory, filtered by its name. */
interface WatchSpec {
  dirs: Map<string, { recursive: boolean; names?: Set<string> }>;
}

function planWatch(paths: string[]): WatchSpec {
  const dirs: WatchSpec['dirs'] = new Map();
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      continue; // gone since: its directory may come back later through another path
    }
    if (isDir) {
      dirs.set(p, { recursive: true });
      continue;
    }
    const dir = dirname(p);
    const entry = dirs.get(dir) ?? { recursive: false, names: new Set<string>() };
    entry.names?.add(basename(p));
    dirs.set(dir, entry);
  }
  return { dirs };
}

function openWatcher(dir: string, recursive: boolean, onChange: (name: string | null) => void, io: Io): FSWatcher | undefined {
  const listener = (_event: string, name: string | Buffer | null) => onChange(name === null ? null : String(name));
  const listen = (w: FSWatcher) => w.on('error', () => undefined); // a watched directory removed: keep the others
  try {
    return listen(watch(dir, { recursive }, listener));
  } catch (err) {
    if (recursive && (err as { code?: string }).code === 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM') return openWatcher(dir, false, onChange, io);
    // Out of inotify instances or watches (EMFILE, ENOSPC), say so: a silent watcher would never rerun.
    io.err(`[watch] cannot watch ${dir}: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * Runs the target, then reruns it on every change to its paths until Ctrl-C (or `options.stop`).
 * Resolves 0: in watch mode a failing run is shown, not the end.
 */
export function watchLoop(target: WatchTarget, io: Io, options: WatchOptions = {}): Promise<number> {
  const debounceMs = options.debounceMs ?? 150;
  const ignore = new Set((target.ignore ?? []).map((p) => resolve(p)));
  const clearScreen = Boolean(process.stdout.isTTY);
  let watchers: FSWatcher[] = [];
  let planned = '';
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  let stopped = false;

  const rewatch = () => {
    const spec = planWatch(target.paths().map((p) => resolve(p)));
    const key = JSON.stringify([...spec.dirs].map(([d, e]) => [d, e.recursive, [...(e.names ?? [])].sort()]).sort());
    if (key === planned) return;
    planned = key;
    for (const w of watchers) w.close();
    watchers = [];
    for (const [dir, entry] of spec.dirs) {
      const w = openWatcher(dir, entry.recursive, (name) => {
        if (name !== null) {
          const file = resolve(dir, name);
          if (ignore.has(file) || isNoise(basename(name))) return;
          if (entry.names && !entry.names.has(basename(name))) return;
        }
        schedule();
      }, io);
      if (w) watchers.push(w);
    }
  };

  // One run at a time: a change during a run asks for one more run after it.
  const cycle = async () => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    do {
      pending = false;
      if (clearScreen) process.stdout.write('\x1B[2J\x1B[3J\x1B[H');
      const status = await runSafely(target, io);
      // Watch first, then say so: a change made as soon as the line appears is seen.
      if (!stopped) rewatch();
      io.err(status);
    } while (pending && !stopped);
    running = false;
  };

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void cycle();
    }, debounceMs);
  }

  return new Promise((done) => {
    const finish = () => {
      stopped = true;
      process.off('SIGINT', finish);
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      done(0);
    };
    process.on('SIGINT', finish);
    void options.stop?.then(finish);
    void cycle();
  });
}
