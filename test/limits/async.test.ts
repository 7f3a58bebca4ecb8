/**
 * runKqlAsync: the same results as runKql, event loop turns while it runs, cancellation through an
 * AbortSignal, and no state shared between interleaved runs.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runKql, runKqlAsync, KqlRuntimeError, KqlSemanticError } from '../../src/index.js';
import { loadGoldenCases } from '../golden/compare.js';
import { lookupScalarFunction } from '../../src/functions/scalar-registry.js';
import { lookupOperator } from '../../src/operators/registry.js';

const QUERIES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'queries');

async function rejection(p: Promise<unknown>): Promise<KqlRuntimeError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(KqlRuntimeError);
    return err as KqlRuntimeError;
  }
  throw new Error('expected a rejection');
}

function rowsOf(n: number) {
  return Array.from({ length: n }, (_, i) => ({ I: i, S: `s${i % 97}`, A: [i, i + 1] }));
}

const HEAVY = 'T | extend y = strcat(S, "-", I) | where I % 3 != 1 | summarize c = count() by y | sort by y asc';

describe('runKqlAsync gives the same result as runKql', () => {
  const cases = loadGoldenCases(QUERIES);

  test('the golden case suspicious-vm-creation', async () => {
    const c = cases.find((x) => x.name === 'suspicious-vm-creation')!;
    expect(c).toBeDefined();
    const sync = runKql(c.query, c.tables as never, { now: c.now });
    const async = await runKqlAsync(c.query, c.tables as never, { now: c.now });
    expect(async).toEqual(sync);
    expect(async.rows.length).toBe(c.expected.rows.length);
  });

  test('every golden case', async () => {
    for (const c of cases) {
      const sync = runKql(c.query, c.tables as never, { now: c.now, trace: true });
      const async = await runKqlAsync(c.query, c.tables as never, { now: c.now, trace: true });
      expect(async, c.name).toEqual(sync);
    }
  });

  test('row-window functions over inputs run in slices (prev, next, row_number)', async () => {
    const query = 'T | serialize | extend n = row_number(), p = prev(I), q = next(I, 2) | where n % 1000 < 3 | project I, n, p, q, r = row_number()';
    const tables = { T: rowsOf(20_000) };
    const sync = runKql(query, tables, { trace: true });
    const async = await runKqlAsync(query, tables, { trace: true });
    expect(async).toEqual(sync);
    expect(async.rows[3]).toEqual({ I: 1000, n: 1001, p: 999, q: 1002, r: 4 });
  });

  test('mv-expand, mv-apply, union and a join over large inputs', async () => {
    const query = `let U = union T, (T | where I < 5000);
      U | mv-expand A | mv-apply B = A to typeof(long) on (extend C = B * 2) | join kind=leftouter (T | project I, S2 = S) on I
      | summarize n = count(), s = sum(C) by S2 | sort by S2 asc`;
    const tables = { T: rowsOf(12_000) };
    expect(await runKqlAsync(query, tables)).toEqual(runKql(query, tables));
  });

  test('errors are the same KqlErrors', async () => {
    await expect(runKqlAsync('T | where Nope > 1', { T: rowsOf(1) })).rejects.toBeInstanceOf(KqlSemanticError);
    const err = await rejection(runKqlAsync('range x from 1 to 10 step 1', {}, { maxResultRows: 5 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
  });
});

describe('runKqlAsync yields to the event loop', () => {
  test('timers run while a long query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      await runKqlAsync(HEAVY, { T: rowsOf(50_000) });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('cancellation', () => {
  test('aborted before start: RUN_CANCELLED, nothing runs', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await rejection(runKqlAsync('print 1', {}, { signal: controller.signal }));
    expect(err.code).toBe('RUN_CANCELLED');
  });

  test('aborted right after the call', async () => {
    const controller = new AbortController();
    const p = runKqlAsync(HEAVY, { T: rowsOf(1000) }, { signal: controller.signal });
    controller.abort();
    expect((await rejection(p)).code).toBe('RUN_CANCELLED');
  });

  test('aborted mid-run: rejects promptly with RUN_CANCELLED and the reason as cause', async () => {
    const controller = new AbortController();
    const reason = new Error('user pressed stop');
    const tables = { T: rowsOf(100_000) };
    const p = runKqlAsync(HEAVY, tables, { signal: controller.signal });
    let settled = false;
    p.then(() => (settled = true), () => (settled = true));
    // Abort at the first timer turn the run gives (a slow machine only gives more of them), then look
    // one macrotask later: "promptly" is counted in event loop turns, not milliseconds.
    const seen = new Promise<{ runningAtAbort: boolean; settledNextTurn: boolean }>((resolve) =>
      setTimeout(() => {
        const runningAtAbort = !settled;
        controller.abort(reason);
        setImmediate(() => resolve({ runningAtAbort, settledNextTurn: settled }));
      }, 0),
    );
    const err = await rejection(p);
    expect(err.code).toBe('RUN_CANCELLED');
    expect(err.message).toContain('user pressed stop');
    expect((err as Error & { cause?: unknown }).cause).toBe(reason);
    // Aborted while running, and rejected before the run's next slice of work.
    expect(await seen).toEqual({ runningAtAbort: true, settledNextTurn: true });
  });

  test('timeoutMs applies to runKqlAsync too', async () => {
    // 0 ms has passed at the first deadline check, whatever the machine's speed.
    const err = await rejection(runKqlAsync(HEAVY, { T: rowsOf(100_000) }, { timeoutMs: 0 }));
    expect(err.code).toBe('RUN_TIMEOUT');
  });
});

describe('no state shared between runs', () => {
  test('two interleaved runs give the results each gives alone', async () => {
    const q1 = 'T | serialize n = row_number() | extend p = prev(I) | where I % 7 == 0 | summarize c = count(), s = sum(n), m = max(p) by S | sort by S asc';
    const q2 = 'T | mv-expand A | extend k = tostring(A) | summarize c = dcount(k) by bin(I, 1000) | sort by I asc';
    const t1 = { T: rowsOf(30_000) };
    const t2 = { T: rowsOf(25_000) };
    const alone1 = runKql(q1, t1);
    const alone2 = runKql(q2, t2);
    const [a, b, c] = await Promise.all([runKqlAsync(q1, t1), runKqlAsync(q2, t2), runKqlAsync(q1, t1)]);
    expect(a).toEqual(alone1);
    expect(b).toEqual(alone2);
    expect(c).toEqual(alone1);
  });

  test('queries do not change the registries', async () => {
    const before = { strcat: lookupScalarFunction('strcat'), where: lookupOperator('where'), nope: lookupScalarFunction('myfn') };
    const query = 'let myfn = (x: long) { x + 1 }; let where1 = T | where I > 0; where1 | extend y = myfn(I) | take 3';
    await runKqlAsync(query, { T: rowsOf(10) });
    runKql(query, { T: rowsOf(10) });
    expect(lookupScalarFunction('strcat')).toBe(before.strcat);
    expect(lookupOperator('where')).toBe(before.where);
    expect(lookupScalarFunction('myfn')).toBe(before.nope);
    expect(lookupScalarFunction('myfn')).toBeUndefined();
    // A let function of one run is unknown to the next.
    await expect(runKqlAsync('print myfn(1)', {})).rejects.toBeInstanceOf(KqlSemanticError);
  });

  test('caller tables are left untouched (deep-frozen input)', async () => {
    const rows = rowsOf(5000).map((r) => Object.freeze({ ...r, A: Object.freeze(r.A) }));
    Object.freeze(rows);
    const query = 'T | mv-expand A | extend z = A | sort by I asc | take 5';
    expect(await runKqlAsync(query, { T: rows })).toEqual(runKql(query, { T: rows }));
  });
});
