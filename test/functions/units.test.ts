/**
 * The units family (issue 11): format_bytes and convert_*. Expected values are the examples of the docs pages
 * data-explorer/kusto/query/<name>-function.md (MicrosoftDocs/dataexplorer-docs); result types are checked
 * against Kusto's analyzer (the oracle).
 */
import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql, KqlSemanticError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const rows = (q: string) => runKql(q).rows;
const one = (q: string) => Object.values(rows(q)[0]!)[0];
const cols = (q: string) => runKql(q).columns.map((c) => `${c.name}:${c.type}`).join(', ');

function sameTypes(q: string): void {
  const oracle = analyzeWithOracle(q);
  expect(oracle.errors, q).toEqual([]);
  expect(cols(q), q).toBe(formatColumns(oracle.columns));
}
function rejects(q: string): void {
  expect(analyzeWithOracle(q).errors.length, q).toBeGreaterThan(0);
  expect(() => analyzeKql(q), q).toThrow(KqlSemanticError);
}
/** Equal to the docs' printed digits. */
function near(actual: unknown, printed: number, digits = 15): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - printed) / Math.abs(printed), `${actual} vs ${printed}`).toBeLessThan(0.51 * 10 ** (1 - digits));
}

describe('units: result types (analyzer)', () => {
  it('match the analyzer', () => {
    sameTypes('print a = format_bytes(1), b = format_bytes(1.5, 2), c = format_bytes(int(1), long(2), "KB"), d = format_bytes(decimal(1), 2.0)');
    sameTypes('print a = convert_angle(1, "Degree", "Radian"), b = convert_energy(int(1), "Joule", "Erg"), c = convert_force(1.0, "Newton", "Dyn"), d = convert_length(long(1), "Meter", "Foot")');
    sameTypes('print a = convert_mass(1, "Kilogram", "Pound"), b = convert_speed(1, "Knot", "MilePerHour"), c = convert_temperature(1, "Kelvin", "DegreeCelsius"), d = convert_volume(1, "Liter", "UsGallon")');
  });
  it('reject what the analyzer rejects', () => {
    for (const q of [
      'print format_bytes("1")', 'print format_bytes(dynamic(1))', 'print format_bytes(1, 2, dynamic("KB"))', 'print format_bytes(1, 2, "KB", 1024)',
      'print convert_angle(decimal(1), "Degree", "Radian")', 'print convert_length(1, dynamic("Meter"), "Foot")', 'print convert_mass(1, "Kilogram")',
      'print convert_volume("1", "Liter", "UsGallon")', 'print convert_temperature(1, 1, "Kelvin")',
    ]) rejects(q);
  });
});

describe('format_bytes', () => {
  it('the docs example', () => {
    expect(rows('print v1 = format_bytes(564), v2 = format_bytes(10332, 1), v3 = format_bytes(20010332), v4 = format_bytes(20010332, 2), v5 = format_bytes(20010332, 0, "KB")')).toEqual([
      { v1: '564 Bytes', v2: '10.1 KB', v3: '19 MB', v4: '19.08 MB', v5: '19541 KB' },
    ]);
  });
  it('every unit, auto-selection at the boundaries, empty units, null', () => {
    expect(one('print format_bytes(1024)')).toBe('1 KB');
    expect(one('print format_bytes(1023)')).toBe('1023 Bytes');
    expect(one('print format_bytes(1099511627776)')).toBe('1 TB');
    expect(one('print format_bytes(1125899906842624, 0, "")')).toBe('1 PB');
    expect(one('print format_bytes(2305843009213693952)')).toBe('2 EB');
    expect(one('print format_bytes(1536, 1, "Bytes")')).toBe('1536 Bytes');
    expect(one('print format_bytes(3221225472, 1, "GB")')).toBe('3 GB');
    expect(one('print format_bytes(real(null))')).toBe('');
    expect(one('print format_bytes(1024, 0, "parsecs")')).toBe('');
  });
});

describe('convert_*: the docs examples', () => {
  it('convert_angle', () => {
    expect(rows("print result = convert_angle(1.2, 'Degree', 'Arcminute')")).toEqual([{ result: 72 }]);
    near(one("print convert_angle(180, 'Degree', 'Radian')"), Math.PI);
    near(one("print convert_angle(1, 'Revolution', 'Gradian')"), 400);
    near(one("print convert_angle(0.5, 'Tilt', 'Degree')"), 30);
  });
  it('convert_energy', () => near(one("print result = convert_energy(1.2, 'Joule', 'BritishThermalUnit')"), 0.00113738054437598));
  it('convert_force', () => {
    expect(rows("print result = convert_force(1.2, 'Newton', 'Decanewton')")).toEqual([{ result: 0.12 }]);
  });
  it('convert_length', () => {
    near(one("print result = convert_length(1.2, 'Meter', 'Foot')"), 3.93700787401575);
    near(one("print convert_length(1, 'Mile', 'Kilometer')"), 1.60934);
  });
  it('convert_mass', () => near(one("print result = convert_mass(1.2, 'Kilogram', 'Pound')"), 2.64554714621853));
  it('convert_speed', () => {
    expect(rows("print result = convert_speed(1.2, 'MeterPerSecond', 'CentimeterPerHour')")).toEqual([{ result: 432000 }]);
  });
  it('convert_temperature', () => {
    near(one("print result = convert_temperature(1.2, 'Kelvin', 'DegreeCelsius')"), -271.95);
    near(one("print convert_temperature(100, 'DegreeCelsius', 'DegreeFahrenheit')"), 212);
    near(one("print convert_temperature(32, 'DegreeFahrenheit', 'DegreeCelsius') + 1"), 1);
  });
  it('convert_volume', () => near(one("print result = convert_volume(1.2, 'CubicMeter', 'AcreFoot')"), 0.0009728568, 10));
});

describe('convert_*: unit names and nulls', () => {
  it('accepts every unit name the docs list', () => {
    const lists: Record<string, string> = {
      angle: 'Arcminute Arcsecond Centiradian Deciradian Degree Gradian Microdegree Microradian Millidegree Milliradian Nanodegree Nanoradian NatoMil Radian Revolution Tilt',
      force: 'Decanewton Dyn KilogramForce Kilonewton KiloPond KilopoundForce Meganewton Micronewton Millinewton Newton OunceForce Poundal PoundForce ShortTonForce TonneForce',
      temperature: 'DegreeCelsius DegreeDelisle DegreeFahrenheit DegreeNewton DegreeRankine DegreeReaumur DegreeRoemer Kelvin MillidegreeCelsius SolarTemperature',
      energy: 'DecathermEc GigabritishThermalUnit KilowattDay TeraelectronVolt ThermImperial HorsepowerHour',
      length: 'KilolightYear Megaparsec DtpPica PrinterPoint UsSurveyFoot DataMile',
      mass: 'Kilotonne Megapound EarthMass LongHundredweight Grain Slug',
      speed: 'UsSurveyFootPerMinute NanometerPerMinute KilometerPerSecond Knot YardPerHour MillimeterPerHour',
      volume: 'DecausGallon HectocubicFoot KiloimperialGallon MegausGallon UsLegalCup BoardFoot',
    };
    for (const [q, names] of Object.entries(lists)) {
      const base = names.split(' ')[0];
      for (const n of names.split(' ')) {
        const v = one(`print convert_${q}(0.5, '${n}', '${base}')`);
        expect(typeof v, `${q} ${n}`).toBe('number');
        // There and back again.
        near(one(`print convert_${q}(convert_${q}(0.5, '${n}', '${base}'), '${base}', '${n}')`), 0.5, 10); // offsets (temperatures) cancel digits
      }
    }
  });
  it('a NaN or infinite value gives null (UnitsNet 4 refuses them)', () => {
    expect(rows("print a = convert_length(real(nan), 'Meter', 'Foot'), b = convert_mass(real(+inf), 'Kilogram', 'Pound')")).toEqual([{ a: null, b: null }]);
  });
  it('an unknown unit gives null; so does a null value', () => {
    expect(rows("print a = convert_length(1, 'Meter', 'Furlong'), b = convert_mass(1, 'kilogram', 'Pound'), c = convert_speed(1, 'Mach', 'Knot'), d = convert_angle(real(null), 'Degree', 'Radian'), e = convert_energy(1, '', 'Joule')")).toEqual([
      { a: null, b: null, c: null, d: null, e: null },
    ]);
  });
});
