/**
 * The RFC 822 and RFC 850 datetime forms that Kusto's datetime() and todatetime() accept, read by
 * position (docs/differences-from-kusto.md, "datetime text"):
 *
 *   [Sat, ]8 Nov 14 15:05[:02][ GMT]          RFC 822 (a 4-digit year too, as in RFC 1123)
 *   [Saturday, ]08-Nov-14 15:05[:02][ GMT]    RFC 850
 *   Sun Nov  6 08:49:37 1994                  C's asctime(), as HTTP dates allow
 *
 * Only the fields are read here; datetime.ts checks their ranges and makes the value.
 */

/** A datetime's fields as written; `offsetMinutes` is the zone's offset east of UTC. */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Zone names of RFC 822 with their offsets in hours (military single letters are not accepted). */
const ZONES: Readonly<Record<string, number>> = {
  gmt: 0, ut: 0, utc: 0, z: 0,
  est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7,
};

/**
 * A two-digit year as .NET reads it (a window ending 2049): 00-49 are 2000-2049, 50-99 are 1950-1999.
 * UNCERTAIN: Kusto's window is not documented.
 */
function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

/** Reads the text left to right; each method consumes its part or reports that it is absent. */
class Reader {
  at = 0;
  constructor(readonly text: string) {}

  done(): boolean {
    return this.at === this.text.length;
  }
  /** Skips spaces; true when there was at least one. */
  spaces(): boolean {
    const start = this.at;
    while (this.text.charCodeAt(this.at) === 32) this.at++;
    return this.at > start;
  }
  char(c: string): boolean {
    if (this.text[this.at] !== c) return false;
    this.at++;
    return true;
  }
  /** A run of 1 to `max` ASCII digits, as text ('' when none). */
  digits(max: number): string {
    const start = this.at;
    while (this.at - start < max) {
      const c = this.text.charCodeAt(this.at);
      if (c < 48 || c > 57) break;
      this.at++;
    }
    return this.text.slice(start, this.at);
  }
  /** A run of ASCII letters, lower-cased. */
  word(): string {
    const start = this.at;
    for (;;) {
      const c = this.text.charCodeAt(this.at) | 32;
      if (c < 97 || c > 122) break;
      this.at++;
    }
    return this.text.slice(start, this.at).toLowerCase();
  }
  /** `HH:MM[:SS]`, or undefined. */
  time(): { hour: number; minute: number; second: number } | undefined {
    const hour = this.digits(2);
    if (!hour || !this.char(':')) return undefined;
    const minute = this.digits(2);
    if (minute.length !== 2) return undefined;
    let second = '0';
    if (this.char(':')) {
      second = this.digits(2);
      if (second.length !== 2) return undefined;
    }
    return { hour: Number(hour), minute: Number(minute), second: Number(second) };
  }
  /** An optional zone after a space: a name of ZONES or +HHMM / -HHMM. Undefined when malformed. */
  zone(): number | undefined {
    if (this.done()) return 0;
    if (!this.spaces()) return undefined;
    const sign = this.char('+') ? 1 : this.char('-') ? -1 : 0;
    if (sign) {
      const hhmm = this.digits(4);
      return hhmm.length === 4 ? sign * (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2))) : undefined;
    }
    const hours = ZONES[this.word()];
    return hours === undefined ? undefined : hours * 60;
  }
}

function monthNumber(word: string): number {
  return MONTHS.indexOf(word) + 1;
}

/** The fields of an RFC 822, RFC 850 or asctime datetime, or undefined when the text is none of them. */
export function readRfcDateTime(text: string): DateTimeFields | undefined {
  const r = new Reader(text.trim());
  const lead = r.word();
  if (lead && r.char(',')) {
    if (!WEEKDAYS.includes(lead) && !WEEKDAY_NAMES.includes(lead)) return undefined;
    r.spaces();
  } else if (lead) {
    return WEEKDAYS.includes(lead) && r.spaces() ? readAsctime(r) : undefined;
  }
  const day = r.digits(2);
  if (!day) return undefined;
  // RFC 822 separates day, month and year with spaces, RFC 850 with hyphens.
  const hyphens = r.char('-');
  if (!hyphens && !r.spaces()) return undefined;
  const month = monthNumber(r.word());
  if (!month || (hyphens ? !r.char('-') : !r.spaces())) return undefined;
  const year = r.digits(4);
  if (year.length !== 2 && year.length !== 4) return undefined;
  if (!r.spaces()) return undefined;
  const time = r.time();
  if (!time) return undefined;
  const offsetMinutes = r.zone();
  if (offsetMinutes === undefined || !r.done()) return undefined;
  return { year: fullYear(year), month, day: Number(day), ...time, offsetMinutes };
}

/** The rest of `Sun Nov  6 08:49:37 1994`, after the weekday: always UTC. */
function readAsctime(r: Reader): DateTimeFields | undefined {
  const month = monthNumber(r.word());
  if (!month || !r.spaces()) return undefined;
  const day = r.digits(2);
  if (!day || !r.spaces()) return undefined;
  const time = r.time();
  if (!time || !r.spaces()) return undefined;
  const year = r.digits(4);
  if (year.length !== 4 || !r.done()) return undefined;
  return { year: Number(year), month, day: Number(day), ...time, offsetMinutes: 0 };
}
