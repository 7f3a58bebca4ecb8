/** User and activity analytics plugins: session_count, sliding_window_counts, activity_*, funnels, rolling_percentile, dcount_intersect. One file per plugin in this folder. */
import type { PluginDef } from '../plugin-def.js';
import { sessionCount } from './session_count.js';
import { slidingWindowCounts } from './sliding_window_counts.js';
import { activeUsersCount } from './active_users_count.js';
import { activityCountsMetrics } from './activity_counts_metrics.js';
import { activityMetrics } from './activity_metrics.js';
import { newActivityMetrics } from './new_activity_metrics.js';
import { activityEngagement } from './activity_engagement.js';
import { rollingPercentile } from './rolling_percentile.js';
import { dcountIntersect } from './dcount_intersect.js';
import { funnelSequence } from './funnel_sequence.js';
import { funnelSequenceCompletion } from './funnel_sequence_completion.js';

export const USER_ANALYTICS_PLUGINS: PluginDef[] = [sessionCount, slidingWindowCounts, activeUsersCount, activityCountsMetrics, activityMetrics, newActivityMetrics, activityEngagement, dcountIntersect, funnelSequence, funnelSequenceCompletion, rollingPercentile];
