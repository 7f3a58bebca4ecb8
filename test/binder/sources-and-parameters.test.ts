/** declare query_parameters, externaldata (served offline from options.externalData) and union wildcards / isfuzzy. */
import { describe, expect, it } from 'vitest';
import { runKql, analyzeKql, KqlRuntimeError, KqlSemanticError, KqlSyntaxError } from '../../src/index.js';

describe('declare query_parameters', () => {
  it('takes the value from options.parameters, else the default, converted to the declared type', () => {
    const q = 'declare query_parameters(p:string = "d", n:long = 5); print p, n';
    expect(runKql(q, {}, { parameters: { p: 'given' } }).rows).toEqual([{ print_0: 'given', print_1: 5 }]);
    expect(runKql(q, {}).rows).toEqual([{ print_0: 'd', print_1: 5 }]);
    expect(runKql(q, {}, { parameters: { n: '7' } }).rows).toEqual([{ print_0: 'd', print_1: 7 }]);
  });
  it('a parameter without a default must be supplied', () => {
    expect(() => runKql('declare query_parameters(x:long); print x', {})).toThrow(KqlSemanticError);
    expect(analyzeKql('declare query_parameters(x:long); print x', { parameters: { x: 1 } }).columns).toEqual([{ name: 'print_0', type: 'long' }]);
  });
  it('a malformed declaration is a syntax error', () => {
    expect(() => analyzeKql('declare query_parameters(x long); print 1')).toThrow(KqlSyntaxError);
  });
});

describe('externaldata', () => {
  const q = 'externaldata(Ip:string, Score:long) [ "https://example.org/feed.csv" ] with (format="csv", ignoreFirstRecord=true)';
  it('binds its declared schema without data', () => {
    expect(analyzeKql(q).columns).toEqual([{ name: 'Ip', type: 'string' }, { name: 'Score', type: 'long' }]);
  });
  it('serves the caller rows for the URL, converted to the declared types', () => {
    const r = runKql(`${q} | where Score > 1`, {}, { externalData: { 'https://example.org/feed.csv': [{ Ip: '1.2.3.4', Score: '5' }, { Ip: '5.6.7.8', Score: 1 }, { Ip: null, Score: null }] } });
    expect(r.rows).toEqual([{ Ip: '1.2.3.4', Score: 5 }]);
  });
  it('an empty feed gives no rows; a URL without rows is a runtime error saying it is offline', () => {
    expect(runKql(q, {}, { externalData: { 'https://example.org/feed.csv': [] } }).rows).toEqual([]);
    expect(() => runKql(q, {})).toThrow(KqlRuntimeError);
    expect(() => runKql(q, {})).toThrow(/not available offline/);
  });
  it('several URLs and verbatim/obfuscated strings parse', () => {
    expect(analyzeKql('externaldata(a:string) [ h@"https://a", "https://b" ]').columns).toEqual([{ name: 'a', type: 'string' }]);
  });
});

describe('union wildcards and isfuzzy', () => {
  const tables = { SecurityEvent: [{ EventID: 4624 }], SecurityAlert: [{ AlertName: 'x' }], Other: [{ v: 1 }] };
  it('a wildcard matches the tables present, and withsource names each row\'s table', () => {
    const r = runKql('union withsource=Src Security* | project Src | sort by Src asc', tables);
    expect(r.rows).toEqual([{ Src: 'SecurityAlert' }, { Src: 'SecurityEvent' }]);
  });
  it('isfuzzy=true skips tables that do not exist; without it they are errors', () => {
    expect(runKql('union isfuzzy=true Other, Missing | count', tables).rows).toEqual([{ Count: 1 }]);
    expect(() => runKql('union Other, Missing', tables)).toThrow(KqlSemanticError);
  });
  it('a wildcard that matches nothing is an error unless fuzzy', () => {
    expect(() => runKql('union Nothing*', tables)).toThrow(/No table matches/);
  });
});

describe('matches regex', () => {
  it('RE2 search anywhere in the text, case-sensitive; null-safe on empty text', () => {
    expect(runKql('print "abc123" matches regex @"\\d+$", "abc" matches regex "^B", "" matches regex "^$"', {}).rows)
      .toEqual([{ print_0: true, print_1: false, print_2: true }]);
  });
  it('a hostile pattern runs in linear time (RE2), and an invalid constant pattern is a semantic error at the pattern', () => {
    const long = 'a'.repeat(50_000) + '!';
    expect(runKql('T | where s matches regex "(a+)+$" | count', { T: [{ s: long }] }).rows).toEqual([{ Count: 0 }]);
    const q = 'print "a" matches regex "("';
    try {
      analyzeKql(q);
      expect.unreachable();
    } catch (e) {
      expect((e as KqlSemanticError).code).toBe('SEM_INVALID_ARGUMENT');
      expect((e as KqlSemanticError).column).toBe(q.indexOf('"("') + 1);
    }
  });
  it('a non-string operand is a type error', () => {
    expect(() => analyzeKql('print 1 matches regex "1"')).toThrow(KqlSemanticError);
  });
});

describe('_GetWatchlist', () => {
  const watchlists = { VIPUsers: [{ SearchKey: 'alice@contoso.com', Tier: 'gold' }, { SearchKey: 'bob@contoso.com', Tier: 'silver' }] };
  it('serves the supplied watchlist with Sentinel\'s fixed columns first', () => {
    const r = runKql("_GetWatchlist('VIPUsers') | project SearchKey, Tier, Item = tostring(WatchlistItem.Tier)", {}, { watchlists });
    expect(r.columns).toEqual([{ name: 'SearchKey', type: 'string' }, { name: 'Tier', type: 'string' }, { name: 'Item', type: 'string' }]);
    expect(r.rows).toEqual([{ SearchKey: 'alice@contoso.com', Tier: 'gold', Item: 'gold' }, { SearchKey: 'bob@contoso.com', Tier: 'silver', Item: 'silver' }]);
    expect(analyzeKql("_GetWatchlist('VIPUsers')", { watchlists }).columns.map((c) => c.name))
      .toEqual(['_DTItemId', 'LastUpdatedTimeUTC', 'SearchKey', 'WatchlistItem', 'Tier']);
  });
  it('works inside `in (...)`, the way rules use it', () => {
    const q = "let vips = _GetWatchlist('VIPUsers') | project SearchKey; T | where Upn in (vips)";
    expect(runKql(q, { T: [{ Upn: 'alice@contoso.com' }, { Upn: 'eve@contoso.com' }] }, { watchlists }).rows).toEqual([{ Upn: 'alice@contoso.com' }]);
  });
  it('an empty watchlist gives no rows; an unknown alias is a semantic error naming it', () => {
    expect(runKql("_GetWatchlist('Empty')", {}, { watchlists: { Empty: { schema: [{ name: 'SearchKey', type: 'string' }], rows: [] } } }).rows).toEqual([]);
    expect(() => runKql("_GetWatchlist('Nope')", {})).toThrow(/Unknown watchlist 'Nope'/);
    expect(() => runKql('_GetWatchlist(1)', {})).toThrow(KqlSemanticError);
  });
});

describe('a table called like a function (Sentinel parser functions)', () => {
  const tables = { _Im_Dns: [{ TimeGenerated: '2024-05-01T00:00:00Z', DnsQuery: 'a.example' }] };
  it('without arguments it is the table', () => {
    expect(runKql('_Im_Dns() | count', tables).rows).toEqual([{ Count: 1 }]);
  });
  it('with arguments it binds with the table schema but refuses to run rather than ignore the filters', () => {
    expect(analyzeKql("_Im_Dns(starttime=ago(1d), domain_has_any=dynamic(['x'])) | project DnsQuery", { schemas: { _Im_Dns: [{ name: 'DnsQuery', type: 'string' }] } }).columns)
      .toEqual([{ name: 'DnsQuery', type: 'string' }]);
    expect(() => runKql("_Im_Dns(domain_has_any=dynamic(['x']))", tables)).toThrow(KqlRuntimeError);
  });
});

describe('union isfuzzy=true with legs that cannot resolve', () => {
  it('leaves out a leg calling an unknown function (e.g. an ASIM parser) or reading an unknown column', () => {
    const tables = { A: [{ x: 1 }] };
    expect(runKql('union isfuzzy=true (A | project x), (_Im_Dns(domain_has_any=dynamic(["a"])) | project x), (A | project y)', tables).rows).toEqual([{ x: 1 }]);
  });
  it('without isfuzzy the same leg is an error naming the function', () => {
    expect(() => runKql('union (A | project x), (_Im_Dns() | project x)', { A: [{ x: 1 }] })).toThrow(/Unknown function '_Im_Dns'/);
  });
});
