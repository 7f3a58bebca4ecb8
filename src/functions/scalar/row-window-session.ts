/**
 * row_window_session(expr, maxDistanceFromFirst, maxDistanceBetweenNeighbors [, restart]) of a serialized row
 * set (row-window-session-function.md): the datetime at which each row's session started.
 *
 * Rows are visited in order (through row-window.ts's row cursor, like row_number). A row starts a new
 * session when there is no current session (first row, or the previous value was null), when its value is
 * at least the session's first value + maxDistanceFromFirst, or at least the previous row's value +
 * maxDistanceBetweenNeighbors, or when restart is true; it then returns its own value, otherwise the
 * session's first value. A null value returns null and makes the next row start a session. A null distance
 * never ends a session. Outside the row-by-row operators (extend, project, where, serialize) the result is
 * null; if rows are not visited consecutively (never the case in those operators) a new session starts.
 */
import { resolve, type Overload } from '../define.js';
import type { Row } from '../../runtime/table.js';
import type { ScalarFunction } from '../registry-types.js';
import { cursorOf } from './row-window.js';
import { addTime, compareTime, type TimeValue } from '../../runtime/ticks.js';

/** v >= from + distance, exactly (datetimes and timespans are milliseconds or ticks, src/runtime/ticks.ts). */
function reached(v: TimeValue, from: TimeValue, distance: TimeValue): boolean {
  return compareTime(v, addTime(from, distance)) >= 0;
}

const OVERLOAD: Overload = {
  params: ['datetime', 'timespan', 'timespan', 'bool'],
  optional: 1,
  result: 'datetime',
  nulls: 'pass',
  kernel: () => null,
};

export const row_window_session: ScalarFunction = {
  name: 'row_window_session',
  readsRowWindow: true,
  minArgs: 3,
  maxArgs: 4,
  description: 'The first value of the session each row belongs to, in a serialized row set (sessions bounded by distance from the first value and between neighbours).',
  bind(args) {
    const o = resolve('row_window_session', [OVERLOAD], args);
    if ('error' in o) return o;
    let lastRows: Row[] | undefined;
    let lastIndex = -1;
    let sessionStart: TimeValue | null = null;
    let previous: TimeValue | null = null;
    return {
      type: 'datetime',
      call: (values, ctx) => {
        const cursor = cursorOf(ctx);
        if (!cursor) return null;
        const consecutive = cursor.rows === lastRows && cursor.index === lastIndex + 1;
        lastRows = cursor.rows;
        lastIndex = cursor.index;
        if (!consecutive) {
          sessionStart = null;
          previous = null;
        }
        const value = values[0] as TimeValue | null;
        if (value === null || value === undefined) {
          sessionStart = null;
          previous = null;
          return null;
        }
        const fromFirst = values[1] as TimeValue | null;
        const between = values[2] as TimeValue | null;
        const restart = values[3] === true;
        const newSession =
          sessionStart === null ||
          restart ||
          (fromFirst !== null && fromFirst !== undefined && reached(value, sessionStart, fromFirst)) ||
          (between !== null && between !== undefined && previous !== null && reached(value, previous, between));
        if (newSession) sessionStart = value;
        previous = value;
        return sessionStart;
      },
    };
  },
};
