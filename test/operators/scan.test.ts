/** scan (scan-operator.md): the docs examples with their documented output (StormEvents funnel: a small table by hand). */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { expectBothReject, expectOracleSchema } from './oracle-check.js';

const run = (q: string) => runKql(q, {}, { timeAsText: true });
const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };

describe('scan', () => {
  it('docs: cumulative sum', () => {
    const q = 'range x from 1 to 5 step 1 | scan declare (cumulative_x:long=0) with (\n step s1: true => cumulative_x = x + s1.cumulative_x;\n)';
    expect(run(q).rows).toEqual([1, 3, 6, 10, 15].map((c, i) => ({ x: i + 1, cumulative_x: c })));
  });
  it('docs: cumulative sum on two columns with a reset', () => {
    const q = `range x from 1 to 5 step 1
| extend y = 2 * x
| scan declare (cumulative_x:long=0, cumulative_y:long=0) with
(
    step s1: true => cumulative_x = iff(s1.cumulative_x >= 10, x, x + s1.cumulative_x),
                     cumulative_y = iff(s1.cumulative_y >= 10, y, y + s1.cumulative_y);
)`;
    expect(run(q).rows.map((r) => [r.x, r.y, r.cumulative_x, r.cumulative_y])).toEqual([[1, 2, 1, 2], [2, 4, 3, 6], [3, 6, 6, 12], [4, 8, 10, 8], [5, 10, 5, 18]]);
  });
  it('docs: fill forward', () => {
    const q = `let Events = datatable (Ts: timespan, Event: string) [0m, "A", 1m, "", 2m, "B", 3m, "", 4m, "", 6m, "C", 8m, "", 11m, "D", 12m, ""];
Events | sort by Ts asc | scan declare (Event_filled: string="") with (step s1: true => Event_filled = iff(isempty(Event), s1.Event_filled, Event);)`;
    expect(run(q).rows.map((r) => r.Event_filled)).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'D', 'D']);
  });
  it('docs: sessions tagging (with_match_id, output=none)', () => {
    const q = `let Events = datatable (Ts: timespan, Event: string) [0m, "A", 1m, "A", 2m, "B", 3m, "D", 32m, "B", 36m, "C", 38m, "D", 41m, "E", 75m, "A"];
Events
| sort by Ts asc
| scan with_match_id=session_id declare (sessionStart: timespan) with
(
    step inSession: true => sessionStart = iff(isnull(inSession.sessionStart), Ts, inSession.sessionStart);
    step endSession output=none: Ts - inSession.sessionStart > 30m;
)`;
    const r = run(q);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Ts:timespan', 'Event:string', 'sessionStart:timespan', 'session_id:long']);
    expect(r.rows.map((x) => [x.Ts, x.sessionStart, x.session_id])).toEqual([
      ['00:00:00', '00:00:00', 0], ['00:01:00', '00:00:00', 0], ['00:02:00', '00:00:00', 0], ['00:03:00', '00:00:00', 0],
      ['00:32:00', '00:32:00', 1], ['00:36:00', '00:32:00', 1], ['00:38:00', '00:32:00', 1], ['00:41:00', '00:32:00', 1],
      ['01:15:00', '01:15:00', 2],
    ]);
  });
  it('docs: session length per user (partition + scan)', () => {
    const q = `let LogsEvents = datatable(Timestamp:datetime, userID:int, EventType:string)
[
    datetime(2024-05-28 08:15:23), 1, "login",
    datetime(2024-05-28 08:30:15), 2, "login",
    datetime(2024-05-28 09:10:27), 3, "login",
    datetime(2024-05-28 12:30:45), 1, "logout",
    datetime(2024-05-28 11:45:32), 2, "logout",
    datetime(2024-05-28 13:25:19), 3, "logout"
];
LogsEvents
| sort by userID, Timestamp
| partition hint.strategy=native by userID (
    sort by Timestamp asc
    | scan declare (start: datetime, end: datetime, sessionDuration: timespan) with (
        step s1 output=none: EventType == "login" => start = Timestamp;
        step s2 output=all: EventType == "logout" => start = s1.start, end = Timestamp, sessionDuration = Timestamp - s1.start;
    )
)
| project start, end, userID, sessionDuration`;
    const rows = run(q).rows.sort((a, b) => (a.userID as number) - (b.userID as number));
    expect(rows).toEqual([
      { start: '2024-05-28T08:15:23.0000000Z', end: '2024-05-28T12:30:45.0000000Z', userID: 1, sessionDuration: '04:15:22' },
      { start: '2024-05-28T08:30:15.0000000Z', end: '2024-05-28T11:45:32.0000000Z', userID: 2, sessionDuration: '03:15:17' },
      { start: '2024-05-28T09:10:27.0000000Z', end: '2024-05-28T13:25:19.0000000Z', userID: 3, sessionDuration: '04:14:52' },
    ]);
    expectOracleSchema(q);
  });
  it('docs: events between Start and Stop', () => {
    const q = `let Events = datatable (Ts: timespan, Event: string) [0m, "A", 1m, "Start", 2m, "B", 3m, "D", 4m, "Stop", 6m, "C", 8m, "Start", 11m, "E", 12m, "Stop"];
Events
| sort by Ts asc
| scan with_match_id=m_id with
(
    step s1: Event == "Start";
    step s2: Event != "Start" and Event != "Stop" and Ts - s1.Ts <= 5m;
    step s3: Event == "Stop" and Ts - s1.Ts <= 5m;
)`;
    expect(run(q).rows.map((r) => [r.Ts, r.Event, r.m_id])).toEqual([
      ['00:01:00', 'Start', 0], ['00:02:00', 'B', 0], ['00:03:00', 'D', 0], ['00:04:00', 'Stop', 0],
      ['00:08:00', 'Start', 1], ['00:11:00', 'E', 1], ['00:12:00', 'Stop', 1],
    ]);
  });
  it('docs: a custom funnel by state (small table by hand)', () => {
    const q = `datatable(State:string, StartTime:datetime, EventType:string) [
  "A", datetime(2020-01-01 00:00), "Hail", "A", datetime(2020-01-01 00:30), "Tornado", "A", datetime(2020-01-01 01:00), "Thunderstorm Wind",
  "B", datetime(2020-01-01 00:00), "Hail", "B", datetime(2020-01-01 02:00), "Tornado",
  "C", datetime(2020-01-01 00:00), "Hail"]
| partition hint.strategy=native by State
    (
    sort by StartTime asc
    | scan with
    (
        step hail: EventType == "Hail";
        step tornado: EventType == "Tornado" and StartTime - hail.StartTime <= 1h;
        step thunderstormWind: EventType == "Thunderstorm Wind" and StartTime - tornado.StartTime <= 2h;
    )
    )
| summarize dcount(State) by EventType`;
    expect(run(q).rows).toEqual([
      { EventType: 'Hail', dcount_State: 3 },
      { EventType: 'Tornado', dcount_State: 1 },
      { EventType: 'Thunderstorm Wind', dcount_State: 1 },
    ]);
  });
  it('schemas and syntax agree with the analyzer', () => {
    expectOracleSchema('T | scan with_match_id=m declare (c:long = 0, t:string) with (step x: a > 1 => c = x.c + a; step y output=last: s == "z";)', T);
    expectBothReject('T | scan with (step x: a > 1 => c = 1;)', T);
    expectBothReject('T | scan with (step x: a > 1)', T);
  });
});
