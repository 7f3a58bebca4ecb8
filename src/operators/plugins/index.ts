/** All `evaluate` plugins by name: one file per plugin, grouped in family folders. */
import type { PluginDef } from './plugin-def.js';
import { bagUnpack } from './bag_unpack.js';
import { pivot } from './pivot.js';
import { LOOKUP_PLUGINS } from './lookup/index.js';
import { PATTERN_PLUGINS } from './patterns/index.js';
import { USER_ANALYTICS_PLUGINS } from './user-analytics/index.js';

const ALL: PluginDef[] = [bagUnpack, pivot, ...LOOKUP_PLUGINS, ...PATTERN_PLUGINS, ...USER_ANALYTICS_PLUGINS];

const BY_NAME = new Map<string, PluginDef>();
for (const p of ALL) {
  if (BY_NAME.has(p.name)) throw new Error(`duplicate evaluate plugin ${p.name}`);
  BY_NAME.set(p.name, p);
}

export function lookupPlugin(name: string): PluginDef | undefined {
  return BY_NAME.get(name);
}

export function listPlugins(): PluginDef[] {
  return [...ALL];
}
