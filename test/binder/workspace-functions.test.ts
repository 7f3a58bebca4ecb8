/**
 * Workspace functions (options.functions): Sentinel parsers and other functions saved in the workspace,
 * bound like let functions declared before the query (docs/semantics.md, "Workspace functions").
 */
import { describe, expect, test } from 'vitest';
import { thrownKqlError } from '../support/thrown.js';
import { analyzeKql, runKql, runKqlAsync, runRule, type WorkspaceFunctionInput } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const T = [
  { a: 1, s: 'x' },
  { a: 5, s: 'y' },
];
const schemaT = [
  { name: 'a', type: 'long' as const },
  { name: 's', type: 'string' as const },
];

const FUNCTIONS: Record<string, WorkspaceFunctionInput> = {
  Big: 'T | where a > 1',
  Above: { parameters: "x:long=1, label:string='z'", body: 'T | where a > x | extend label' },
  Needs: { parameters: '(x:long)', body: 'T | where a > x' },
  Double: { parameters: 'x:long=2', body: 'x * 2' },
  FortyTwo: '42',
  CallsOthers: 'Big | extend d = Double(a)',
  TakeN: { parameters: 'Rows:(*), n:long=1', body: 'Rows | take n' },
};

function run(query: string, functions = FUNCTIONS, tables: Record<string, unknown> = { T }) {
  return runKql(query, tables as never, { functions });
}

const failure = thrownKqlError;

describe('calling workspace functions', () => {
  test('a function without parameters, by bare name and with ()', () => {
    expect(run('Big').rows).toEqual([{ a: 5, s: 'y' }]);
    expect(run('Big()').rows).toEqual([{ a: 5, s: 'y' }]);
  });

  test('parameters with defaults: bare name, positional and named arguments', () => {
    expect(run('Above').rows).toEqual([{ a: 5, s: 'y', label: 'z' }]);
    expect(run('Above(0)').rows).toEqual([{ a: 1, s: 'x', label: 'z' }, { a: 5, s: 'y', label: 'z' }]);
    expect(run("Above(label='q')").rows).toEqual([{ a: 5, s: 'y', label: 'q' }]);
    expect(run("Above(label='q', x=10)").rows).toEqual([]);
  });

  test('a function with a parameter without default needs an argument list', () => {
    expect(run('Needs(4)').rows).toEqual([{ a: 5, s: 'y' }]);
    const err = failure(() => run('Needs | count'));
    expect(err.code).toBe('SEM_WRONG_ARGUMENT_COUNT');
    expect(err.message).toMatch(/The function 'Needs' requires an argument list/);
  });

  test('scalar functions, with and without parentheses', () => {
    expect(run('print Double(), Double(5), FortyTwo, FortyTwo()').rows).toEqual([{ print_0: 4, print_1: 10, print_2: 42, print_3: 42 }]);
    expect(run('T | extend d = Double(a) | project d').rows).toEqual([{ d: 2 }, { d: 10 }]);
  });

  test('a function calling other functions', () => {
    expect(run('CallsOthers').rows).toEqual([{ a: 5, s: 'y', d: 10 }]);
  });

  test('tabular parameters, and invoke', () => {
    expect(run('TakeN(T, 2) | count').rows).toEqual([{ Count: 2 }]);
    expect(run('T | invoke TakeN() | count').rows).toEqual([{ Count: 1 }]);
  });

  test('query parameters and lets reach a function only as arguments', () => {
    const fns = { SeesLet: 'print limit' };
    const err = failure(() => run('let limit = 3; SeesLet', fns));
    expect(err.code).toBe('SEM_UNKNOWN_COLUMN');
    expect(run('let limit = 0; Above(limit) | count').rows).toEqual([{ Count: 2 }]);
  });

  test('runKqlAsync, analyzeKql and runRule take the option too', async () => {
    expect((await runKqlAsync('Big', { T }, { functions: FUNCTIONS })).rows).toEqual([{ a: 5, s: 'y' }]);
    expect(analyzeKql('CallsOthers', { schemas: { T: schemaT }, functions: FUNCTIONS }).columns).toEqual([...schemaT, { name: 'd', type: 'long' }]);
    const fired = runRule({ query: 'Big' }, { T }, { now: new Date('2024-05-01T00:00:00Z'), functions: FUNCTIONS });
    expect(fired.fired).toBe(true);
  });
});

describe('shadowing', () => {
  test("a query let of the same name hides the workspace function", () => {
    expect(run('let Big = 5; print Big').rows).toEqual([{ print_0: 5 }]);
    expect(run('let Big = () { print z = 1 }; Big').rows).toEqual([{ z: 1 }]);
  });

  test('a workspace function hides a table of the same name (supplied or built in)', () => {
    // user-defined-functions.md: "If a stored function and a table both have the same name, the stored function overrides".
    expect(run('Shadow', { Shadow: 'print z = 1' }, { T, Shadow: [{ q: 1 }] }).rows).toEqual([{ z: 1 }]);
    // imDns is a table of the built-in catalog; the function wins.
    expect(analyzeKql('imDns', { functions: { imDns: 'print z = 1' } }).columns).toEqual([{ name: 'z', type: 'long' }]);
    expect(analyzeKql("imDns(starttime=ago(1d))", { functions: { imDns: { parameters: 'starttime:datetime=datetime(null)', body: 'print t = starttime' } } }).columns)
      .toEqual([{ name: 't', type: 'datetime' }]);
  });

  test('a workspace function sees other workspace functions, also over tables of their name', () => {
    // As the analyzer does: a function body's T is the function T, not the table T.
    expect(run('UsesT', { T: 'print z = 7', UsesT: 'T' }).rows).toEqual([{ z: 7 }]);
  });
});

describe('errors inside workspace functions', () => {
  test('a bind error points at the call and names the function, line and column of its body', () => {
    const err = failure(() => run('T\n| join (Broken) on a', { Broken: 'T\n| where nope > 1' }));
    expect(err.code).toBe('SEM_UNKNOWN_COLUMN');
    expect(err.message).toMatch(/^in workspace function 'Broken' \(line 2, column 9 of its body\): Unknown column or variable 'nope'/);
    expect([err.line, err.column]).toEqual([2, 9]);
  });

  test('a syntax error in a function is reported where it is called', () => {
    const err = failure(() => run('print 1 | union (Bad)', { Bad: 'let x = 1;\nT | where a >' }));
    expect(err.code).toBe('SYN_UNEXPECTED_TOKEN');
    expect(err.message).toMatch(/^in workspace function 'Bad' \(line 2, column \d+ of its body\)/);
    expect(err.column).toBe(18);
  });

  test('a bad parameter list names the function and its parameters', () => {
    const err = failure(() => run('P', { P: { parameters: 'x:long=, y:string', body: 'print x' } }));
    expect(err.message).toMatch(/^in workspace function 'P' \(column \d+ of its parameters\)/);
  });

  test('an error in a function called by a function names the innermost one', () => {
    const err = failure(() => run('Outer', { Outer: 'Inner | take 1', Inner: 'T | extend b = tolower(a, 1)' }));
    expect(err.message).toMatch(/^in workspace function 'Inner' \(line 1, column 16 of its body\)/);
  });

  test('a run-time error inside a function names it too', () => {
    const err = failure(() => runKql('Many | count', {}, { functions: { Many: 'range x from 1 to 1000 step 1' }, maxRows: 10 }));
    expect(err.phase).toBe('runtime');
    expect(err.message).toMatch(/^in workspace function 'Many' \(line 1, column 1 of its body\)/);
  });

  test('recursion, direct or through other functions, is an error naming the cycle', () => {
    const self = failure(() => run('Self', { Self: 'Self | take 1' }));
    expect(self.message).toMatch(/Workspace function 'Self' calls itself \(Self -> Self\)/);
    const bare = failure(() => run('A', { A: 'B', B: 'A' }));
    expect(bare.message).toMatch(/Workspace function 'A' calls itself \(A -> B -> A\)/);
    const scalar = failure(() => run('print F(1)', { F: { parameters: 'x:long', body: 'G(x)' }, G: { parameters: 'x:long', body: 'F(x) + 1' } }));
    expect(scalar.message).toMatch(/calls itself \(F -> G -> F\)/);
  });

  test('a body that is not one function body is rejected', () => {
    const err = failure(() => run('Inject', { Inject: 'print 1 }; print 2; let y = () {' }));
    expect(err.message).toMatch(/in workspace function 'Inject'/);
    expect(failure(() => run('OnlyLets', { OnlyLets: 'let a = 1;' })).message).toMatch(/has no result expression/);
  });

  test('invalid options are KqlErrors', () => {
    expect(failure(() => runKql('print 1', {}, { functions: 5 as never })).code).toBe('SEM_INVALID_ARGUMENT');
    expect(failure(() => runKql('print 1', {}, { functions: { 'not a name': 'print 1' } })).message).toMatch(/is not a KQL name/);
    expect(failure(() => runKql('print 1', {}, { functions: { F: { parameters: 1 } as never } })).message).toMatch(/must be KQL text/);
  });

  test('names like __proto__ and constructor are ordinary names', () => {
    const fns = JSON.parse('{"__proto__": "print p = 1", "constructor": "print c = 2"}');
    expect(run('__proto__', fns).rows).toEqual([{ p: 1 }]);
    expect(run('constructor', fns).rows).toEqual([{ c: 2 }]);
    expect(failure(() => run('toString', fns)).code).toBe('SEM_UNKNOWN_TABLE');
  });
});

describe('unknown parsers say where definitions go', () => {
  test.each([
    ['_Im_Dns(starttime=ago(1d))', 'SEM_UNKNOWN_FUNCTION'],
    ['imAuthentication | take 1', 'SEM_UNKNOWN_TABLE'],
    ['print _ASim_Foo(1)', 'SEM_UNKNOWN_FUNCTION'],
  ])('%s', (query, code) => {
    const err = failure(() => runKql(query, {}));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(/functions option.*--functions <dir\|file>.*functions: in a scenario file/);
  });

  test('other unknown tables mention functions briefly', () => {
    expect(failure(() => runKql('OktaSSO | take 1', {})).message).toMatch(/or define it as a workspace function \(the functions option\)/);
  });

  test('a catalog parser called with arguments and no definition says where definitions go', () => {
    const err = failure(() => runKql('imDns(starttime=ago(1d))', { imDns: [] }));
    expect(err.code).toBe('RUN_UNSUPPORTED');
    expect(err.message).toMatch(/--functions/);
  });
});

describe('trace', () => {
  test('stages inside a function point at its call and name their place in it', () => {
    const trace = runKql('CallsOthers\n| where a > 0', { T }, { functions: FUNCTIONS, trace: true }).trace!;
    expect(trace.map((e) => [e.operator, e.line, e.function?.name, e.function?.line])).toEqual([
      ['table T', 1, 'Big', 1],
      ['where', 1, 'Big', 1],
      ['extend', 1, 'CallsOthers', 1],
      ['where', 2, undefined, undefined],
    ]);
  });
});

describe('result schemas agree with the analyzer given the same stored functions', () => {
  const schemas = { T: schemaT };
  const oracleFunctions = {
    Above: { parameters: "x:long=1, label:string='z'", body: 'T | where a > x | extend label' },
    Double: { parameters: 'x:long=2', body: 'x * 2' },
    Summary: { parameters: 'Rows:(*), n:long=1', body: 'Rows | take n | summarize c = count(), m = max(a) by s' },
    Chain: { body: 'Above(0) | extend d = Double(a), t = now()' },
  };
  test.each([
    'Above',
    "Above(label='q')",
    'T | extend d = Double(a), e = Double()',
    'Summary(T)',
    'Chain | project-away label',
    'let Above = () { print z = 1 }; Above',
  ])('%s', (query) => {
    const oracle = analyzeWithOracle(query, schemas, oracleFunctions);
    expect(oracle.errors).toEqual([]);
    const ours = analyzeKql(query, { schemas, functions: oracleFunctions }).columns;
    expect(formatColumns(ours)).toBe(formatColumns(oracle.columns));
  });

  test('the analyzer too requires an argument list for a function with a parameter without default', () => {
    const oracle = analyzeWithOracle('Needs', { T: schemaT }, { Needs: { parameters: 'x:long', body: 'T | where a > x' } });
    expect(oracle.errors.map((e) => e.code)).toEqual(['KS117']);
    expect(() => analyzeKql('Needs', { schemas: { T: schemaT }, functions: { Needs: { parameters: 'x:long', body: 'T | where a > x' } } })).toThrow(/requires an argument list/);
  });
});
