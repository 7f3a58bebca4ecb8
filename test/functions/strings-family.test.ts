/**
 * The strings family (issue 11): strcmp, strrep, regex_quote, has_any_index, replace_strings, parse_version,
 * treepath, parse_csv. Values from the examples of each function's page in MicrosoftDocs/dataexplorer-docs
 * (data-explorer/kusto/query/<name>-function.md) or worked by hand; result types from the official analyzer.
 */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { call, failCode } from './helpers.js';
import { csvFields } from '../../src/functions/strings/parse_csv.js';
import { MAX_STRREP_LENGTH } from '../../src/functions/strings/strrep.js';
import { RE2JS } from 're2js';
import fc from 'fast-check';

function rows(q: string): Record<string, unknown>[] {
  return runKql(q).rows;
}
function one(q: string): Record<string, unknown> {
  return rows(q)[0]!;
}

describe('strings family: result types match the analyzer', () => {
  it('every function', () => {
    const q = 'print a=strcmp("a","b"), b=strrep("a",2), c=strrep(3s,2," "), d=regex_quote("x"), e=has_any_index("a", dynamic([1])),'
      + ' f=replace_strings("a", dynamic(["a"]), dynamic(["b"])), g=parse_version("1.2"), h=treepath(dynamic({})), i=parse_csv("a,b"),'
      + ' j=strcmp(1, dynamic("a")), k=regex_quote(12), l=parse_csv(dynamic("x,y")), m=strrep(1, int(2), 5)';
    const ours = formatColumns(runKql(q).columns);
    expect(ours).toBe('a:long, b:string, c:string, d:string, e:long, f:string, g:decimal, h:dynamic, i:dynamic, j:long, k:string, l:dynamic, m:string');
    expect(formatColumns(analyzeWithOracle(q).columns)).toBe(ours);
  });

  it.each([
    'print a=strrep("a", 2.5)',
    'print a=strrep("a", "2")',
    'print a=has_any_index(1, dynamic([1]))',
    'print a=has_any_index("a", "b")',
    'print a=replace_strings("a", "b", dynamic(["c"]))',
    'print a=parse_version(1)',
    'print a=treepath("x")',
    'print a=parse_csv(1)',
  ])('wrong argument type fails to bind, as in the analyzer: %s', (q) => {
    expect(analyzeWithOracle(q).errors.length).toBeGreaterThan(0);
    expect(failCode(q)).toBe('SEM_TYPE_MISMATCH');
  });
});

describe('strcmp', () => {
  it('docs example', () => {
    const q = 'datatable(string1:string, string2:string) ["ABC","ABC", "abc","ABC", "ABC","abc", "abcde","abc"]\n| extend result = strcmp(string1,string2)';
    expect(rows(q).map((r) => r.result)).toEqual([0, 1, -1, 1]);
  });
  it('empty and null strings compare as ""; non-strings as their text', () => {
    expect(one('print a = strcmp("", ""), b = strcmp("", "a"), c = strcmp(dynamic(null), ""), d = strcmp(10, 9)')).toEqual({ a: 0, b: -1, c: 0, d: -1 });
  });
});

describe('strrep', () => {
  it('docs example', () => {
    expect(one("print from_str = strrep('ABC', 2), from_int = strrep(123,3,'.'), from_time = strrep(3s,2,' ')"))
      .toEqual({ from_str: 'ABCABC', from_int: '123.123.123', from_time: '00:00:03 00:00:03' });
  });
  it('a multiplier below 1 or null gives ""; an empty value gives the delimiters only', () => {
    expect(one("print a = strrep('x', 0), b = strrep('x', -3), c = strrep('x', long(null)), d = strrep('', 3, ','), e = strrep('x', 1, ',')"))
      .toEqual({ a: '', b: '', c: '', d: ',,', e: 'x' });
  });
  it('a result over the size limit is "" instead of exhausting memory', () => {
    expect(call('strrep', ['string', 'long'], ['abcd', 1e15])).toBe('');
    expect(call('strrep', ['string', 'long'], ['ab', MAX_STRREP_LENGTH / 2])).toHaveLength(MAX_STRREP_LENGTH);
    expect(call('strrep', ['string', 'long'], ['ab', MAX_STRREP_LENGTH / 2 + 1])).toBe('');
  });
});

describe('regex_quote', () => {
  it('docs example (the page doubles the backslashes of its Markdown table)', () => {
    expect(one("print result = regex_quote('(so$me.Te^xt)')").result).toBe('\\(so\\$me\\.Te\\^xt\\)');
  });
  it('escapes every metacharacter and white space; the result is an RE2 pattern matching the text literally', () => {
    const text = 'a\\b*c+d?e|f{g}h[i]j(k)l^m$n.o#p q\tr\ns\rt\fu-v/w';
    const quoted = call('regex_quote', ['string'], [text]) as string;
    expect(quoted).toBe('a\\\\b\\*c\\+d\\?e\\|f\\{g}h\\[i]j\\(k\\)l\\^m\\$n\\.o\\#p\\ q\\tr\\ns\\rt\\fu-v/w');
    expect(RE2JS.compile(`^${quoted}$`).matches(text)).toBe(true);
    expect(RE2JS.compile(quoted).matches('abcdefghijklmnop q')).toBe(false);
  });
  it('null and non-strings', () => {
    expect(one('print a = regex_quote(dynamic(null)), b = regex_quote(1.5)')).toEqual({ a: '', b: '1\\.5' });
  });
  it('quoted text is found by matches regex / extract', () => {
    expect(one("print a = 'x(1+1)y' matches regex regex_quote('(1+1)'), b = extract(regex_quote('a.b'), 0, 'axb a.b')")).toEqual({ a: true, b: 'a.b' });
  });
});

describe('has_any_index', () => {
  it('docs example', () => {
    const q = `print
 idx1 = has_any_index("this is an example", dynamic(['this', 'example']))
 , idx2 = has_any_index("this is an example", dynamic(['not', 'example']))
 , idx3 = has_any_index("this is an example", dynamic(['not', 'found']))
 , idx4 = has_any_index("Example number 2", range(1, 3, 1))
 , idx5 = has_any_index("this is an example", dynamic([]))`;
    expect(one(q)).toEqual({ idx1: 0, idx2: 1, idx3: -1, idx4: 1, idx5: -1 });
  });
  it('matches whole terms, case-insensitively; null items are skipped; a non-array is null', () => {
    expect(one('print a = has_any_index("an EXAMPLE here", dynamic(["xam", "example"])), b = has_any_index("a b", dynamic([null, "b"])),'
      + ' c = has_any_index("a", dynamic({"x": "a"})), d = has_any_index(dynamic(null), dynamic(["a"])), e = has_any_index("a", dynamic(null))'))
      .toEqual({ a: 1, b: 1, c: null, d: -1, e: null });
  });
});

describe('replace_strings', () => {
  it('docs examples', () => {
    const m = 'A magic trick can turn a cat into a dog';
    expect(one(`print Outcome = replace_strings("${m}", dynamic(['cat', 'dog']), dynamic(['dog', 'pigeon']))`).Outcome)
      .toBe('A magic trick can turn a dog into a pigeon');
    expect(one(`print Outcome = replace_strings("${m}", dynamic(['turn', ' into a dog']), dynamic(['disappear', '']))`).Outcome)
      .toBe('A magic trick can disappear a cat');
    const m2 = 'This is an example of using replace_strings()';
    expect(one(`print Message="${m2}"
| extend Outcome1 = replace_strings(Message, dynamic(['This', 'is']), dynamic(['This', 'was'])),
         Outcome2 = replace_strings(Message, dynamic(['is', 'This']), dynamic(['was', 'This']))`))
      .toEqual({ Message: m2, Outcome1: 'This was an example of using replace_strings()', Outcome2: 'Thwas was an example of using replace_strings()' });
    expect(one(`print Outcome = replace_strings("${m2}", dynamic(['This', 'is']), dynamic([12345, 'was']))`).Outcome)
      .toBe('This was an example of using replace_strings()');
  });
  it('non-string and empty lookups are ignored; a missing rewrite keeps the text; matches do not overlap', () => {
    expect(call('replace_strings', ['string', 'dynamic', 'dynamic'], ['aaaa', [1, '', 'aa'], ['x', 'y', 'b']])).toBe('bb');
    expect(call('replace_strings', ['string', 'dynamic', 'dynamic'], ['abc abc', ['abc', 'c'], []])).toBe('abc abc');
    expect(call('replace_strings', ['string', 'dynamic', 'dynamic'], ['abc abc', ['b', 'abc'], ['B']])).toBe('aBc aBc');
    expect(call('replace_strings', ['string', 'dynamic', 'dynamic'], ['aaa', ['aa'], ['b']])).toBe('ba');
    expect(call('replace_strings', ['string', 'dynamic', 'dynamic'], ['', ['a'], ['b']])).toBe('');
  });
  it('null text is ""; a non-array lookups or rewrites gives ""', () => {
    expect(one('print a = replace_strings(dynamic(null), dynamic(["a"]), dynamic(["b"])), b = replace_strings("a", dynamic({"a":1}), dynamic(["b"]))'))
      .toEqual({ a: '', b: '' });
  });
});

describe('parse_version', () => {
  it('docs example: parsed values', () => {
    const q = 'datatable(v: string) ["0.0.0.5", "0.0.7.0", "0.0.3", "0.2", "0.1.2.0", "1.2.3.4", "1"]\n| extend parsedVersion = parse_version(v)';
    expect(rows(q).map((r) => r.parsedVersion)).toEqual([
      5, 700_000_000, 300_000_000, 20_000_000_000_000_000, 10_000_000_200_000_000, 1_000_000_020_000_000_300_000_004, 1e24,
    ]);
  });
  it('docs example: comparing versions', () => {
    const q = `let dt = datatable(lab: string, v: string)
["Lab A", "0.0.0.5", "Lab B", "0.0.7.0", "Lab D","0.0.3", "Lab C", "0.2", "Lab G", "0.1.2.0", "Lab F", "1.2.3.4", "Lab E", "1",];
dt
| extend parsed_version = parse_version(v)
| extend needs_update = iff(parsed_version < parse_version("1.0.0.0"), "Yes", "No")
| project lab, v, needs_update
| sort by lab asc , v, needs_update`;
    expect(rows(q).map((r) => `${r.lab}|${r.v}|${r.needs_update}`)).toEqual([
      'Lab A|0.0.0.5|Yes', 'Lab B|0.0.7.0|Yes', 'Lab C|0.2|Yes', 'Lab D|0.0.3|Yes', 'Lab E|1|No', 'Lab F|1.2.3.4|No', 'Lab G|0.1.2.0|Yes',
    ]);
  });
  it('more than four parts, more than eight digits, empty parts or other text are null', () => {
    expect(one('print a = parse_version("1.2.3.4.5"), b = parse_version("123456789"), c = parse_version("1..2"), d = parse_version(""),'
      + ' e = parse_version("v1.2"), f = parse_version("99999999.99999999"), g = parse_version(" 1.2")'))
      .toEqual({ a: null, b: null, c: null, d: null, e: null, f: 99999999_99999999e16, g: null });
  });
});

describe('treepath', () => {
  it('docs examples', () => {
    expect(one(`print a = treepath(parse_json('{"a":"b", "c":123}')), b = treepath(parse_json('{"prop1":[1,2,3,4], "prop2":"value2"}')),`
      + ` c = treepath(parse_json('{"listProperty":[100,200,300,"abcde",{"x":"y"}]}'))`)).toEqual({
      a: ["['a']", "['c']"],
      b: ["['prop1']", "['prop1'][0]", "['prop2']"],
      c: ["['listProperty']", "['listProperty'][0]", "['listProperty'][0]['x']"],
    });
  });
  it('nested bags, arrays of arrays, empty containers, quotes in keys; a scalar has no paths; null is null', () => {
    expect(one(`print a = treepath(dynamic({"a":{"b":{"c":1}}, "e":[], "f":{}})), b = treepath(dynamic({"m":[[1],[{"k":1}]]})),`
      + ` c = treepath(dynamic({"it's":1})), d = treepath(dynamic(5)), e = treepath(dynamic(null)), f = treepath(dynamic([{"a":1},{"b":2},{"a":3}]))`))
      .toEqual({
        a: ["['a']", "['a']['b']", "['a']['b']['c']", "['e']", "['f']"],
        b: ["['m']", "['m'][0]", "['m'][0][0]", "['m'][0][0]['k']"],
        c: ["['it\\'s']"],
        d: [],
        e: null,
        f: ['[0]', "[0]['a']", "[0]['b']"],
      });
  });
});

describe('parse_csv', () => {
  it('docs example: escaping quotes', () => {
    expect(one(`print result=parse_csv('aa,"b,b,b",cc,"Escaping quotes: ""Title""","line1\\nline2"')`).result)
      .toEqual(['aa', 'b,b,b', 'cc', 'Escaping quotes: "Title"', 'line1\nline2']);
  });
  it('docs example: only the first record is taken', () => {
    expect(one("print result_multi_record=parse_csv('record1,a,b,c\\nrecord2,x,y,z')").result_multi_record).toEqual(['record1', 'a', 'b', 'c']);
  });
  it('docs example: filter by the count of values', () => {
    const q = `datatable(sessionid:string, participants:string) [
      "CON-PRT157", "Guy Reginiano, Guy Yehudy, Pankaj Suri, Saeed Copty",
      "X1", "One, Two",
      "BRK3099", "Yoni Leibowitz, Eric Fleischman, Robert Pack, Avner Aharoni"]
| where array_length(parse_csv(participants)) > 3 | distinct *`;
    expect(rows(q).map((r) => r.sessionid)).toEqual(['CON-PRT157', 'BRK3099']);
  });
  it('edge cases: empty fields, CRLF, text after a closing quote, an unclosed quote, null', () => {
    expect(csvFields('')).toEqual(['']);
    expect(csvFields(',a,,')).toEqual(['', 'a', '', '']);
    expect(csvFields('a,b\r\nc,d')).toEqual(['a', 'b']);
    expect(csvFields('"a"b,c')).toEqual(['ab', 'c']);
    expect(csvFields('"a,b')).toEqual(['a,b']);
    expect(csvFields('a"b,c')).toEqual(['a"b', 'c']);
    expect(csvFields('"",""""')).toEqual(['', '"']);
    expect(one('print a = parse_csv(dynamic(null))').a).toEqual(['']);
  });
  it('a large input is one linear pass', () => {
    const big = '"'.repeat(200_001) + ','.repeat(100_000);
    const fields = csvFields(big);
    expect(fields[0]).toBe('"'.repeat(100_000) + ','.repeat(100_000));
    expect(csvFields('a,'.repeat(100_000))).toHaveLength(100_001);
  });
});

describe('properties', () => {
  const small = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ',', '"', '\n', '\r', ' ', 'é'), maxLength: 12 });

  it('parse_csv reads back any fields written with RFC 4180 quoting', () => {
    const quote = (f: string) => '"' + f.replace(/"/g, '""') + '"';
    fc.assert(fc.property(fc.array(small, { minLength: 1, maxLength: 6 }), fc.boolean(), (fields, quoteAll) => {
      const plain = (f: string) => !/[,"\n\r]/.test(f);
      const line = fields.map((f) => (!quoteAll && plain(f) ? f : quote(f))).join(',');
      expect(csvFields(line + '\r\nnext,record')).toEqual(fields);
    }), { seed: 11, numRuns: 500 });
  });

  it('replace_strings matches a direct reference (priority by lookup order, no overlaps)', () => {
    /** Per lookup in order, scan every position and take each match that overlaps nothing taken. */
    function reference(text: string, lookups: unknown[], rewrites: unknown[]): string {
      const taken: { at: number; k: number }[] = [];
      const covered = new Array<boolean>(text.length).fill(false);
      lookups.forEach((l, k) => {
        if (typeof l !== 'string' || l === '') return;
        for (let i = 0; i + l.length <= text.length; i++) {
          if (text.startsWith(l, i) && covered.slice(i, i + l.length).every((c) => !c)) {
            for (let j = i; j < i + l.length; j++) covered[j] = true;
            taken.push({ at: i, k });
            i += l.length - 1;
          }
        }
      });
      taken.sort((x, y) => x.at - y.at);
      let out = '';
      let last = 0;
      for (const { at, k } of taken) {
        const l = lookups[k] as string;
        const r = rewrites[k];
        out += text.slice(last, at) + (typeof r === 'string' ? r : l);
        last = at + l.length;
      }
      return out + text.slice(last);
    }
    const piece = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 3 });
    const item = fc.oneof(piece, fc.constant(7));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 20 }), fc.array(item, { maxLength: 4 }), fc.array(item, { maxLength: 4 }),
      (text, lookups, rewrites) => {
        expect(call('replace_strings', ['string', 'dynamic', 'dynamic'], [text, lookups, rewrites])).toBe(reference(text, lookups, rewrites));
      }), { seed: 5, numRuns: 1000 });
  });

  it('strrep(s, n, d) splits back into n copies of s', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 4 }), fc.integer({ min: 1, max: 20 }), (s, n) => {
      const r = call('strrep', ['string', 'long', 'string'], [s, n, '|']) as string;
      expect(r.split('|')).toEqual(Array.from({ length: n }, () => s));
    }), { seed: 3, numRuns: 200 });
  });
});
