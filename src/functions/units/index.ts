/** Unit conversions and formats: convert_*, format_bytes. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';
import { format_bytes } from './format_bytes.js';
import {
  convert_angle, convert_energy, convert_force, convert_length, convert_mass, convert_speed, convert_temperature, convert_volume,
} from './convert.js';

export const UNITS_SCALARS: ScalarFunction[] = [
  format_bytes, convert_angle, convert_energy, convert_force, convert_length, convert_mass, convert_speed, convert_temperature, convert_volume,
];
