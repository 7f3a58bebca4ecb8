import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql } from '../../src/index.js';
import { parseXml, MAX_XML_DEPTH } from '../../src/functions/xml.js';
import { analyzeWithOracle } from '../support/oracle.js';
import { bindError, bindScalar, call, dt, type Case } from './helpers.js';

const S = 'string' as const;
const Dy = 'dynamic' as const;
const L = 'long' as const;

// Expected values from the examples of parse-xml-function.md (its conversion table), extract-json-function.md,
// parse-command-line.md, parse-path-function.md, hash-sha256/sha1/md5-function.md and
// unicode-codepoints-to/from-string-function.md, or worked by hand (CommandLineToArgvW rules, JSONPath subset).
const cases: Case[] = [
  // parse_xml: the docs' conversion table.
  ['parse_xml', [S], ['<e/>'], { e: null }],
  ['parse_xml', [S], ['<e>text</e>'], { e: 'text' }],
  ['parse_xml', [S], ['<e name="value" />'], { e: { '@name': 'value' } }],
  ['parse_xml', [S], ['<e name="value">text</e>'], { e: { '@name': 'value', '#text': 'text' } }],
  ['parse_xml', [S], ['<e> <a>text</a> <b>text</b> </e>'], { e: { a: 'text', b: 'text' } }],
  ['parse_xml', [S], ['<e> <a>text</a> <a>text</a> </e>'], { e: { a: ['text', 'text'] } }],
  ['parse_xml', [S], ['<e> text <a>text</a> </e>'], { e: { '#text': 'text', a: 'text' } }],
  // The docs' example document: declaration skipped, values stay text.
  ['parse_xml', [S], ['<?xml version="1.0" encoding="UTF-8"?>\n<duration>\n    <value>118.0</value>\n    <min>100.0</min>\n</duration>'],
    { duration: { value: '118.0', min: '100.0' } }],
  ['parse_xml', [S], ['<e></e>'], { e: '' }],
  ['parse_xml', [S], ['<a x=\'1\' y="&lt;&amp;&#65;&#x42;">&quot;q&apos;<!-- skipped --><![CDATA[<raw>]]></a>'],
    { a: { '@x': '1', '@y': '<&AB', '#text': '"q\'<raw>' } }],
  ['parse_xml', [Dy], ['<e>t</e>'], { e: 't' }],
  // Invalid XML, empty input and null -> null.
  ['parse_xml', [S], [''], null],
  ['parse_xml', [S], ['not xml'], null],
  ['parse_xml', [S], ['<a><b></a></b>'], null],
  ['parse_xml', [S], ['<a></a><b></b>'], null],
  ['parse_xml', [S], ['<a>&nbsp;</a>'], null],
  ['parse_xml', [S], ['<a x="1" x="2"/>'], null],
  ['parse_xml', [S], ['<a x=1/>'], null],
  ['parse_xml', [S], ['<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>'], null],
  ['parse_xml', [Dy], [null], null],

  // extract_json / extractjson
  ['extract_json', [S, S], ['$.name', '{"name": "John", "age": 30, "city": "New York"}'], 'John'],
  ['extract_json', [S, S], ['$.age', '{"name": "John", "age": 30}'], '30'],
  ['extractjson', [S, S], ["$['a b'].c[1]", '{"a b": {"c": [10, {"d": true}]}}'], '{"d":true}'],
  ['extractjson', [S, S], ['$["k"][0]', '{"k": ["x"]}'], 'x'],
  ['extract_json', [S, S], ['$', '[1,2]'], '[1,2]'],
  ['extract_json', [S, S], ['$.missing', '{"a": 1}'], ''],
  ['extract_json', [S, S], ['$.a[5]', '{"a": [1]}'], ''],
  ['extract_json', [S, S], ['$.a', 'not json'], ''],
  ['extract_json', [S, S], ['$.a', ''], ''],
  ['extract_json', [S, S], ['', '{"a": 1}'], ''],
  ['extract_json', [S, S], ['$..a', '{"a": 1}'], ''],
  ['extract_json', [S, S], ['$.a[*]', '{"a": [1]}'], ''],
  ['extract_json', [S, S], ['$.a', '{"a": null}'], ''],

  // parse_command_line: the docs' example, then CommandLineToArgvW's rules.
  ['parse_command_line', [S, S], ['echo "hello world!"', 'windows'], ['echo', 'hello world!']],
  ['parse_command_line', [S, S], ['"C:\\Program Files\\app.exe" -k "a b" c', 'Windows'], ['C:\\Program Files\\app.exe', '-k', 'a b', 'c']],
  ['parse_command_line', [S, S], ['p "abc" d e', 'windows'], ['p', 'abc', 'd', 'e']],
  ['parse_command_line', [S, S], ['p a\\\\\\b d"e f"g h', 'windows'], ['p', 'a\\\\\\b', 'de fg', 'h']],
  ['parse_command_line', [S, S], ['p a\\\\\\"b c d', 'windows'], ['p', 'a\\"b', 'c', 'd']],
  ['parse_command_line', [S, S], ['p a\\\\\\\\"b c" d e', 'windows'], ['p', 'a\\\\b c', 'd', 'e']],
  ['parse_command_line', [S, S], ['p "a""b"', 'windows'], ['p', 'a"b']],
  ['parse_command_line', [S, S], ['p "" x', 'windows'], ['p', '', 'x']],
  ['parse_command_line', [S, S], ['C:\\a\\"b.exe"  x', 'windows'], ['C:\\a\\"b.exe"', 'x']],
  ['parse_command_line', [S, S], ['', 'windows'], []],
  ['parse_command_line', [S, S], ['a b', 'linux'], null],

  // parse_path: the docs' five examples.
  ['parse_path', [S], ['C:\\temp\\file.txt'], {
    Scheme: '', RootPath: 'C:', DirectoryPath: 'C:\\temp', DirectoryName: 'temp', Filename: 'file.txt', Extension: 'txt', AlternateDataStreamName: '',
  }],
  ['parse_path', [S], ['temp\\file.txt'], {
    Scheme: '', RootPath: '', DirectoryPath: 'temp', DirectoryName: 'temp', Filename: 'file.txt', Extension: 'txt', AlternateDataStreamName: '',
  }],
  ['parse_path', [S], ['file://C:/temp/file.txt:some.exe'], {
    Scheme: 'file', RootPath: 'C:', DirectoryPath: 'C:/temp', DirectoryName: 'temp', Filename: 'file.txt', Extension: 'txt', AlternateDataStreamName: 'some.exe',
  }],
  ['parse_path', [S], ['\\\\shared\\users\\temp\\file.txt.gz'], {
    Scheme: '', RootPath: '', DirectoryPath: '\\\\shared\\users\\temp', DirectoryName: 'temp', Filename: 'file.txt.gz', Extension: 'gz', AlternateDataStreamName: '',
  }],
  ['parse_path', [S], ['/usr/lib/temp/file.txt'], {
    Scheme: '', RootPath: '', DirectoryPath: '/usr/lib/temp', DirectoryName: 'temp', Filename: 'file.txt', Extension: 'txt', AlternateDataStreamName: '',
  }],
  ['parse_path', [S], [''], {
    Scheme: '', RootPath: '', DirectoryPath: '', DirectoryName: '', Filename: '', Extension: '', AlternateDataStreamName: '',
  }],

  // hash_sha256 / hash_sha1 / hash_md5: the docs' examples (a datetime hashes its text).
  ['hash_sha256', [S], ['World'], '78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524'],
  ['hash_sha256', ['datetime'], [dt('2020-01-01')], 'ba666752dc1a20eb750b0eb64e780cc4c968bc9fb8813461c1d7e750f302d71d'],
  ['hash_sha256', [S], ['TEXAS'], '9087f20f23f91b5a77e8406846117049029e6798ebbd0d38aea68da73a00ca37'],
  ['hash_sha256', [S], [''], 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['hash_sha1', [S], ['World'], '70c07ec18ef89c5309bbb0937f3a6342411e1fdd'],
  ['hash_sha1', ['datetime'], [dt('2020-01-01')], 'e903e533f4d636b4fc0dcf3cf81e7b7f330de776'],
  ['hash_sha1', [S], ['KANSAS'], 'ea926e17098148921e472b1a760cd5a8117e84d6'],
  ['hash_md5', [S], ['World'], 'f5a7924e621e84c9280a9a27e1bcb7f6'],
  ['hash_md5', ['datetime'], [dt('2020-01-01')], '786c530672d1f8db31fee25ea8a9390b'],
  ['hash_md5', [S], ['IOWA'], '6d4a7c02942f093576149db764d4e2d2'],
  ['hash_md5', [S], [''], 'd41d8cd98f00b204e9800998ecf8427e'],
  ['hash_md5', [L], [1], 'c4ca4238a0b923820dcc509a6f75849b'],
  ['hash_sha256', [L], [null], ''],

  // unicode_codepoints_to_string / make_string, unicode_codepoints_from_string / to_utf8
  ['unicode_codepoints_to_string', [L, L, L, L, L], [75, 117, 115, 116, 111], 'Kusto'],
  ['unicode_codepoints_to_string', [Dy], [[75, 117, 115, 116, 111]], 'Kusto'],
  ['make_string', [Dy, 'int', L], [[75, 117, 115], 116, 111], 'Kusto'],
  ['make_string', [L, L, L], [75, 10, 117], 'K\nu'],
  ['make_string', [L], [0x1f600], '\u{1f600}'],
  ['make_string', [Dy], [[]], ''],
  ['make_string', [L], [0xd800], ''],
  ['make_string', [L], [-1], ''],
  ['make_string', [Dy], [['a']], ''],
  ['make_string', [L, L], [65, null], ''],
  ['unicode_codepoints_from_string', [S], ['קוסטו - Kusto'], [1511, 1493, 1505, 1496, 1493, 32, 45, 32, 75, 117, 115, 116, 111]],
  ['to_utf8', [S], ['⒦⒰⒮⒯⒪'], [9382, 9392, 9390, 9391, 9386]],
  ['to_utf8', [S], ['\u{1f600}'], [0x1f600]],
  ['to_utf8', [S], [''], []],

  ['ingestion_time', [], [], null],

  // hash (xxHash64): the docs' three examples, then by hand (XXH64 of no bytes is 0xef46db3751d8e999).
  ['hash', [S, L], ['World', 100], 51],
  ['hash', [S, L], ['World', 1_000_000_000], 401551951],
  ['hash', [S], ['World'], 1846988464401551951n],
  ['hash', ['datetime'], [dt('2015-01-01')], 1380966698541616202n],
  ['hash', [S, 'int'], ['', 1000], Number(0xef46db3751d8e999n % 1000n)],
  ['hash', [S], [''], BigInt.asIntN(64, 0xef46db3751d8e999n)],
  ['hash', [L, L], [null, 10], null],
  ['hash', [S, L], ['World', 0], null],
];

describe('parsing, hashing and code point functions', () => {
  it.each(cases)('%s(%j) of %j', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('result types match the analyzer', () => {
    expect(bindScalar('parse_xml', [S]).type).toBe('dynamic');
    expect(bindScalar('extractjson', [S, S]).type).toBe('string');
    expect(bindScalar('parse_command_line', [S, S]).type).toBe('dynamic');
    expect(bindScalar('parse_path', [S]).type).toBe('dynamic');
    expect(bindScalar('hash_sha256', ['datetime']).type).toBe('string');
    expect(bindScalar('hash_md5', ['bool']).type).toBe('string');
    expect(bindScalar('make_string', ['int', Dy]).type).toBe('string');
    expect(bindScalar('to_utf8', [S]).type).toBe('dynamic');
    expect(bindScalar('ingestion_time', []).type).toBe('datetime');
    expect(bindScalar('hash', [S, 'int']).type).toBe('long');
  });

  it('rejects wrong argument types, as the analyzer does', () => {
    expect(bindError('parse_xml', [L]).argIndex).toBe(0);
    expect(bindError('extract_json', [L, S]).argIndex).toBe(0);
    expect(bindError('extract_json', [S, L]).argIndex).toBe(1); // a dynamic source binds, as in the analyzer (issue 11)
    expect(bindError('parse_command_line', [S, L]).argIndex).toBe(1);
    expect(bindError('parse_command_line', [S]).error).toMatch(/expects 2/);
    expect(bindError('parse_path', [Dy]).argIndex).toBe(0);
    expect(bindError('hash_sha256', [Dy]).argIndex).toBe(0);
    expect(bindError('hash_md5', [Dy]).argIndex).toBe(0);
    expect(bindError('make_string', ['real']).argIndex).toBe(0);
    expect(bindError('make_string', [L, S]).argIndex).toBe(1);
    expect(bindError('make_string', []).error).toMatch(/expects/);
    expect(bindError('ingestion_time', [L]).error).toMatch(/expects/);
    expect(bindError('hash', [Dy]).argIndex).toBe(0);
    expect(bindError('hash', [S, 'real']).argIndex).toBe(1);
    expect(bindError('hash', [S, S]).argIndex).toBe(1);
  });

  it('result schemas agree with the analyzer', () => {
    const schemas = { T: [{ name: 's', type: 'string' as const }, { name: 'n', type: 'long' as const }] };
    const query = 'T | project parse_xml(s), extract_json("$.a", s), extractjson("$.a", s), parse_command_line(s, "windows"), '
      + 'parse_path(s), hash_sha256(n), hash_sha1(s), hash_md5(s), make_string(n), unicode_codepoints_to_string(n), to_utf8(s), '
      + 'hash(s), hash(n, 10)';
    // Not ingestion_time(): the analyzer names its column $IngestionTime (a naming rule for src/binder/naming.ts).
    const ours = analyzeKql(query, { schemas }).columns;
    const oracle = analyzeWithOracle(query, schemas);
    expect(oracle.errors).toEqual([]);
    expect(ours).toEqual(oracle.columns);
  });
});

describe('parse_xml on Windows event XML, as Sentinel rules use it', () => {
  const eventXml =
    '<DataItem type="System.XmlData" time="2024-05-01T10:00:00.1234567-07:00" sourceHealthServiceId="0a1b2c3d-1111-2222-3333-444455556666">'
    + '<EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event">'
    + '<Data Name="SubjectUserSid">S-1-5-18</Data>'
    + '<Data Name="SubjectUserName">WS01$</Data>'
    + '<Data Name="TargetUserName">alice</Data>'
    + '<Data Name="LogonType">3</Data>'
    + '<Data Name="ProcessName">C:\\Windows\\System32\\svchost.exe</Data>'
    + '<Data Name="CommandLine">cmd /c "echo &amp; &lt;x&gt;"</Data>'
    + '<Data Name="WorkstationName" />'
    + '</EventData></DataItem>';

  it('converts attributes, repeated Data elements and empty elements', () => {
    const v = call('parse_xml', [S], [eventXml]) as { DataItem: Record<string, unknown> };
    expect(v.DataItem['@type']).toBe('System.XmlData');
    expect(v.DataItem['@sourceHealthServiceId']).toBe('0a1b2c3d-1111-2222-3333-444455556666');
    const eventData = v.DataItem.EventData as Record<string, unknown>;
    expect(eventData['@xmlns']).toBe('http://schemas.microsoft.com/win/2004/08/events/event');
    expect(eventData.Data).toEqual([
      { '@Name': 'SubjectUserSid', '#text': 'S-1-5-18' },
      { '@Name': 'SubjectUserName', '#text': 'WS01$' },
      { '@Name': 'TargetUserName', '#text': 'alice' },
      { '@Name': 'LogonType', '#text': '3' },
      { '@Name': 'ProcessName', '#text': 'C:\\Windows\\System32\\svchost.exe' },
      { '@Name': 'CommandLine', '#text': 'cmd /c "echo & <x>"' },
      { '@Name': 'WorkstationName' },
    ]);
  });

  it('works through parse_xml(...).DataItem.EventData.Data | mv-expand | Data["@Name"]', () => {
    const tables = {
      Event: { schema: [{ name: 'EventData', type: 'string' as const }, { name: 'EventID', type: 'int' as const }], rows: [{ EventData: eventXml, EventID: 4624 }] },
    };
    const query = `Event
| extend EvData = parse_xml(EventData).DataItem.EventData.Data
| mv-expand EvData
| extend Name = tostring(EvData['@Name']), Value = tostring(EvData['#text'])
| where Name in ('TargetUserName', 'LogonType', 'WorkstationName')
| project EventID, Name, Value`;
    expect(runKql(query, tables).rows).toEqual([
      { EventID: 4624, Name: 'TargetUserName', Value: 'alice' },
      { EventID: 4624, Name: 'LogonType', Value: '3' },
      { EventID: 4624, Name: 'WorkstationName', Value: '' },
    ]);
  });

  it('is safe on hostile input: deep nesting, huge input, many siblings and __proto__ names', () => {
    const deep = (n: number) => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(parseXml(deep(MAX_XML_DEPTH))).not.toBeNull();
    expect(parseXml(deep(MAX_XML_DEPTH + 1))).toBeNull();
    expect(parseXml('<a>'.repeat(300_000))).toBeNull();
    expect(parseXml(`<a>${'x'.repeat(1_048_576)}</a>`)).toBeNull();
    const wide = parseXml(`<a>${'<b x="1">y</b>'.repeat(20_000)}</a>`) as { a: { b: unknown[] } };
    expect(wide.a.b).toHaveLength(20_000);
    const proto = parseXml('<__proto__ polluted="1"><__proto__>x</__proto__></__proto__>') as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
