/** Pattern mining and sampling plugins: basket, autocluster, diffpatterns, sequence_detect, narrow, rows_near, preview. One file per plugin in this folder. */
import type { PluginDef } from '../plugin-def.js';

export const PATTERN_PLUGINS: PluginDef[] = [];
