/** evaluate ipv4_lookup(LookupTable, SourceIPv4Key, IPv4LookupKey [, ExtraKey1, ...] [, return_unmatched]) (docs: ipv4-lookup-plugin.md). */
import { masked, parseIpv4 } from '../../../functions/ip/ipv4-core.js';
import type { PluginDef } from '../plugin-def.js';
import { bindIpLookup, type IpFamily } from './ip-lookup.js';

const IPV4: IpFamily = {
  plugin: 'ipv4_lookup',
  extraKeys: true,
  parse(text) {
    const ip = parseIpv4(text);
    return ip && { prefix: ip.prefix, key: (p: number) => String(masked(ip.address, p)) };
  },
};

export const ipv4Lookup: PluginDef = {
  name: 'ipv4_lookup',
  description: 'Joins rows to a table of IPv4 ranges (CIDR notation): each row gets the columns of the ranges holding its address.',
  bind: (node, input, tools) => bindIpLookup(IPV4, node, input, tools),
};
