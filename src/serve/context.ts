/** What every route of `mini-kql serve` is given. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunLimitOptions } from '../runtime/limits.js';
import type { ServeCatalog } from './catalog.js';
import type { ChangeSink } from './changes.js';
import type { QuerySlots } from './query-slots.js';

export interface ServeContext {
  catalog: ServeCatalog;
  /** The engine's limits for every query; a request may lower them, never raise them. */
  limits: RunLimitOptions;
  maxBodyBytes: number;
  /** Queries running and waiting (past both limits: 429). */
  slots: QuerySlots;
  /** Aborted when the server closes: running queries stop. */
  closing: AbortSignal;
  /** The durable store (`--store dir`): every change is written to it before it is applied. */
  store?: ChangeSink;
}

export type Route = (req: IncomingMessage, res: ServerResponse, ctx: ServeContext) => Promise<void> | void;
