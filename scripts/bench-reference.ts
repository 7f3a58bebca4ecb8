/**
 * The seed rule (queries/suspicious-vm-creation/rule.kql) written by hand in
 * plain JavaScript over the benchmark's generated rows (scripts/bench-data.ts):
 * what a developer would write without a KQL engine. It produces the rule's
 * full result rows (the 27 columns, same names and values as Kusto) so
 * scripts/bench.ts can compare them with mini-kql's and DuckDB's. It knows only
 * this one query.
 *
 * Kusto semantics followed, step by step:
 * - `ProductName in (...)` and `==` are case-sensitive; `has_any` / `!has` match
 *   whole terms, case-insensitively; `endswith` is case-insensitive.
 * - `parse_json(Entities)`: the text is parsed once per alert, after the cheap
 *   filters. Only an array is expanded by mv-apply here (the generator writes arrays).
 * - The two `mv-apply Entity = Entities on (where Entity.Type == ...)` keep, per
 *   alert, every (ip entity, account entity) pair; an alert without either is
 *   dropped. The second mv-apply's `Entity` replaces the first, so `Entity`
 *   is the account entity from there on.
 * - `tostring(x)` of a missing property is '' (so `isnotempty(EntityIp)` drops it).
 * - summarize by 9 keys with `AlertTime = bin(AlertTimeGenerated, 1d)` (UTC day);
 *   make_set keeps distinct values (by value, for the entity objects) in first-seen order.
 * - both joins are `kind=inner`: every matching pair, no de-duplication of the left side;
 *   the right side's `AccountObjectId` comes out as `AccountObjectId1`.
 * - `datetime_diff('day', a, b)` counts day boundaries: day(a) - day(b).
 * - `split(s, "@")[i]` is a dynamic string, or null past the end; `[-1]` is the last part.
 */
import { RULE_PRODUCTS, type BenchData } from './bench-data.js';

const PRODUCTS = new Set<string>(RULE_PRODUCTS);
const DAY_MS = 86_400_000;

const isTermChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Kusto `has` (ASCII terms): `needle` (lower case) occurs in `hay` at term boundaries, ignoring case. */
export function hasTerm(hay: string, needle: string): boolean {
  const h = hay.toLowerCase();
  for (let i = h.indexOf(needle); i >= 0; i = h.indexOf(needle, i + 1)) {
    const before = i > 0 ? h.charCodeAt(i - 1) : -1;
    const after = i + needle.length < h.length ? h.charCodeAt(i + needle.length) : -1;
    if (!(isTermChar(before) && isTermChar(needle.charCodeAt(0))) && !(isTermChar(after) && isTermChar(needle.charCodeAt(needle.length - 1)))) return true;
  }
  return false;
}

/** Kusto tostring() of a dynamic value: strings as they are, null/missing as '', others as JSON text. */
function tostring(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** parse_json of a value that may already be a JSON value (a dynamic column) or JSON text. */
function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Property of a dynamic value, as `x.name` reads it (null when x is not an object). */
function prop(x: unknown, name: string): unknown {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>)[name] : undefined;
}

/** Text identity of a JSON value for make_set, with object keys in a fixed order. */
function valueKey(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${valueKey(o[k])}`)
    .join(',')}}`;
}

interface AlertGroup {
  AlertName: string;
  ProductName: string;
  AlertSeverity: string;
  EntityIp: string;
  Tactics: string;
  Techniques: string;
  ProviderName: string;
  AlertTime: Date;
  AccountObjectId: string;
  entities: Map<string, unknown>;
  alertIds: Set<string>;
}

interface GcpRow {
  GCPOperationTime: Date;
  VMName: string;
  VMStatus: string;
  MethodName: string;
  GCPUserUPN: string;
  ProjectId: string;
  GCPUserIp: string;
  GCPUserUA: string;
  VMOperation: string;
  VMType: string;
}

/** Alerts up to and including the summarize: one group per distinct key of the 9 `by` columns. */
function alertGroups(alerts: readonly Record<string, unknown>[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const a of alerts) {
    const product = tostring(a.ProductName);
    if (!PRODUCTS.has(product)) continue;
    const severity = tostring(a.AlertSeverity);
    if (!hasTerm(severity, 'medium') && !hasTerm(severity, 'high')) continue;
    const entities = parseJson(a.Entities);
    if (!Array.isArray(entities)) continue;
    const ips: string[] = [];
    const accounts: unknown[] = [];
    for (const e of entities) {
      const type = prop(e, 'Type');
      if (type === 'ip') ips.push(tostring(prop(e, 'Address')));
      else if (type === 'account') accounts.push(e);
    }
    if (accounts.length === 0) continue;
    const day = Math.floor((a.TimeGenerated as Date).getTime() / DAY_MS);
    const alertName = tostring(a.AlertName);
    const tactics = tostring(a.Tactics);
    const techniques = tostring(a.Techniques);
    const provider = tostring(a.ProviderName);
    const alertId = tostring(a.SystemAlertId);
    for (const ip of ips) {
      if (ip === '') continue;
      for (const account of accounts) {
        const objectId = tostring(prop(account, 'AadUserId'));
        const key = `${alertName}\u0001${product}\u0001${severity}\u0001${ip}\u0001${tactics}\u0001${techniques}\u0001${provider}\u0001${day}\u0001${objectId}`;
        let g = groups.get(key);
        if (!g) {
          g = {
            AlertName: alertName,
            ProductName: product,
            AlertSeverity: severity,
            EntityIp: ip,
            Tactics: tactics,
            Techniques: techniques,
            ProviderName: provider,
            AlertTime: new Date(day * DAY_MS),
            AccountObjectId: objectId,
            entities: new Map(),
            alertIds: new Set(),
          };
          groups.set(key, g);
        }
        const ek = valueKey(account);
        if (!g.entities.has(ek)) g.entities.set(ek, account);
        g.alertIds.add(alertId);
      }
    }
  }
  return [...groups.values()];
}

/** The GCPAuditLogs side of the first join, by caller IP. */
function vmCreations(logs: readonly Record<string, unknown>[]): Map<string, GcpRow[]> {
  const byIp = new Map<string, GcpRow[]>();
  for (const g of logs) {
    if (g.ServiceName !== 'compute.googleapis.com') continue;
    const method = tostring(g.MethodName);
    if (!method.toLowerCase().endsWith('instances.insert')) continue;
    const response = parseJson(g.Response);
    const metadata = parseJson(g.RequestMetadata);
    const upn = tostring(prop(parseJson(g.AuthenticationInfo), 'principalEmail'));
    const ip = tostring(prop(metadata, 'callerIp'));
    const operation = tostring(prop(response, 'operationType'));
    if (hasTerm(upn, 'gserviceaccount.com')) continue;
    if (operation !== 'insert' || ip === '' || ip === 'private') continue;
    const request = parseJson(g.Request);
    const machineType = tostring(prop(request, 'machineType')).split('/');
    const row: GcpRow = {
      GCPOperationTime: g.TimeGenerated as Date,
      VMName: tostring(prop(request, 'name')),
      VMStatus: tostring(prop(response, 'status')),
      MethodName: method,
      GCPUserUPN: upn,
      ProjectId: tostring(g.ProjectId),
      GCPUserIp: ip,
      GCPUserUA: tostring(prop(metadata, 'callerSuppliedUserAgent')),
      VMOperation: operation,
      VMType: machineType[machineType.length - 1]!,
    };
    const list = byIp.get(ip);
    if (list) list.push(row);
    else byIp.set(ip, [row]);
  }
  return byIp;
}

/** `IdentityInfo | distinct AccountObjectId, AccountUPN, JobTitle`, by AccountObjectId. */
function identities(rows: readonly Record<string, unknown>[]): Map<string, { AccountUPN: string; JobTitle: string }[]> {
  const seen = new Set<string>();
  const byId = new Map<string, { AccountUPN: string; JobTitle: string }[]>();
  for (const r of rows) {
    const id = tostring(r.AccountObjectId);
    const upn = tostring(r.AccountUPN);
    const title = tostring(r.JobTitle);
    const key = `${id}\u0001${upn}\u0001${title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byId.get(id);
    if (list) list.push({ AccountUPN: upn, JobTitle: title });
    else byId.set(id, [{ AccountUPN: upn, JobTitle: title }]);
  }
  return byId;
}

/** The seed rule's result rows, as objects keyed by column name (datetimes as Dates, dynamic values as JSON values). */
export function seedRuleRows(data: BenchData): Record<string, unknown>[] {
  const groups = alertGroups(data.SecurityAlert);
  const gcpByIp = vmCreations(data.GCPAuditLogs);
  const identityById = identities(data.IdentityInfo);
  const out: Record<string, unknown>[] = [];
  for (const g of groups) {
    const vms = gcpByIp.get(g.EntityIp);
    if (!vms) continue;
    const ids = identityById.get(g.AccountObjectId);
    if (!ids) continue;
    const Entitys = [...g.entities.values()];
    const SystemAlertIds = [...g.alertIds];
    const alertDay = Math.floor(g.AlertTime.getTime() / DAY_MS);
    for (const vm of vms) {
      const upnParts = vm.GCPUserUPN.split('@');
      const TimeDiff = alertDay - Math.floor(vm.GCPOperationTime.getTime() / DAY_MS);
      for (const id of ids) {
        out.push({
          AlertName: g.AlertName,
          ProductName: g.ProductName,
          AlertSeverity: g.AlertSeverity,
          EntityIp: g.EntityIp,
          Tactics: g.Tactics,
          Techniques: g.Techniques,
          ProviderName: g.ProviderName,
          AlertTime: g.AlertTime,
          AccountObjectId: g.AccountObjectId,
          Entitys,
          SystemAlertIds,
          ...vm,
          AccountObjectId1: g.AccountObjectId,
          AccountUPN: id.AccountUPN,
          JobTitle: id.JobTitle,
          TimeDiff,
          Name: upnParts[0] ?? null,
          UPNSuffix: upnParts[1] ?? null,
        });
      }
    }
  }
  return out;
}
