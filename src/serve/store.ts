/**
 * The durable store behind `mini-kql serve --store dir`: one append-only log, `<dir>/log.ndjson`, of
 * ServeChange records (src/serve/changes.ts), one per line as `<crc32 hex>\t<JSON>\n`.
 *
 * Every write appends a record and fsyncs the file before it returns (and fsyncs the directory when it created
 * the file), so an acknowledged change survives a crash. Names from requests are only ever inside records,
 * never part of a path. On open the log is replayed into the catalog; a last record torn by a crash (no
 * newline, or a checksum that does not match) is dropped and cut from the file, keeping everything before it.
 * Damage anywhere else is an error rather than silent loss.
 *
 * Two servers appending to one log would interleave records, so the store holds `<dir>/lock` (the owner's
 * process id, created exclusively) while open; a lock left by a process that no longer runs (killed) is
 * taken over.
 */
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ErrorCodes, KqlRuntimeError } from '../errors/index.js';
import { ServeCatalog, type ServeFunction } from './catalog.js';
import { applyChange, type ChangeSink, type ServeChange } from './changes.js';
import type { ColumnSchema } from '../runtime/types.js';

export const STORE_LOG = 'log.ndjson';
export const STORE_LOCK = 'lock';

/** Whether a process with this id runs on this machine (signal 0 only checks). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // it runs, under another user
  }
}

/** Takes `<dir>/lock` for this process, or throws naming the process that holds it. */
function takeLock(dir: string): string {
  const path = join(dir, STORE_LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(owner) && owner > 0 && processRuns(owner)) {
      throw storeError(`The store ${dir} is in use by process ${owner}${owner === process.pid ? ' (this one)' : ''}: one server at a time may write to a store (stop the other one, or give another --store)`);
    }
    rmSync(path, { force: true }); // left by a process that is gone: take it over
  }
  throw storeError(`Cannot take the lock ${path}: another process keeps creating it`);
}

function storeError(message: string, cause?: unknown): KqlRuntimeError {
  const err = new KqlRuntimeError(ErrorCodes.RUN_STORE_FAILED, message);
  return cause === undefined ? err : err.withCause(cause);
}

function checksum(json: string): string {
  return crc32(Buffer.from(json, 'utf8')).toString(16).padStart(8, '0');
}

/** The record of one line, or undefined when the line is damaged. */
function readRecord(line: string): ServeChange | undefined {
  const tab = line.indexOf('\t');
  if (tab !== 8) return undefined;
  const json = line.slice(9);
  if (checksum(json) !== line.slice(0, 8)) return undefined;
  try {
    const record = JSON.parse(json) as ServeChange;
    return typeof record === 'object' && record !== null && typeof record.op === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

function fsyncDir(dir: string): void {
  // Not every platform can open a directory for fsync (Windows); the file's own fsync still holds there.
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* best effort */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class ServeStore implements ChangeSink {
  private fd: number;
  /** The log's length after the last complete record: a failed write is cut back to it. */
  private size: number;
  /** Records replayed on open (for the server's start message). */
  readonly replayed: number;
  /** True when open() dropped a torn last record. */
  readonly droppedTornRecord: boolean;

  private lockPath: string | undefined;

  private constructor(readonly dir: string, readonly path: string, fd: number, size: number, replayed: number, dropped: boolean) {
    this.fd = fd;
    this.size = size;
    this.replayed = replayed;
    this.droppedTornRecord = dropped;
  }

  /** Opens (creating) the store in `dir` and replays its log into `catalog` (a new one when not given). */
  static open(dir: string, catalog: ServeCatalog = new ServeCatalog()): ServeStore {
    const path = join(dir, STORE_LOG);
    let lock: string | undefined;
    try {
      mkdirSync(dir, { recursive: true });
      lock = takeLock(dir);
      const created = !existsSync(path);
      const fd = openSync(path, 'a+');
      if (created) fsyncDir(dir);
      const { records, goodBytes, totalBytes } = ServeStore.readLog(path);
      for (const record of records) applyChange(catalog, record);
      const dropped = goodBytes < totalBytes;
      if (dropped) {
        ftruncateSync(fd, goodBytes);
        fsyncSync(fd);
      }
      const store = new ServeStore(dir, path, fd, goodBytes, records.length, dropped);
      store.catalog = catalog;
      store.lockPath = lock;
      return store;
    } catch (err) {
      if (lock) rmSync(lock, { force: true });
      if (err instanceof KqlRuntimeError) throw err;
      throw storeError(`Cannot open the store in ${dir}: ${(err as Error).message}`, err);
    }
  }

  /** The catalog open() replayed the log into. */
  catalog!: ServeCatalog;

  private static readLog(path: string): { records: ServeChange[]; goodBytes: number; totalBytes: number } {
    const bytes = readFileSync(path);
    const records: ServeChange[] = [];
    let offset = 0;
    let line = 0;
    while (offset < bytes.length) {
      line++;
      const end = bytes.indexOf(10, offset);
      const record = end < 0 ? undefined : readRecord(bytes.toString('utf8', offset, end));
      if (!record) {
        // A torn write can only be the last line: anything after it means the file was damaged otherwise.
        if (end < 0 || end + 1 >= bytes.length) return { records, goodBytes: offset, totalBytes: bytes.length };
        throw storeError(`The store log ${path} is corrupt at line ${line} (not the last line): restore it from a backup or move it away`);
      }
      records.push(record);
      offset = end + 1;
    }
    return { records, goodBytes: offset, totalBytes: bytes.length };
  }

  /** Appends one change and flushes it to disk; throws RUN_STORE_FAILED when it cannot. */
  write(change: ServeChange): void {
    try {
      const json = JSON.stringify(change);
      const buf = Buffer.from(`${checksum(json)}\t${json}\n`, 'utf8');
      let done = 0;
      while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
      fsyncSync(this.fd);
      this.size += buf.length;
    } catch (err) {
      // A half-written record must not stay in the middle of the log (later records would follow it).
      try {
        ftruncateSync(this.fd, this.size);
      } catch {
        /* the torn tail is then dropped on the next open */
      }
      throw storeError(`Cannot write to the store log ${this.path}: ${(err as Error).message}`, err);
    }
  }

  appendRows(db: string, table: string, columns: string[], rows: unknown[][]): void {
    this.write({ op: 'append', db, table, columns, rows });
  }

  replaceTable(db: string, table: string, schema: ColumnSchema[], rows: unknown[][]): void {
    this.write({ op: 'replace', db, table, schema, rows });
  }

  putSchema(db: string, table: string, schema: ColumnSchema[]): void {
    this.write({ op: 'putSchema', db, table, schema });
  }

  dropTable(db: string, table: string): void {
    this.write({ op: 'dropTable', db, table });
  }

  putFunction(db: string, name: string, fn: ServeFunction): void {
    this.write({ op: 'putFunction', db, name, fn });
  }

  dropFunction(db: string, name: string): void {
    this.write({ op: 'dropFunction', db, name });
  }

  /** Closes the log and gives up the lock (once; a second close does nothing). */
  close(): void {
    if (this.lockPath === undefined) return;
    closeSync(this.fd);
    rmSync(this.lockPath, { force: true });
    this.lockPath = undefined;
  }
}
