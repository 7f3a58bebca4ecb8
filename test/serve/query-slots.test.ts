/** The server's query slots: a few run, the next wait in order, past the queue a 429. */
import { describe, expect, it } from 'vitest';
import { QuerySlots } from '../../src/serve/query-slots.js';
import { ServeError } from '../../src/serve/errors.js';

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('QuerySlots', () => {
  it('runs max at once, queues the next in arrival order, and answers 429 past the queue', async () => {
    const slots = new QuerySlots(1, 2);
    const order: string[] = [];
    const releaseA = await slots.acquire();
    const b = slots.acquire().then((release) => (order.push('b'), release));
    const c = slots.acquire().then((release) => (order.push('c'), release));
    const d = await slots.acquire().catch((e: unknown) => e);
    expect(d).toBeInstanceOf(ServeError);
    expect((d as ServeError).status).toBe(429);
    expect(slots.load).toEqual({ running: 1, waiting: 2 });
    releaseA();
    const releaseB = await b;
    expect(order).toEqual(['b']);
    // The freed slot went to b: a newcomer queues behind c instead of overtaking it.
    const e = slots.acquire().then((release) => (order.push('e'), release));
    expect(slots.load).toEqual({ running: 1, waiting: 2 });
    releaseB();
    releaseB(); // a second release is a no-op
    (await c)();
    (await e)();
    expect(order).toEqual(['b', 'c', 'e']);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('drops a waiting request whose signal aborts (its client went away)', async () => {
    const slots = new QuerySlots(1, 5);
    const release = await slots.acquire();
    const gone = new AbortController();
    const waiting = slots.acquire(gone.signal).catch((err: unknown) => err);
    await settled();
    expect(slots.load.waiting).toBe(1);
    gone.abort(new Error('client left'));
    expect(((await waiting) as Error).message).toBe('client left');
    expect(slots.load).toEqual({ running: 1, waiting: 0 });
    release();
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses everything when it has no slots', async () => {
    const err = await new QuerySlots(0, 10).acquire().catch((e: unknown) => e);
    expect((err as ServeError).status).toBe(429);
  });
});
