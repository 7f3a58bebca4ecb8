/** IP lookups: ipv4_lookup, ipv6_lookup. One file per plugin in this folder. */
import type { PluginDef } from '../plugin-def.js';

export const LOOKUP_PLUGINS: PluginDef[] = [];
