/**
 * A hand-written JavaScript version of the seed rule
 * (queries/suspicious-vm-creation/rule.kql) for the benchmark data, used by
 * scripts/bench.ts to cross-check the engine's output row count
 * (`--check`). It is not the engine and knows only this one query.
 *
 * Semantics followed (Kusto docs): `in` and `==` are case-sensitive; `has_any` /
 * `!has` match whole terms case-insensitively; `endswith` is case-insensitive;
 * mv-apply drops rows whose subquery returns nothing; summarize groups on the
 * 9 keys; both joins are kind=inner (every matching pair); `distinct` on the
 * identity side.
 */
import { RULE_PRODUCTS, type BenchData } from './bench-data.js';

const PRODUCTS = new Set<string>(RULE_PRODUCTS);
const DAY_MS = 86_400_000;

/** Kusto `has`: needle occurs in hay bounded by non-alphanumerics (ASCII approximation). */
function has(hay: string, needle: string): boolean {
  const h = hay.toLowerCase();
  const n = needle.toLowerCase();
  const isAlnum = (c: string | undefined) => c !== undefined && /[0-9a-z]/i.test(c);
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) {
    if (!isAlnum(h[i - 1]) && !isAlnum(h[i + n.length])) return true;
  }
  return false;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export interface ReferenceResult {
  outputRows: number;
  alertGroups: number;
  gcpRows: number;
  identityTuples: number;
}

export function seedRuleReference(data: BenchData): ReferenceResult {
  // Alerts side, up to the summarize: group key -> count of key (values do not affect the row count).
  const groups = new Map<string, { ip: string; account: string }>();
  for (const a of data.SecurityAlert) {
    if (!PRODUCTS.has(a.ProductName as string)) continue;
    const sev = a.AlertSeverity as string;
    if (!has(sev, 'Medium') && !has(sev, 'High')) continue;
    let entities: unknown;
    try {
      entities = JSON.parse(a.Entities as string);
    } catch {
      continue;
    }
    if (!Array.isArray(entities)) continue;
    const ips = entities.filter((e) => e && e.Type === 'ip').map((e) => str(e.Address));
    const accounts = entities.filter((e) => e && e.Type === 'account').map((e) => str(e.AadUserId));
    const t = (a.TimeGenerated as Date).getTime();
    const day = Math.floor(t / DAY_MS);
    for (const ip of ips) {
      if (ip === '') continue;
      for (const acct of accounts) {
        const key = JSON.stringify([a.AlertName, a.ProductName, sev, ip, a.Tactics, a.Techniques, a.ProviderName, day, acct]);
        if (!groups.has(key)) groups.set(key, { ip, account: acct });
      }
    }
  }

  // GCP side: count filtered rows per caller IP.
  const gcpByIp = new Map<string, number>();
  let gcpRows = 0;
  for (const g of data.GCPAuditLogs) {
    if (g.ServiceName !== 'compute.googleapis.com' || !(g.MethodName as string).toLowerCase().endsWith('instances.insert')) continue;
    const upn = str((g.AuthenticationInfo as Record<string, unknown> | null)?.principalEmail);
    const md = g.RequestMetadata as Record<string, unknown> | null;
    const ip = str(md?.callerIp);
    const op = str((g.Response as Record<string, unknown> | null)?.operationType);
    if (has(upn, 'gserviceaccount.com')) continue;
    if (op !== 'insert' || ip === '' || ip === 'private') continue;
    gcpRows++;
    gcpByIp.set(ip, (gcpByIp.get(ip) ?? 0) + 1);
  }

  // Identity side: distinct (AccountObjectId, AccountUPN, JobTitle), counted per AccountObjectId.
  const tuples = new Set<string>();
  const idCount = new Map<string, number>();
  for (const r of data.IdentityInfo) {
    const k = JSON.stringify([r.AccountObjectId, r.AccountUPN, r.JobTitle]);
    if (tuples.has(k)) continue;
    tuples.add(k);
    const id = str(r.AccountObjectId);
    idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }

  let outputRows = 0;
  for (const { ip, account } of groups.values()) {
    outputRows += (gcpByIp.get(ip) ?? 0) * (idCount.get(account) ?? 0);
  }
  return { outputRows, alertGroups: groups.size, gcpRows, identityTuples: tuples.size };
}
