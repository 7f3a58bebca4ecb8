/** Workspace function definitions from files: Sentinel parser YAML, .kql and .csf; folders; scenario files. */
import { describe, expect, test } from 'vitest';
import { thrownKqlError } from '../support/thrown.js';
import { functionsRecord, parseFunctionDefinitions, parseScenarioDoc, runKql, runScenarios, type FunctionDefinition } from '../../src/index.js';
import { loadFunctionDefinitions, loadFunctions, runScenarioFile } from '../../src/node/index.js';

const DIR = 'test/cli/fixtures/functions';

const failure = thrownKqlError;

const without = (d: FunctionDefinition) => {
  const { source: _source, ...rest } = d;
  return rest;
};

describe('Sentinel parser YAML', () => {
  test('a solution parser: FunctionName, FunctionAlias, FunctionParams (list), FunctionQuery, Category', () => {
    const text = [
      'Category: Microsoft Sentinel Parser',
      'FunctionName: MyParser',
      'FunctionAlias: MyParserAlias',
      'FunctionParams:',
      '  - Name: user',
      '    Type: string',
      "    Default: '*'",
      '  - Name: since',
      '    Type: datetime',
      '    Default: datetime(null)',
      '  - Name: verbose',
      '    Type: bool',
      '    Default: false',
      '  - Name: limit',
      '    Type: int',
      '    Default: 10',
      '  - Name: quoted',
      '    Type: string',
      `    Default: "'done'"`,
      '  - Name: required',
      '    Type: long',
      'FunctionQuery: |',
      '',
      '  T',
      '  | take limit',
    ].join('\n');
    const [def] = parseFunctionDefinitions(text, 'parsers/MyParser.yaml');
    expect(without(def)).toEqual({
      name: 'MyParser',
      aliases: ['MyParserAlias'],
      parameters: "user:string='*', since:datetime=datetime(null), verbose:bool=false, limit:int=10, quoted:string='done', required:long",
      body: '\nT\n| take limit\n',
      category: 'Microsoft Sentinel Parser',
    });
    // The body's first line is line 24 of the file (after the `|` header and a blank line).
    expect(def.source).toEqual({ file: 'parsers/MyParser.yaml', line: 24 });
  });

  test("an ASIM parser: ParserName, EquivalentBuiltInParser as alias, ParserParams, ParserQuery; a string default is quoted", () => {
    const text = "ParserName: vimThing\nEquivalentBuiltInParser: _Im_Thing\nParserParams:\n  - Name: who\n    Type: string\n    Default: O'Brien\nParserQuery: print who\n";
    const [def] = parseFunctionDefinitions(text, 'vimThing.yml');
    expect(without(def)).toEqual({ name: 'vimThing', aliases: ['_Im_Thing'], parameters: "who:string='O\\'Brien'", body: 'print who' });
    expect(runKql('_Im_Thing', {}, { functions: functionsRecord([def]) }).rows).toEqual([{ print_0: "O'Brien" }]);
  });

  test('parameters given as text are kept as they are', () => {
    const [def] = parseFunctionDefinitions("FunctionName: F\nFunctionParams: \"x:long=1, T:(*)\"\nFunctionQuery: T | take x\n", 'F.yaml');
    expect(def.parameters).toBe('x:long=1, T:(*)');
  });

  test.each([
    ['Category: x\n', /has no 'FunctionName' \(or 'ParserName'\)/, 1],
    ['FunctionName: F\nCategory: x\n', /has no 'FunctionQuery'/, 1],
    ['FunctionName: F\nFunctionQuery: "  "\n', /has no 'FunctionQuery'/, 2],
    ['FunctionName: not a name\nFunctionQuery: print 1\n', /'FunctionName' must be a function name/, 1],
    ['FunctionName: F\nFunctionParams:\n  - Type: string\nFunctionQuery: print 1\n', /parameter 1 has no valid 'Name'/, 3],
    ['FunctionName: F\nFunctionParams:\n  - Name: x\nFunctionQuery: print 1\n', /parameter 'x' has no 'Type'/, 3],
    ['FunctionName: F\nFunctionParams: 5\nFunctionQuery: print 1\n', /parameters must be a list/, 2],
    ['- a\n- b\n', /must be a mapping/, 1],
  ])('malformed: %j', (text, message, line) => {
    const err = failure(() => parseFunctionDefinitions(text, 'dir/p.yaml'));
    expect(err.code).toBe('RULE_BAD_FUNCTION');
    expect(err.message).toMatch(/^dir\/p\.yaml: /);
    expect(err.message).toMatch(message);
    expect(err.line).toBe(line);
  });

  test('malformed YAML is RULE_INVALID_YAML with its line', () => {
    const err = failure(() => parseFunctionDefinitions('FunctionName: F\nFunctionQuery: [unclosed\n', 'p.yaml'));
    expect(err.code).toBe('RULE_INVALID_YAML');
    expect(err.message).toMatch(/in p\.yaml/);
  });
});

describe('.kql files', () => {
  test('let statements: one function each, with their parameter lists', () => {
    const text = '// helpers\nlet A = (x:long, y:string = "q") {\n  print x, y\n};\nlet B = view () { print 1 };\n';
    const defs = parseFunctionDefinitions(text, 'lib/helpers.kql');
    expect(defs.map(without)).toEqual([
      { name: 'A', parameters: 'x:long, y:string = "q"', body: '  print x, y\n' },
      { name: 'B', body: ' print 1 ' },
    ]);
    expect(defs.map((d) => d.source.line)).toEqual([3, 5]);
    expect(runKql('A(1)', {}, { functions: functionsRecord(defs) }).rows).toEqual([{ print_0: 1, print_1: 'q' }]);
  });

  test('a plain body is named by its file', () => {
    const [def] = parseFunctionDefinitions('let n = 2;\nrange x from 1 to n step 1', 'C:\\work\\Numbers.kql');
    expect(without(def)).toEqual({ name: 'Numbers', body: 'let n = 2;\nrange x from 1 to n step 1' });
  });

  test('a syntax error names the file, line and column', () => {
    const err = failure(() => parseFunctionDefinitions('let A = () {\n  print 1 +\n};', 'a.kql'));
    expect(err.code).toBe('RULE_BAD_FUNCTION');
    expect(err.message).toMatch(/^a\.kql: line 3, column 1: /);
  });

  test('a plain body in a file whose name is not a function name', () => {
    expect(failure(() => parseFunctionDefinitions('print 1', 'my-func.kql')).message).toMatch(/'my-func' is not a function name/);
  });
});

describe('.csf files', () => {
  test('several commands, with properties, ifnotexists and brackets inside strings', () => {
    const text = [
      '.create-or-alter function with (folder = "Parsers/Net", docstring = "a { b } ( c", skipvalidation = "true")',
      'First(T:(*), col:string = "x}") {',
      '    T | extend c = "}" // a comment with }',
      '}',
      '',
      ".create function ifnotexists Second() { print s = 'done' }",
      '.alter function [\'Third\'](x:long) {',
      '  x + 1',
      '}',
    ].join('\n');
    const defs = parseFunctionDefinitions(text, 'all.csf');
    expect(defs.map(without)).toEqual([
      { name: 'First', parameters: 'T:(*), col:string = "x}"', body: '    T | extend c = "}" // a comment with }\n', category: 'Parsers/Net' },
      { name: 'Second', body: " print s = 'done' " },
      { name: 'Third', parameters: 'x:long', body: '  x + 1\n' },
    ]);
    expect(defs.map((d) => d.source.line)).toEqual([3, 6, 8]);
    expect(runKql('print Third(1)', {}, { functions: functionsRecord(defs) }).rows).toEqual([{ print_0: 2 }]);
  });

  test.each([
    ['print 1', /no \.create-or-alter function command found/],
    ['.create-or-alter function F(x:long { x }', /line 1: the parameter list of 'F' is never closed/],
    ['.create-or-alter function F() print 1', /line 1: expected the body/],
    ['.create-or-alter function\n\n  (x:long) { x }', /line 3: expected the function name/],
  ])('malformed: %j', (text, message) => {
    const err = failure(() => parseFunctionDefinitions(text, 'f.csf'));
    expect(err.code).toBe('RULE_BAD_FUNCTION');
    expect(err.message).toMatch(message);
  });

  test('another extension is an error', () => {
    expect(failure(() => parseFunctionDefinitions('x', 'f.txt')).message).toMatch(/not a function definition file/);
  });
});

describe('functionsRecord and loadFunctions', () => {
  test('aliases are names too; a name defined twice is an error naming both places', () => {
    const defs = [...parseFunctionDefinitions('FunctionName: A\nFunctionAlias: B\nFunctionQuery: print 1\n', 'one.yaml')];
    expect(Object.keys(functionsRecord(defs))).toEqual(['A', 'B']);
    const twice = [...defs, ...parseFunctionDefinitions('print 2', 'B.kql')];
    const err = failure(() => functionsRecord(twice));
    expect(err.message).toMatch(/^B\.kql: the function 'B' is defined twice: here \(line 1\) and in one\.yaml \(line 3\)/);
  });

  test('a folder: every .yaml/.yml/.kql/.csf below it; YAML files that are not parsers are skipped with a note', () => {
    const { definitions, skipped } = loadFunctionDefinitions(`${DIR}/lib`);
    expect(definitions.map((d) => d.name).sort()).toEqual(['Admins', 'CountBy', 'FailedLogins', 'IsAdmin', 'OktaLike', 'Recent']);
    expect(skipped).toEqual([`${DIR}/lib/notes.yaml: not a parser (no FunctionName or FunctionQuery), skipped`]);
    expect(Object.keys(loadFunctions(`${DIR}/lib`)).sort()).toEqual(['Admins', 'CountBy', 'FailedLogins', 'IsAdmin', 'OktaLike', 'OktaLikeSSO', 'Recent']);
  });

  test('a file named directly must be a definition; a missing path is RULE_FILE_NOT_FOUND', () => {
    expect(failure(() => loadFunctions(`${DIR}/lib/notes.yaml`)).message).toMatch(/has no 'FunctionName'/);
    expect(failure(() => loadFunctions(`${DIR}/nope`)).code).toBe('RULE_FILE_NOT_FOUND');
  });

  test('duplicates across files and a parser without query are errors naming the file', () => {
    expect(failure(() => loadFunctions(`${DIR}/dup`)).message).toMatch(/Twice\.kql: the function 'Twice' is defined twice: here \(line 1\) and in .*a\.kql/);
    expect(failure(() => loadFunctions([`${DIR}/lib`, `${DIR}/lib/helpers.kql`])).message).toMatch(/'IsAdmin' is defined twice/);
    expect(failure(() => loadFunctions(`${DIR}/bad`)).message).toMatch(/NoQuery\.yaml: the parser has no 'FunctionQuery'/);
  });

  test('the loaded functions run: a .kql plain body calling a YAML parser, a let-style function with a tabular parameter', () => {
    const functions = loadFunctions(`${DIR}/lib`);
    const Logins = [
      { TimeGenerated: '2024-05-01T11:00:00Z', User: 'adm-x', Outcome: 'FAILURE' },
      { TimeGenerated: '2024-05-01T11:00:00Z', User: 'bob', Outcome: 'FAILURE' },
      { TimeGenerated: '2024-05-01T11:00:00Z', User: 'adm-x', Outcome: 'SUCCESS' },
    ];
    expect(runKql('FailedLogins | invoke Admins()', { Logins }, { functions }).rows).toEqual([{ User: 'adm-x', Failures: 1 }]);
    expect(runKql('OktaLikeSSO | count', { Logins }, { functions }).rows).toEqual([{ Count: 3 }]);
    expect(runKql('CountBy(Logins, 2)', { Logins }, { functions }).rows).toEqual([{ User: 'adm-x', Count: 2 }]);
  });
});

describe('functions: in scenario files', () => {
  test('paths relative to the scenario file, and inline definitions', () => {
    expect(runScenarioFile(`${DIR}/rule.tests.yaml`).results.map((r) => [r.name, r.passed, r.failures])).toEqual([
      ['fires for an admin with three failures', true, []],
      ['does not fire for two failures', true, []],
    ]);
    expect(runScenarioFile(`${DIR}/inline.tests.yaml`).passed).toBe(true);
  });

  test("the caller's functions apply too; the file's own win by name", () => {
    // inline.tests.yaml defines FailedLogins and Admins; a caller's Admins that keeps nobody loses to the file's.
    const r = runScenarioFile(`${DIR}/inline.tests.yaml`, { functions: { Admins: { parameters: 'T:(*)', body: 'T | take 0' }, Extra: 'print 1' } });
    expect(r.passed).toBe(true);
  });

  test.each([
    [{ functions: 5 }, /'functions' must be a path, a list of paths, or a mapping/],
    [{ functions: ['a', 3] }, /'functions' as a list must hold paths/],
    [{ functions: { F: { body: 1 } } }, /function 'F' under 'functions' must be its body/],
    [{ functions: { F: { body: 'print 1', extra: 1 } } }, /function 'F' under 'functions'/],
    [{ functions: '' }, /'functions' must not be empty/],
  ])('malformed: %j', (fields, message) => {
    const doc = { ...fields, now: '2024-05-01T00:00:00Z', scenarios: [{ name: 's', expect: { fires: false } }] };
    const err = failure(() => parseScenarioDoc(doc));
    expect(err.code).toBe('RULE_BAD_SCENARIO');
    expect(err.message).toMatch(message);
  });

  test('without a file reader, paths are a failure that says so; inline definitions run', () => {
    const base = { now: '2024-05-01T00:00:00Z', scenarios: [{ name: 's', expect: { rowCount: 1 } }] };
    const [withPath] = runScenarios({ query: 'F' }, { ...base, functions: 'lib' });
    expect(withPath.failures.join('\n')).toMatch(/'functions' names files, which only the Node runner reads/);
    const [inline] = runScenarios({ query: 'F' }, { ...base, functions: { F: 'print 1' } });
    expect(inline.passed).toBe(true);
  });
});
