/** Pattern mining and sampling plugins: basket, autocluster, diffpatterns, sequence_detect, narrow, rows_near, preview. One file per plugin in this folder. */
import type { PluginDef } from '../plugin-def.js';
import { sequenceDetect } from './sequence_detect.js';
import { basket } from './basket.js';
import { diffpatterns } from './diffpatterns.js';
import { autocluster } from './autocluster.js';
import { narrow } from './narrow.js';
import { rowsNear } from './rows_near.js';
import { preview } from './preview.js';

export const PATTERN_PLUGINS: PluginDef[] = [sequenceDetect, basket, autocluster, diffpatterns, narrow, rowsNear, preview];
