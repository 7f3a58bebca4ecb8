/** IP lookups: ipv4_lookup, ipv6_lookup. One file per plugin in this folder. */
import type { PluginDef } from '../plugin-def.js';
import { ipv4Lookup } from './ipv4_lookup.js';
import { ipv6Lookup } from './ipv6_lookup.js';

export const LOOKUP_PLUGINS: PluginDef[] = [ipv4Lookup, ipv6Lookup];
