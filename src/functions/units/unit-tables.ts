/**
 * Unit tables of convert_angle, convert_energy, ..., convert_volume. Kusto converts with the UnitsNet
 * library, so these follow the UnitsNet 4.x unit definitions of mid-2022 (the docs' lists have Length.DataMile,
 * added 2022-05, and not Speed.Mach, added 2022-07; no factor of these units changed in between) (each unit: to the quantity's base unit and
 * back, written with the same operations in the same order so the doubles come out alike). A metric prefix
 * P of a unit U makes `<Prefix><u>`: to base = toBase(x) * P, from base = fromBase(x) / P.
 * Only the unit names the Kusto docs list for each function are accepted (exact spelling).
 */

type Fn = (x: number) => number;
/** [name, to base, from base, prefixes] */
type UnitDef = [string, Fn, Fn, string[]?];

export interface Converter {
  toBase: Fn;
  fromBase: Fn;
}

const PREFIX: Record<string, number> = {
  Nano: 1e-9, Micro: 1e-6, Milli: 1e-3, Centi: 1e-2, Deci: 1e-1, Deca: 1e1, Hecto: 1e2, Kilo: 1e3, Mega: 1e6, Giga: 1e9, Tera: 1e12,
};

const mul = (k: number): [Fn, Fn] => [(x) => x * k, (x) => x / k];
const div = (k: number): [Fn, Fn] => [(x) => x / k, (x) => x * k];
const id: [Fn, Fn] = [(x) => x, (x) => x];

function table(defs: UnitDef[], accepted: string): Map<string, Converter> {
  const all = new Map<string, Converter>();
  for (const [name, toBase, fromBase, prefixes] of defs) {
    all.set(name, { toBase, fromBase });
    for (const p of prefixes ?? []) {
      const f = PREFIX[p]!;
      all.set(p + name[0]!.toLowerCase() + name.slice(1), { toBase: (x) => toBase(x) * f, fromBase: (x) => fromBase(x) / f });
    }
  }
  const out = new Map<string, Converter>();
  for (const n of accepted.trim().split(/\s+/)) {
    const c = all.get(n);
    if (!c) throw new Error(`unit table: no definition for ${n}`);
    out.set(n, c);
  }
  return out;
}

export const ANGLE = table([
  ['Radian', (x) => (x * 180) / Math.PI, (x) => (x / 180) * Math.PI, ['Nano', 'Micro', 'Milli', 'Centi', 'Deci']],
  ['Degree', ...id, ['Nano', 'Micro', 'Milli']],
  ['Arcminute', ...div(60)],
  ['Arcsecond', ...div(3600)],
  ['Gradian', ...mul(0.9)],
  ['NatoMil', (x) => (x * 9) / 160, (x) => (x * 160) / 9],
  ['Revolution', ...mul(360)],
  ['Tilt', (x) => (Math.asin(x) * 180) / Math.PI, (x) => Math.sin((x / 180) * Math.PI)],
], `Arcminute Arcsecond Centiradian Deciradian Degree Gradian Microdegree Microradian Millidegree Milliradian
   Nanodegree Nanoradian NatoMil Radian Revolution Tilt`);

export const ENERGY = table([
  ['Joule', ...id, ['Milli', 'Kilo', 'Mega', 'Giga', 'Tera']],
  ['Calorie', ...mul(4.184), ['Kilo', 'Mega']],
  ['BritishThermalUnit', ...mul(1055.05585262), ['Kilo', 'Mega', 'Giga']],
  ['ElectronVolt', ...mul(1.602176565e-19), ['Kilo', 'Mega', 'Giga', 'Tera']],
  ['FootPound', ...mul(1.355817948)],
  ['Erg', ...mul(1e-7)],
  ['WattHour', ...mul(3600), ['Kilo', 'Mega', 'Giga', 'Tera']],
  ['WattDay', (x) => x * 24 * 3600, (x) => x / (24 * 3600), ['Kilo', 'Mega', 'Giga', 'Tera']],
  ['ThermEc', ...mul(1.05505585262e8), ['Deca']],
  ['ThermUs', ...mul(1.054804e8), ['Deca']],
  ['ThermImperial', ...mul(1.05505585257348e8), ['Deca']],
  ['HorsepowerHour', ...mul(2.6845195377e6)],
], `BritishThermalUnit Calorie DecathermEc DecathermImperial DecathermUs ElectronVolt Erg FootPound
   GigabritishThermalUnit GigaelectronVolt Gigajoule GigawattDay GigawattHour HorsepowerHour Joule
   KilobritishThermalUnit Kilocalorie KiloelectronVolt Kilojoule KilowattDay KilowattHour MegabritishThermalUnit
   Megacalorie MegaelectronVolt Megajoule MegawattDay MegawattHour Millijoule TeraelectronVolt TerawattDay
   TerawattHour ThermEc ThermImperial ThermUs WattDay WattHour`);

export const FORCE = table([
  ['Dyn', ...div(1e5)],
  ['KilogramForce', ...mul(9.80665002864)],
  ['TonneForce', ...mul(9.80665002864e3)],
  ['Newton', ...id, ['Micro', 'Milli', 'Deca', 'Kilo', 'Mega']],
  ['KiloPond', ...mul(9.80665002864)],
  ['Poundal', ...mul(0.13825502798973041652092282466083)],
  ['PoundForce', ...mul(4.4482216152605095551842641431421), ['Kilo']],
  ['OunceForce', ...mul(2.780138509537812e-1)],
  ['ShortTonForce', ...mul(8.896443230521e3)],
], `Decanewton Dyn KilogramForce Kilonewton KiloPond KilopoundForce Meganewton Micronewton Millinewton Newton
   OunceForce Poundal PoundForce ShortTonForce TonneForce`);

export const LENGTH = table([
  ['Meter', ...id, ['Nano', 'Micro', 'Milli', 'Centi', 'Deci', 'Deca', 'Hecto', 'Kilo']],
  ['Mile', ...mul(1609.34)],
  ['Yard', ...mul(0.9144)],
  ['Foot', ...mul(0.3048)],
  ['UsSurveyFoot', (x) => (x * 1200) / 3937, (x) => (x * 3937) / 1200],
  ['Inch', ...mul(2.54e-2)],
  ['Mil', ...mul(2.54e-5)],
  ['NauticalMile', ...mul(1852)],
  ['Fathom', ...mul(1.8288)],
  ['Shackle', ...mul(27.432)],
  ['Microinch', ...mul(2.54e-8)],
  ['PrinterPoint', (x) => (x / 72.27) * 2.54e-2, (x) => (x / 2.54e-2) * 72.27],
  ['DtpPoint', (x) => (x / 72) * 2.54e-2, (x) => (x / 2.54e-2) * 72],
  ['PrinterPica', ...div(237.106301584)],
  ['DtpPica', ...div(236.220472441)],
  ['Twip', ...div(56692.913385826)],
  ['Hand', ...mul(1.016e-1)],
  ['AstronomicalUnit', ...mul(1.495978707e11)],
  ['Parsec', ...mul(3.08567758128e16), ['Kilo', 'Mega']],
  ['LightYear', ...mul(9.46073047258e15), ['Kilo', 'Mega']],
  ['SolarRadius', ...mul(6.9551e8)],
  ['Chain', ...mul(20.1168)],
  ['Angstrom', ...mul(1e-10)],
  ['DataMile', ...mul(1828.8)],
], `Angstrom AstronomicalUnit Centimeter Chain DataMile Decameter Decimeter DtpPica DtpPoint Fathom Foot Hand
   Hectometer Inch KilolightYear Kilometer Kiloparsec LightYear MegalightYear Megaparsec Meter Microinch
   Micrometer Mil Mile Millimeter Nanometer NauticalMile Parsec PrinterPica PrinterPoint Shackle SolarRadius
   Twip UsSurveyFoot Yard`);

export const MASS = table([
  ['Gram', ...div(1e3), ['Nano', 'Micro', 'Milli', 'Centi', 'Deci', 'Deca', 'Hecto', 'Kilo']],
  ['Tonne', ...mul(1e3), ['Kilo', 'Mega']],
  ['ShortTon', ...mul(9.0718474e2)],
  ['LongTon', ...mul(1.0160469088e3)],
  ['Pound', ...mul(0.45359237), ['Kilo', 'Mega']],
  ['Ounce', ...div(35.2739619)],
  ['Slug', ...div(6.852176556196105e-2)],
  ['Stone', ...div(0.1574731728702698)],
  ['ShortHundredweight', ...div(0.022046226218487758)],
  ['LongHundredweight', ...div(0.01968413055222121)],
  ['Grain', ...div(15432.358352941431)],
  ['SolarMass', ...mul(1.98947e30)],
  ['EarthMass', ...mul(5.9722e24)],
], `Centigram Decagram Decigram EarthMass Grain Gram Hectogram Kilogram Kilopound Kilotonne LongHundredweight
   LongTon Megapound Megatonne Microgram Milligram Nanogram Ounce Pound ShortHundredweight ShortTon Slug
   SolarMass Stone Tonne`);

export const SPEED = table([
  ['MeterPerSecond', ...id, ['Nano', 'Micro', 'Milli', 'Centi', 'Deci', 'Kilo']],
  ['MeterPerMinute', ...div(60), ['Nano', 'Micro', 'Milli', 'Centi', 'Deci', 'Kilo']],
  ['MeterPerHour', ...div(3600), ['Milli', 'Centi', 'Kilo']],
  ['FootPerSecond', ...mul(0.3048)],
  ['FootPerMinute', (x) => (x * 0.3048) / 60, (x) => (x / 0.3048) * 60],
  ['FootPerHour', (x) => (x * 0.3048) / 3600, (x) => (x / 0.3048) * 3600],
  ['UsSurveyFootPerSecond', (x) => (x * 1200) / 3937, (x) => (x * 3937) / 1200],
  ['UsSurveyFootPerMinute', (x) => ((x * 1200) / 3937) / 60, (x) => ((x * 3937) / 1200) * 60],
  ['UsSurveyFootPerHour', (x) => ((x * 1200) / 3937) / 3600, (x) => ((x * 3937) / 1200) * 3600],
  ['InchPerSecond', ...mul(2.54e-2)],
  ['InchPerMinute', (x) => (x / 60) * 2.54e-2, (x) => (x / 2.54e-2) * 60],
  ['InchPerHour', (x) => (x / 3600) * 2.54e-2, (x) => (x / 2.54e-2) * 3600],
  ['YardPerSecond', ...mul(0.9144)],
  ['YardPerMinute', (x) => (x * 0.9144) / 60, (x) => (x / 0.9144) * 60],
  ['YardPerHour', (x) => (x * 0.9144) / 3600, (x) => (x / 0.9144) * 3600],
  ['Knot', ...mul(0.514444)],
  ['MilePerHour', ...mul(0.44704)],
], `CentimeterPerHour CentimeterPerMinute CentimeterPerSecond DecimeterPerMinute DecimeterPerSecond FootPerHour
   FootPerMinute FootPerSecond InchPerHour InchPerMinute InchPerSecond KilometerPerHour KilometerPerMinute
   KilometerPerSecond Knot MeterPerHour MeterPerMinute MeterPerSecond MicrometerPerMinute MicrometerPerSecond
   MilePerHour MillimeterPerHour MillimeterPerMinute MillimeterPerSecond NanometerPerMinute NanometerPerSecond
   UsSurveyFootPerHour UsSurveyFootPerMinute UsSurveyFootPerSecond YardPerHour YardPerMinute YardPerSecond`);

export const TEMPERATURE = table([
  ['Kelvin', ...id],
  ['DegreeCelsius', (x) => x + 273.15, (x) => x - 273.15],
  ['MillidegreeCelsius', (x) => x / 1000 + 273.15, (x) => (x - 273.15) * 1000],
  ['DegreeDelisle', (x) => (x * -2) / 3 + 373.15, (x) => ((x - 373.15) * -3) / 2],
  ['DegreeFahrenheit', (x) => (x * 5) / 9 + (459.67 * 5) / 9, (x) => ((x - (459.67 * 5) / 9) * 9) / 5],
  ['DegreeNewton', (x) => (x * 100) / 33 + 273.15, (x) => ((x - 273.15) * 33) / 100],
  ['DegreeRankine', (x) => (x * 5) / 9, (x) => (x * 9) / 5],
  ['DegreeReaumur', (x) => (x * 5) / 4 + 273.15, (x) => ((x - 273.15) * 4) / 5],
  ['DegreeRoemer', (x) => (x * 40) / 21 + 273.15 - (7.5 * 40) / 21, (x) => ((x - (273.15 - (7.5 * 40) / 21)) * 21) / 40],
  ['SolarTemperature', ...mul(5778)],
], `DegreeCelsius DegreeDelisle DegreeFahrenheit DegreeNewton DegreeRankine DegreeReaumur DegreeRoemer Kelvin
   MillidegreeCelsius SolarTemperature`);

export const VOLUME = table([
  ['Liter', ...div(1e3), ['Micro', 'Milli', 'Centi', 'Deci', 'Deca', 'Hecto', 'Kilo', 'Mega']],
  ['CubicMeter', ...id, ['Hecto', 'Kilo']],
  ['CubicKilometer', ...mul(1e9)],
  ['CubicHectometer', ...mul(1e6)],
  ['CubicDecimeter', ...div(1e3)],
  ['CubicCentimeter', ...div(1e6)],
  ['CubicMillimeter', ...div(1e9)],
  ['CubicMicrometer', ...div(1e18)],
  ['CubicMile', ...mul(4.16818182544058e9)],
  ['CubicYard', ...mul(0.764554858)],
  ['CubicFoot', ...mul(2.8316846592e-2), ['Hecto', 'Kilo', 'Mega']],
  ['CubicInch', (x) => x * 1.6387 * 1e-5, (x) => x / (1.6387 * 1e-5)],
  ['ImperialGallon', ...mul(0.00454609000000181429905810072407), ['Kilo', 'Mega']],
  ['ImperialOunce', ...mul(2.8413062499962901241875439064617e-5)],
  ['UsGallon', ...mul(0.00378541), ['Deca', 'Deci', 'Hecto', 'Kilo', 'Mega']],
  ['UsOunce', ...mul(2.957352956253760505068307980135e-5)],
  ['UsTablespoon', ...mul(1.478676478125e-5)],
  ['AuTablespoon', ...mul(2e-5)],
  ['UkTablespoon', ...mul(1.5e-5)],
  ['MetricTeaspoon', ...mul(0.5e-5)],
  ['UsTeaspoon', ...mul(4.92892159375e-6)],
  ['MetricCup', ...mul(0.00025)],
  ['UsCustomaryCup', ...mul(0.0002365882365)],
  ['UsLegalCup', ...mul(0.00024)],
  ['OilBarrel', ...mul(0.158987294928)],
  ['UsBeerBarrel', ...mul(0.1173477658)],
  ['ImperialBeerBarrel', ...mul(0.16365924)],
  ['UsQuart', ...mul(9.46352946e-4)],
  ['UsPint', ...mul(4.73176473e-4)],
  ['AcreFoot', ...div(0.000810714)],
  ['ImperialPint', ...mul(5.6826125e-4)],
  ['BoardFoot', ...mul(2.3597372158e-3)],
], `AcreFoot AuTablespoon BoardFoot Centiliter CubicCentimeter CubicDecimeter CubicFoot CubicHectometer CubicInch
   CubicKilometer CubicMeter CubicMicrometer CubicMile CubicMillimeter CubicYard Decaliter DecausGallon Deciliter
   DeciusGallon HectocubicFoot HectocubicMeter Hectoliter HectousGallon ImperialBeerBarrel ImperialGallon
   ImperialOunce ImperialPint KilocubicFoot KilocubicMeter KiloimperialGallon Kiloliter KilousGallon Liter
   MegacubicFoot MegaimperialGallon Megaliter MegausGallon MetricCup MetricTeaspoon Microliter Milliliter OilBarrel
   UkTablespoon UsBeerBarrel UsCustomaryCup UsGallon UsLegalCup UsOunce UsPint UsQuart UsTablespoon UsTeaspoon`);
