/**
 * The server's query slots: at most `max` queries run at once; the next `maxWaiting` wait their turn in
 * arrival order (a burst from many clients is answered, not refused), and past those a request is a 429,
 * which Kusto clients treat as throttling and retry. A waiting request whose client has gone is dropped.
 */
import { ServeError } from './errors.js';

export class QuerySlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number, readonly maxWaiting: number) {}

  /** Waits for a slot (rejects with a 429 when the queue is full, or with `signal`'s abort); returns its release. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.running < this.max && this.waiting.length === 0) {
      this.running++;
      return Promise.resolve(this.release());
    }
    if (this.waiting.length >= this.maxWaiting || this.max === 0) {
      return Promise.reject(new ServeError(
        429, 'TooManyRequests',
        `${this.running} queries are running and ${this.waiting.length} waiting, the most this server takes at once: retry shortly`,
        'Kusto.Data.Exceptions.ThrottleException', false,
      ));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<() => void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.release());
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(turn);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal!.reason);
      };
      this.waiting.push(turn);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Queries running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** The release of a slot just taken: hands it straight to the first waiter, so no newcomer can overtake. */
  private release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
