/** User and activity analytics plugins: session_count, sliding_window_counts, activity_*, funnels, rolling_percentile, dcount_intersect. One file per plugin in this folder. */
import type { PluginDef } from '../plugin-def.js';

export const USER_ANALYTICS_PLUGINS: PluginDef[] = [];
