/** evaluate ipv4_lookup / ipv6_lookup (ipv4-lookup-plugin.md, ipv6-lookup-plugin.md). */
import { describe, expect, it } from 'vitest';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { cols, rows, schemaOf, catchError } from './helpers.js';
import { KqlSemanticError, type TableInput } from '../../src/index.js';
import type { ColumnSchema } from '../../src/runtime/types.js';

const IP_DATA = `let IP_Data = datatable(network:string, continent_code:string ,continent_name:string, country_iso_code:string, country_name:string)
[
  "111.68.128.0/17","AS","Asia","JP","Japan",
  "5.8.0.0/19","EU","Europe","RU","Russia",
  "223.255.254.0/24","AS","Asia","SG","Singapore",
  "46.36.200.51/32","OC","Oceania","CK","Cook Islands",
  "2.20.183.0/24","EU","Europe","GB","United Kingdom",
];
let IPs = datatable(ip:string)
[
  '2.20.183.12',   // United Kingdom
  '5.8.1.2',       // Russia
  '192.165.12.17', // Unknown
];
`;

const SCHEMAS: Record<string, ColumnSchema[]> = {
  T: [{ name: 'ip', type: 'string' }, { name: 'a', type: 'long' }, { name: 'k', type: 'string' }],
  L: [{ name: 'network', type: 'string' }, { name: 'a', type: 'real' }, { name: 'k', type: 'string' }, { name: 'c', type: 'string' }],
};

describe('evaluate ipv4_lookup', () => {
  it('docs: matching rows only', () => {
    expect(rows(IP_DATA + 'IPs | evaluate ipv4_lookup(IP_Data, ip, network)')).toEqual([
      { ip: '2.20.183.12', network: '2.20.183.0/24', continent_code: 'EU', continent_name: 'Europe', country_iso_code: 'GB', country_name: 'United Kingdom' },
      { ip: '5.8.1.2', network: '5.8.0.0/19', continent_code: 'EU', continent_name: 'Europe', country_iso_code: 'RU', country_name: 'Russia' },
    ]);
  });
  it('docs: return_unmatched = true keeps the unmatched rows with empty lookup columns', () => {
    const out = rows(IP_DATA + 'IPs | evaluate ipv4_lookup(IP_Data, ip, network, return_unmatched = true)');
    expect(out.map((r) => r.country_name)).toEqual(['United Kingdom', 'Russia', '']);
    expect(out[2]).toEqual({ ip: '192.165.12.17', network: '', continent_code: '', continent_name: '', country_iso_code: '', country_name: '' });
    expect(rows(IP_DATA + 'IPs | evaluate ipv4_lookup(IP_Data, ip, network, true)')).toHaveLength(3);
    expect(rows(IP_DATA + 'IPs | evaluate ipv4_lookup(IP_Data, ip, network, false)')).toHaveLength(2);
  });
  it('result schemas match the analyzer (renamed right columns, extra keys dropped)', () => {
    for (const q of [
      'T | evaluate ipv4_lookup(L, ip, network)',
      'T | evaluate ipv4_lookup(L, ip, network, return_unmatched=true)',
      'T | evaluate ipv4_lookup(L, ip, network, k)',
      'T | evaluate ipv4_lookup(L, ip, network, k, true)',
      'T | evaluate ipv4_lookup(L, ip, network, a)',
      'T | evaluate ipv4_lookup(L, ip, network, k, a, return_unmatched=false)',
      'T | evaluate ipv4_lookup((L | project network, zz=1), ip, network)',
      'T | evaluate ipv6_lookup(L, ip, network, true)',
    ]) {
      expect(schemaOf(q, SCHEMAS), q).toBe(formatColumns(analyzeWithOracle(q, SCHEMAS).columns));
    }
  });
  it('extra keys must be equal too; a null extra key matches nothing', () => {
    const q = `let L = datatable(net:string, region:string, tag:string)['10.0.0.0/8', 'eu', 'A', '10.0.0.0/8', 'us', 'B', '10.1.0.0/16', 'us', 'C'];
datatable(ip:string, region:string)['10.1.2.3', 'us', '10.1.2.3', 'eu', '10.1.2.3', '', '10.9.9.9', 'us']
| evaluate ipv4_lookup(L, ip, net, region)`;
    // Every matching range gives a row (here the /8 and the /16 of region 'us'), in lookup-table order.
    expect(rows(q)).toEqual([
      { ip: '10.1.2.3', region: 'us', net: '10.0.0.0/8', tag: 'B' },
      { ip: '10.1.2.3', region: 'us', net: '10.1.0.0/16', tag: 'C' },
      { ip: '10.1.2.3', region: 'eu', net: '10.0.0.0/8', tag: 'A' },
      { ip: '10.9.9.9', region: 'us', net: '10.0.0.0/8', tag: 'B' },
    ]);
    expect(cols(q)).toBe('ip:string, region:string, net:string, tag:string');
  });
  it('a masked source value matches a range holding its whole range; invalid and empty keys match nothing', () => {
    const q = `let L = datatable(net:string, v:long)['10.0.0.0/8', 1, 'junk', 2, '', 3, '10.1.0.0/16', 4];
datatable(ip:string)['10.1.0.0/12', 'nonsense', '', '10.1.5.5']
| evaluate ipv4_lookup(L, ip, net, return_unmatched=true)`;
    expect(rows(q)).toEqual([
      { ip: '10.1.0.0/12', net: '10.0.0.0/8', v: 1 },
      { ip: 'nonsense', net: '', v: null },
      { ip: '', net: '', v: null },
      { ip: '10.1.5.5', net: '10.0.0.0/8', v: 1 },
      { ip: '10.1.5.5', net: '10.1.0.0/16', v: 4 },
    ]);
  });
  it('caller tables on both sides, with later operators using a few columns (column pruning)', () => {
    const tables: Record<string, TableInput> = {
      Events: { schema: [{ name: 'ip', type: 'string' }, { name: 'user', type: 'string' }, { name: 'extra', type: 'long' }], rows: [{ ip: '10.1.2.3', user: 'ann', extra: 1 }, { ip: '8.8.8.8', user: 'bob', extra: 2 }] },
      Nets: { schema: [{ name: 'cidr', type: 'string' }, { name: 'site', type: 'string' }], rows: [{ cidr: '10.0.0.0/8', site: 'hq' }] },
    };
    expect(rows('Events | evaluate ipv4_lookup(Nets, ip, cidr) | project user, site', tables)).toEqual([{ user: 'ann', site: 'hq' }]);
    expect(rows('Events | where extra > 0 | evaluate ipv4_lookup(Nets, ip, cidr, return_unmatched=true) | project extra, site', tables)).toEqual([{ extra: 1, site: 'hq' }, { extra: 2, site: '' }]);
    expect(rows('Events | evaluate ipv6_lookup(Nets, ip, cidr) | summarize count() by site', tables)).toEqual([{ site: 'hq', count_: 1 }]);
  });
  it('many rows against many ranges (indexed, not scanned)', () => {
    const q = `let L = range i from 0 to 10239 step 1 | project net = strcat('10.', i / 256, '.', i % 256, '.0/24'), i;
range j from 0 to 19999 step 1 | project ip = strcat('10.', (j * 7) % 40 / 1, '.', j % 256, '.9'), j
| evaluate ipv4_lookup(L, ip, net) | summarize n = count(), bad = countif(i != ((j * 7) % 40) * 256 + j % 256)`;
    expect(rows(q)).toEqual([{ n: 20000, bad: 0 }]);
  });
  it('fails to bind with an unknown column, a misplaced or non-bool return_unmatched', () => {
    expect(catchError(() => schemaOf('T | evaluate ipv4_lookup(L, ip, network, c)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate ipv4_lookup(L, ip, network, return_unmatched=true, k)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate ipv6_lookup(L, ip, network, k)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => rows(IP_DATA + 'IPs | evaluate ipv4_lookup(IP_Data, ip, nope)'))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => rows(IP_DATA + 'IPs | evaluate ipv4_lookup(IP_Data, ip, network, return_unmatched="yes")'))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => rows(IP_DATA + 'IPs | evaluate ipv4_lookup(IP_Data, ip)'))).toBeInstanceOf(KqlSemanticError);
  });
});

const IP6_DATA = `let IP_Data = datatable(network:string, continent_code:string ,continent_name:string, country_iso_code:string, country_name:string)
[
  "2001:0db8:85a3::/48","NA","North America","US","United States",
  "2404:6800:4001::/48","AS","Asia","JP","Japan",
  "2a00:1450:4001::/48","EU","Europe","DE","Germany",
  "2800:3f0:4001::/48","SA","South America","BR","Brazil",
  "2c0f:fb50:4001::/48","AF","Africa","ZA","South Africa",
  "2607:f8b0:4001::/48","NA","North America","CA","Canada",
  "2a02:26f0:4001::/48","EU","Europe","FR","France",
  "2400:cb00:4001::/48","AS","Asia","IN","India",
  "2801:0db8:85a3::/48","SA","South America","AR","Argentina",
  "2a03:2880:4001::/48","EU","Europe","GB","United Kingdom"
];
let IPs = datatable(ip:string)
[
  "2001:0db8:85a3:0000:0000:8a2e:0370:7334", // United States
  "2404:6800:4001:0001:0000:8a2e:0370:7334", // Japan
  "2a02:26f0:4001:0006:0000:8a2e:0370:7334", // France
  "a5e:f127:8a9d:146d:e102:b5d3:c755:abcd",  // N/A
  "a5e:f127:8a9d:146d:e102:b5d3:c755:abce"   // N/A
];
`;

describe('evaluate ipv6_lookup', () => {
  it('docs: matching rows only (columns in the analyzer\'s order: input first)', () => {
    const out = rows(IP6_DATA + 'IPs | evaluate ipv6_lookup(IP_Data, ip, network)');
    expect(out.map((r) => [r.ip, r.network, r.country_name])).toEqual([
      ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:0db8:85a3::/48', 'United States'],
      ['2404:6800:4001:0001:0000:8a2e:0370:7334', '2404:6800:4001::/48', 'Japan'],
      ['2a02:26f0:4001:0006:0000:8a2e:0370:7334', '2a02:26f0:4001::/48', 'France'],
    ]);
    expect(cols(IP6_DATA + 'IPs | evaluate ipv6_lookup(IP_Data, ip, network)')).toBe('ip:string, network:string, continent_code:string, continent_name:string, country_iso_code:string, country_name:string');
  });
  it('docs: return_unmatched (positional true)', () => {
    const out = rows(IP6_DATA + 'IPs | evaluate ipv6_lookup(IP_Data, ip, network, true)');
    expect(out.map((r) => r.country_name)).toEqual(['United States', 'Japan', 'France', '', '']);
    expect(out[4].ip).toBe('a5e:f127:8a9d:146d:e102:b5d3:c755:abce');
  });
  it('IPv4 addresses match IPv4 ranges (as IPv4-mapped IPv6)', () => {
    const q = `let L = datatable(net:string, v:long)['10.0.0.0/8', 1, '::ffff:10.1.0.0/16', 2];
datatable(ip:string)['10.1.2.3', '11.0.0.1'] | evaluate ipv6_lookup(L, ip, net)`;
    expect(rows(q)).toEqual([{ ip: '10.1.2.3', net: '10.0.0.0/8', v: 1 }, { ip: '10.1.2.3', net: '::ffff:10.1.0.0/16', v: 2 }]);
  });
});
