/**
 * Small queries whose result schema (names, order, types) our analyzer must
 * report exactly as Microsoft's analyzer does. Used by oracle-cases.test.ts.
 */
import type { ColumnSchema } from '../../src/runtime/types.js';

export const CASE_SCHEMAS: Record<string, ColumnSchema[]> = {
  T: [
    { name: 'Name', type: 'string' },
    { name: 'Count', type: 'long' },
    { name: 'Time', type: 'datetime' },
    { name: 'Props', type: 'dynamic' },
    { name: 'Score', type: 'real' },
    { name: 'Flag', type: 'bool' },
    { name: 'Id', type: 'guid' },
    { name: 'Small', type: 'int' },
    { name: 'Dur', type: 'timespan' },
  ],
  U: [
    { name: 'Name', type: 'string' },
    { name: 'Time', type: 'datetime' },
    { name: 'Other', type: 'string' },
  ],
};

/** [label, query]. Labels are unique. */
export const ORACLE_CASES: ReadonlyArray<readonly [string, string]> = [
  // plain tables and column selection
  ['table', 'T'],
  ['project', 'T | project Name, Count'],
  ['project with rename and expression', 'T | project N = Name, c2 = Count * 2, Time'],
  ['project-away', 'T | project-away Props, Id'],
  ['project-rename', 'T | project-rename N = Name'],
  ['project-reorder', 'T | project-reorder Time, Name'],
  ['take and where keep the schema', 'T | where Name has "x" and Count > 1 | take 5'],
  ['sort and top keep the schema', 'T | top 3 by Count | sort by Name asc'],
  ['count', 'T | count'],
  ['distinct', 'T | distinct Name, Flag'],

  // extend: arithmetic types, replacing, auto names
  ['extend arithmetic types', 'T | extend x = Count * 2, y = Score * 2, z = Small + 1, w = Small * Small, v = Count / 2, u = Small / 2, r = Count % 3'],
  ['extend replaces a column in place', 'T | extend Count = Count + 1, Name = strlen(Name)'],
  ['extend without a name', 'T | extend strlen(Name), tolower(Name)'],
  ['extend dotted expression name', 'T | project Props | extend Props.k'],
  ['string functions', 'T | extend a = strcat(Name, "x"), b = strlen(Name), c = tolower(Name), d = isnotempty(Name), e = isnull(Count), f = substring(Name, 1, 2), g = indexof(Name, "x")'],
  ['conversions', 'T | project x = tolong(Name), y = toint(Name), z = todouble(Name), w = todatetime(Name), v = tobool(Name), u = tostring(Count), g = toguid(Name), t = totimespan(Name), r = toreal(Name)'],
  ['boolean expressions', 'T | project b1 = Count > 1 and Flag, b2 = Name in ("a", "b"), b3 = Name has_any ("a"), b4 = not(Flag)'],

  // iff / case type unification
  ['iff int and long', 'T | project x = iff(Flag, Small, Count)'],
  ['iff int and real', 'T | project x = iff(Flag, Small, Score)'],
  ['iff with string', 'T | project x = iff(Flag, Name, "none")'],
  ['case', 'T | project x = case(Flag, "a", Small > 1, "b", "c"), y = case(Flag, 1, 2.5)'],

  // dynamic and split
  ['split indexing', 'T | project p = split(Name, "/"), q = split(Name, "/")[0], r = tostring(split(Name, "/")[-1])'],
  ['dynamic member access', 'T | project j = parse_json(Name), k = Props.a, l = Props["b"], m = Props.a.b[0], n = todynamic("[]")'],
  ['dynamic literals and packing', 'T | project a = dynamic([1, 2]), b = pack_array(Name, Count), c = bag_pack("k", Count), d = array_length(Props)'],

  // datetime and timespan arithmetic
  ['datetime arithmetic types', 'T | project a1 = Time - Time, a2 = Time + 1d, a3 = now() - Time, a4 = datetime_diff("day", Time, now()), a5 = Dur * 2, a6 = Dur / 1h, a7 = bin(Time, 1d), a8 = startofday(Time), a9 = ago(1h)'],
  ['datetime parts', 'T | where Time > ago(1d) | project h = hourofday(Time), d = dayofweek(Time), m = getmonth(Time), y = getyear(Time), f = format_datetime(Time, "yyyy-MM-dd")'],

  // summarize naming
  ['summarize count', 'T | summarize count()'],
  ['summarize count by', 'T | summarize count() by Name'],
  ['summarize set/list/dcount', 'T | summarize make_set(Name), make_list(Count), dcount(Name) by Flag'],
  ['summarize sum/avg/min/max', 'T | summarize sum(Count), sum(Small), avg(Count), min(Time), max(Score), sum(Score)'],
  ['summarize countif and bin by', 'T | summarize countif(Flag), count() by bin(Time, 1d)'],
  ['summarize named aggregates and keys', 'T | summarize n = count(), s = make_set(Name) by Name2 = Name, Day = bin(Time, 1h)'],
  ['summarize by only', 'T | summarize by Name, Flag'],
  ['summarize arg_max star', 'T | summarize arg_max(Time, *) by Name'],
  ['summarize arg_max star no by', 'T | summarize arg_max(Time, *)'],
  ['summarize arg_min columns', 'T | summarize arg_min(Time, Count, Props) by Name'],
  ['summarize dynamic path aggregate', 'T | summarize make_set(Props.k) by Name'],
  ['summarize same aggregate twice', 'T | summarize count(), count(), make_set(Name), make_set(Name)'],
  ['summarize take_any and make_bag', 'T | summarize take_any(Name), make_bag(Props), percentile(Count, 50), stdev(Score)'],

  // join suffixing
  ['join default kind', 'T | join (U) on Name'],
  ['join leftouter with $left/$right', 'T | join kind=leftouter (U) on $left.Name == $right.Other'],
  ['join projected right side', 'T | join kind=inner (U | project Name, Time) on Name'],
  ['join leftsemi', 'T | join kind=leftsemi (U) on Name'],
  ['join rightanti', 'T | join kind=rightanti (U) on Name'],
  ['join fullouter', 'T | project Name, Time | join kind=fullouter (U) on Name'],
  ['join chain suffixes', 'T | project Name | join (U) on Name | join (U) on Name'],
  ['lookup', 'T | lookup (U) on Name'],

  // mv-expand / mv-apply
  ['mv-expand', 'T | mv-expand Props'],
  ['mv-expand typed and renamed', 'T | mv-expand x = Props to typeof(string)'],
  ['mv-expand with_itemindex', 'T | mv-expand with_itemindex=idx Props'],
  ['mv-apply', 'T | mv-apply p = Props on (where p.k == 1 | extend v = tostring(p.v))'],

  // union, datatable, print, let, range, parse
  ['union operator', 'T | union U'],
  ['union statement', 'union T, U'],
  ['union withsource', 'union withsource=Src U, (T | project Name, Score)'],
  ['datatable', 'datatable(x:int, y:string, z:dynamic, w:datetime)[1, "a", dynamic({"k":1}), datetime(2020-01-01)]'],
  ['print', 'print 1, s = "x", now(), 2.5'],
  ['let scalar', 'let threshold = 5; T | where Count > threshold | extend t = threshold'],
  ['let tabular', 'let Q = T | where Flag; Q | count'],
  ['let function', 'let f = (x: long) { x * 2 }; T | extend y = f(Count)'],
  ['range', 'range x from 1 to 5 step 1'],
  ['parse', 'T | parse Name with a "-" b:long'],

  // errors the oracle reports: our analyzer must throw a KqlError
  ['error: unknown column', 'T | project NoSuch'],
  ['error: unknown table', 'NoSuchTable | take 1'],
  ['error: syntax', 'T | where Name =='],
  ['error: string plus number', 'T | extend x = Name + 1'],
  ['error: unknown function', 'T | extend x = nosuchfn(Name)'],
  ['error: dynamic group key', 'T | summarize count() by Props.g'],
];
