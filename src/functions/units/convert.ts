/** convert_angle, convert_energy, convert_force, convert_length, convert_mass, convert_speed, convert_temperature, convert_volume. */
import { defineScalar } from '../define.js';
import type { ScalarFunction } from '../registry-types.js';
import { ANGLE, ENERGY, FORCE, LENGTH, MASS, SPEED, TEMPERATURE, VOLUME, type Converter } from './unit-tables.js';

function converter(quantity: string, units: Map<string, Converter>): ScalarFunction {
  return defineScalar({
    name: `convert_${quantity}`,
    description: `Converts a ${quantity} value from one unit to another (unit names as in the docs); null for an unknown unit.`,
    overloads: [{
      // The value is a real (int and long widen; the analyzer rejects decimal); the units are strings.
      params: ['real', 'string', 'string'],
      result: 'real',
      kernel: ([v, from, to]) => {
        const f = units.get(from as string), t = units.get(to as string);
        // UnitsNet 4 refuses NaN and infinite quantities: null, like an unknown unit.
        if (!f || !t || !Number.isFinite(v)) return null;
        return from === to ? v : t.fromBase(f.toBase(v as number));
      },
    }],
  });
}

export const convert_angle = converter('angle', ANGLE);
export const convert_energy = converter('energy', ENERGY);
export const convert_force = converter('force', FORCE);
export const convert_length = converter('length', LENGTH);
export const convert_mass = converter('mass', MASS);
export const convert_speed = converter('speed', SPEED);
export const convert_temperature = converter('temperature', TEMPERATURE);
export const convert_volume = converter('volume', VOLUME);
