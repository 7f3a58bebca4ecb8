/** evaluate ipv6_lookup(LookupTable, SourceIPv6Key, IPv6LookupKey [, return_unmatched]) (docs: ipv6-lookup-plugin.md). */
import { maskIpv6, parseIpv6 } from '../../../functions/ip/ipv6-core.js';
import type { PluginDef } from '../plugin-def.js';
import { bindIpLookup, type IpFamily } from './ip-lookup.js';

const IPV6: IpFamily = {
  plugin: 'ipv6_lookup',
  extraKeys: false,
  parse(text) {
    const ip = parseIpv6(text);
    return ip && { prefix: ip.prefix, key: (p: number) => maskIpv6(ip.address, p).toString(36) };
  },
};

export const ipv6Lookup: PluginDef = {
  name: 'ipv6_lookup',
  description: 'Joins rows to a table of IPv6 (or IPv4) ranges in prefix notation: each row gets the columns of the ranges holding its address.',
  bind: (node, input, tools) => bindIpLookup(IPV6, node, input, tools),
};
