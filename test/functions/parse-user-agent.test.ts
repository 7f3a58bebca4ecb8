/**
 * parse_user_agent (parse-user-agent-function.md): the docs' two examples, a handful of cases from uap-core
 * 0.18.0's own test files (tests/test_ua.yaml, tests/test_os.yaml, tests/test_device.yaml; an empty field there
 * is '' here), and the argument handling. Result types from the official analyzer.
 */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { failCode } from './helpers.js';
import { MAX_USER_AGENT_LENGTH, parseBrowser, parseDevice, parseOs } from '../../src/functions/strings/user-agent.js';
import { USER_AGENT_RULES_JSON } from '../../src/functions/strings/user-agent-rules.generated.js';

const kql = (s: string): string => JSON.stringify(s);
function x(ua: string, lookFor: string): unknown {
  return runKql(`print x = parse_user_agent(${kql(ua)}, ${lookFor})`).rows[0]!.x;
}

describe('parse_user_agent', () => {
  it('result type matches the analyzer', () => {
    const q = 'print a = parse_user_agent("x", "browser"), b = parse_user_agent("x", dynamic(["os"])), c = parse_user_agent("x")';
    const ours = formatColumns(runKql(q).columns);
    expect(ours).toBe('a:dynamic, b:dynamic, c:dynamic');
    expect(formatColumns(analyzeWithOracle(q).columns)).toBe(ours);
  });

  it('docs example: look-for as a string', () => {
    const ua = 'Mozilla/5.0 (Windows; U; en-US) AppleWebKit/531.9 (KHTML, like Gecko) AdobeAIR/2.5.1';
    expect(x(ua, '"browser"')).toEqual({ Browser: { Family: 'AdobeAIR', MajorVersion: '2', MinorVersion: '5', Patch: '1' } });
  });

  it('docs example: look-for as a dynamic array (key order as shown)', () => {
    const ua = 'Mozilla/5.0 (SymbianOS/9.2; U; Series60/3.1 NokiaN81-3/10.0.032 Profile/MIDP-2.0 Configuration/CLDC-1.1 ) AppleWebKit/413 (KHTML, like Gecko) Safari/4';
    const r = x(ua, 'dynamic(["browser","os","device"])');
    expect(r).toEqual({
      Browser: { Family: 'Nokia OSS Browser', MajorVersion: '3', MinorVersion: '1', Patch: '' },
      OperatingSystem: { Family: 'Symbian OS', MajorVersion: '9', MinorVersion: '2', Patch: '', PatchMinor: '' },
      Device: { Family: 'Nokia N81', Brand: 'Nokia', Model: 'N81-3' },
    });
    expect(JSON.stringify(r)).toBe(JSON.stringify({
      Browser: { Family: 'Nokia OSS Browser', MajorVersion: '3', MinorVersion: '1', Patch: '' },
      OperatingSystem: { Family: 'Symbian OS', MajorVersion: '9', MinorVersion: '2', Patch: '', PatchMinor: '' },
      Device: { Family: 'Nokia N81', Brand: 'Nokia', Model: 'N81-3' },
    }));
  });

  it('uap-core test cases: browsers (family_replacement with $1)', () => {
    expect(parseBrowser('Mozilla/5.0 (X11; U; Linux i686; en-US; rv:1.9.1.1pre) Gecko/20090717 Ubuntu/9.04 (jaunty) Shiretoko/3.5.1pre'))
      .toEqual({ Family: 'Firefox (Shiretoko)', MajorVersion: '3', MinorVersion: '5', Patch: '1pre' });
    expect(parseBrowser('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36 Edge/12.9600'))
      .toEqual({ Family: 'Edge', MajorVersion: '12', MinorVersion: '9600', Patch: '' });
  });

  it('uap-core test cases: operating systems (os_v1_replacement: $1)', () => {
    expect(parseOs('Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10_5_7; en-us) AppleWebKit/530.17 (KHTML, like Gecko) Version/4.0 Safari/530.17 Skyfire/2.0'))
      .toEqual({ Family: 'Mac OS X', MajorVersion: '10', MinorVersion: '5', Patch: '7', PatchMinor: '' });
    expect(parseOs('Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US; rv:1.9.2.17) Gecko/20110414 Lightning/1.0b3pre Thunderbird/3.1.10'))
      .toEqual({ Family: 'Windows', MajorVersion: 'XP', MinorVersion: '', Patch: '', PatchMinor: '' });
  });

  it('uap-core test cases: devices (brand/model replacements, a case-insensitive rule)', () => {
    expect(parseDevice('Mozilla/5.0 (Linux; Android 4.2.2; PEDI_PLUS_W Build/JDQ39) AppleWebKit/537.31 (KHTML, like Gecko) Chrome/26.0.1410.58 Safari/537.31'))
      .toEqual({ Family: 'Odys PEDI PLUS W', Brand: 'Odys', Model: 'PEDI PLUS W' });
    expect(parseDevice('Mozilla/5.0 (iPhone; U; fr; CPU iPhone OS 4_2_1 like Mac OS X; fr) AppleWebKit/533.17.9 (KHTML, like Gecko) Version/5.0.2 Mobile/8C148a Safari/6533.18.5'))
      .toEqual({ Family: 'iPhone', Brand: 'Apple', Model: 'iPhone' });
    expect(parseDevice('NetFront/4.2 (BMP 1.0.4; U; en-us; LG; NetFront/4.2/AMB) Boost LG272 MMP/2.0 Profile/MIDP-2.1 Configuration/CLDC-1.1'))
      .toEqual({ Family: 'Generic Feature Phone', Brand: 'Generic', Model: 'Feature Phone' });
  });

  it('no rule matches: family "Other", every other field ""', () => {
    expect(x('', 'dynamic(["browser", "os", "device"])')).toEqual({
      Browser: { Family: 'Other', MajorVersion: '', MinorVersion: '', Patch: '' },
      OperatingSystem: { Family: 'Other', MajorVersion: '', MinorVersion: '', Patch: '', PatchMinor: '' },
      Device: { Family: 'Other', Brand: '', Model: '' },
    });
  });

  it('look-for: one name, names in any case and order, unknown names ignored, one argument = all three', () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
    expect(x(ua, '"os"')).toEqual({ OperatingSystem: { Family: 'Windows', MajorVersion: '10', MinorVersion: '', Patch: '', PatchMinor: '' } });
    expect(Object.keys(x(ua, 'dynamic(["Device", "BROWSER"])') as object)).toEqual(['Browser', 'Device']);
    expect(x(ua, '"foo"')).toEqual({});
    expect(x(ua, 'dynamic([])')).toEqual({});
    const all = runKql(`print x = parse_user_agent(${kql(ua)})`).rows[0]!.x as Record<string, unknown>;
    expect(Object.keys(all)).toEqual(['Browser', 'OperatingSystem', 'Device']);
    expect(all.Browser).toEqual({ Family: 'Chrome', MajorVersion: '120', MinorVersion: '0', Patch: '0' });
  });

  it('a non-constant look-for is read per row; one that is not a string array gives null', () => {
    const q = 'datatable(l:dynamic) [dynamic(["browser"]), dynamic({"a":1}), dynamic(null), dynamic([1])]'
      + ' | extend x = parse_user_agent("Mozilla/5.0 Firefox/3.0", l)';
    expect(runKql(q).rows.map((r) => r.x)).toEqual([
      { Browser: { Family: 'Firefox', MajorVersion: '3', MinorVersion: '0', Patch: '' } }, null, null, null,
    ]);
  });

  it('results are fresh objects (the memo is not shared with the caller)', () => {
    const a = x('Mozilla/5.0 Firefox/3.0', '"browser"') as { Browser: { Family: string } };
    a.Browser.Family = 'changed';
    expect((x('Mozilla/5.0 Firefox/3.0', '"browser"') as { Browser: { Family: string } }).Browser.Family).toBe('Firefox');
  });

  it(`only the first ${MAX_USER_AGENT_LENGTH} characters are examined`, () => {
    const pad = ' '.repeat(MAX_USER_AGENT_LENGTH - 20);
    expect(parseBrowser(`${pad}Firefox/3.0`).Family).toBe('Firefox');
    expect(parseBrowser(`${pad}${' '.repeat(40)}Firefox/3.0`).Family).toBe('Other');
  });

  it.each([
    'print a = parse_user_agent(1, "os")',
    'print a = parse_user_agent("x", 1)',
    'print a = parse_user_agent("x", dynamic({"a":1}))',
    'print a = parse_user_agent("x", dynamic([1]))',
    'print a = parse_user_agent("x", "os", "device")',
  ])('wrong arguments fail to bind, as in the analyzer: %s', (q) => {
    expect(analyzeWithOracle(q).errors.length).toBeGreaterThan(0);
    expect(failCode(q)).toMatch(/^SEM_/);
  });

  it('the generated rules: uap-core 0.18.0, every list present, one JSON string', () => {
    const data = JSON.parse(USER_AGENT_RULES_JSON) as Record<string, unknown[]>;
    expect(data.source).toBe('uap-core 0.18.0');
    expect([data.ua!.length, data.os!.length, data.device!.length]).toEqual([350, 197, 628]);
  });
});
