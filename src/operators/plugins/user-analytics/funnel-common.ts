/** What funnel_sequence and funnel_sequence_completion share: each id's events in time order, the Sequence. */
import type { Row } from '../../../runtime/table.js';
import type { KqlType } from '../../../runtime/types.js';
import { KqlRuntimeError, ErrorCodes } from '../../../errors/index.js';
import type { Span } from '../../../errors/span.js';
import { convertTo } from '../../../functions/convert.js';
import { isNull, type Line } from './common.js';

export interface FunnelEvent {
  id: unknown;
  time: unknown;
  state: unknown;
}

/** Events (with a time in range and an id) grouped by id key, each list ordered by time, ties in input order. */
export function eventsById(
  rows: Row[], at: { id: number; time: number; state: number }, inRange: (t: unknown) => boolean, line: Line, keyOf: (v: unknown) => string,
): Map<string, FunnelEvent[]> {
  const out = new Map<string, FunnelEvent[]>();
  for (const row of rows) {
    const t = row[at.time], v = row[at.id];
    if (isNull(t) || isNull(v) || !inRange(t)) continue;
    const k = keyOf(v);
    const e = { id: v, time: t, state: row[at.state] };
    const list = out.get(k);
    if (list) list.push(e);
    else out.set(k, [e]);
  }
  for (const list of out.values()) list.sort((a, b) => line.cmp(a.time, b.time)); // stable
  return out;
}

/** The Sequence array's values as values of the state column's type. */
export function sequenceValues(v: unknown, type: KqlType, span: Span): unknown[] {
  if (!Array.isArray(v)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, 'The Sequence must be a dynamic array', span);
  return v.map((x) => (type === 'dynamic' ? x : convertTo(x, 'dynamic', type)));
}
