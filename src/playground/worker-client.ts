/**
 * The page's side of the worker: requests answered by id, and stop(), which terminates the worker (the
 * only way to end a query mid-run), rejects the runs that were pending and starts a fresh worker, to which
 * the other requests (tables being read) are sent again.
 */
import type { RunError, WorkerRequest, WorkerResponse } from './protocol.js';

type Ok = Extract<WorkerResponse, { ok: true }>;
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class WorkerClient {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { request: WorkerRequest; resolve: (r: Ok) => void; reject: (e: RunError) => void }>();

  constructor(private readonly url: string) {
    this.worker = this.start();
  }

  request(request: Request): Promise<Ok> {
    const id = this.nextId++;
    const message = { ...request, id } as WorkerRequest;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { request: message, resolve, reject });
      this.worker.postMessage(message);
    });
  }

  stop(): void {
    const runs = [...this.pending].filter(([, p]) => p.request.kind === 'run' || p.request.kind === 'rule');
    if (runs.length === 0) return;
    this.worker.terminate();
    this.worker = this.start();
    for (const [id, p] of runs) {
      this.pending.delete(id);
      p.reject({ message: 'Stopped: the query was cancelled before it finished.' });
    }
    for (const p of this.pending.values()) this.worker.postMessage(p.request);
  }

  private start(): Worker {
    const worker = new Worker(this.url);
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const p = this.pending.get(event.data.id);
      if (!p) return;
      this.pending.delete(event.data.id);
      if (event.data.ok) p.resolve(event.data);
      else p.reject(event.data.error);
    };
    return worker;
  }
}
