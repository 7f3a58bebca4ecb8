/**
 * Deterministic benchmark data for the seed rule (queries/suspicious-vm-creation):
 * SecurityAlert, GCPAuditLogs and IdentityInfo rows shaped like Sentinel's.
 *
 * Everything comes from one seeded PRNG (mulberry32); the same (alerts, seed)
 * always gives the same rows. Math.random is never used.
 *
 * Sizes, as ratios of the alert count A (1M alerts -> 1M GCP rows, 50k identities):
 *   GCPAuditLogs rows  = A * GCP_PER_ALERT       (1.0)
 *   IdentityInfo rows  = A * IDENTITY_PER_ALERT  (0.05)
 * Pools, also proportional to A, so the join fan-out per key stays the same at
 * every size and the output grows linearly:
 *   alert IPs   = A * 0.5       distinct IPs seen in alert entities
 *   GCP IPs     = 15% of GCP rows call from an alert IP, the rest from a disjoint pool
 *   users       = identities / 1.25 distinct AccountObjectIds in IdentityInfo
 *                 (25% of identity rows are repeats, a third of them with a changed
 *                 JobTitle, so `distinct` keeps some duplicates); alerts pick users
 *                 from a pool 1.2x larger, so ~83% of alert accounts have an identity.
 * Selectivity of the seed rule's filters (approximate):
 *   alerts: 65% in the rule's product list, 55% Medium/High; 85% carry an ip entity,
 *           80% an account entity (a few carry two IPs);
 *   GCP:    70% v1.compute.instances.insert on compute.googleapis.com, 80% human
 *           principals (20% *.gserviceaccount.com), 5% callerIp "private", 2% empty.
 */

export const BENCH_NOW = new Date('2024-06-01T00:00:00Z');
export const GCP_PER_ALERT = 1.0;
export const IDENTITY_PER_ALERT = 0.05;
const ALERT_IP_POOL_PER_ALERT = 0.5;
const GCP_SHARED_IP_RATE = 0.15;
const DAY_MS = 86_400_000;
const WINDOW_MS = 14 * DAY_MS;

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** len random lowercase hex digits (len <= 32). */
  hex(len: number): string {
    let s = '';
    while (s.length < len) {
      const x = (this.next() * 0x100000000) >>> 0;
      s += HEX[x >>> 24]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
    }
    return s.length === len ? s : s.slice(0, len);
  }
  guid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

// The rule keeps these products; the rest are filtered out.
export const RULE_PRODUCTS = [
  'Microsoft 365 Defender',
  'Azure Active Directory',
  'Microsoft Defender Advanced Threat Protection',
  'Microsoft Cloud App Security',
  'Azure Active Directory Identity Protection',
  'Microsoft Defender ATP',
] as const;
const OTHER_PRODUCTS = ['Azure Security Center', 'Microsoft Defender for Cloud', 'Azure Sentinel', 'Office 365 Advanced Threat Protection'] as const;
const PROVIDERS: Record<string, string> = {
  'Microsoft 365 Defender': 'MTP',
  'Azure Active Directory': 'IPC',
  'Microsoft Defender Advanced Threat Protection': 'MDATP',
  'Microsoft Cloud App Security': 'MCAS',
  'Azure Active Directory Identity Protection': 'IPC',
  'Microsoft Defender ATP': 'MDATP',
  'Azure Security Center': 'Azure Security Center',
  'Microsoft Defender for Cloud': 'Azure Security Center',
  'Azure Sentinel': 'ASI Scheduled Alerts',
  'Office 365 Advanced Threat Protection': 'OATP',
};
const ALERT_NAMES = [
  'Unfamiliar sign-in properties', 'Atypical travel', 'Anonymous IP address', 'Impossible travel activity',
  'Suspicious inbox manipulation rule', 'Mass download by a single user', 'Password spray', 'Malicious IP address',
  'Suspicious PowerShell command line', 'Credential access via LSASS', 'Activity from infrequent country',
  'Leaked credentials', 'Suspicious VM creation', 'Ransomware behavior detected',
] as const;
const ALERT_TYPES: Record<string, string> = Object.fromEntries(ALERT_NAMES.map((n) => [n, n.replace(/ /g, '')]));
// Severity mix: ~55% Medium/High.
const SEVERITIES = ['Low', 'Low', 'Informational', 'Informational', 'Medium', 'Medium', 'Medium', 'High', 'High', 'Medium', 'Low'] as const;
const TACTICS = ['InitialAccess', 'CredentialAccess', 'Persistence', 'Execution', 'Collection,Exfiltration', 'DefenseEvasion', 'LateralMovement', ''] as const;
const TECHNIQUES = ['["T1078"]', '["T1110"]', '["T1098"]', '["T1059"]', '["T1530","T1567"]', '[]', ''] as const;
const STATUSES = ['New', 'New', 'InProgress', 'Resolved'] as const;
const CONFIDENCE = ['Unknown', 'Low', 'High'] as const;
const USER_FIRST = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'yolanda'] as const;
const SURNAMES = ['Smith', 'Jones', 'Garcia', 'Miller', 'Davis', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Moore'] as const;
const DOMAINS = ['contoso.com', 'fabrikam.com', 'contoso.onmicrosoft.com'] as const;
const JOB_TITLES = ['Software Engineer', 'Security Analyst', 'Accountant', 'Sales Manager', 'DevOps Engineer', 'Director', 'Intern', 'Data Scientist'] as const;
const DEPARTMENTS = ['Engineering', 'Security', 'Finance', 'Sales', 'Operations', 'Research'] as const;
const HOSTS = ['vm-web-01', 'vm-db-02', 'laptop-7731', 'desktop-0042', 'srv-dc-01', 'build-agent-3'] as const;
const PROJECTS = ['contoso-prod', 'contoso-dev', 'fabrikam-analytics', 'shared-infra'] as const;
const ZONES = ['us-central1-a', 'us-east1-b', 'europe-west1-c', 'asia-east1-a'] as const;
const MACHINE_TYPES = ['e2-medium', 'n1-standard-4', 'n2-highmem-8', 'e2-micro', 'c2-standard-16'] as const;
const USER_AGENTS = [
  'google-cloud-sdk gcloud/452.0.1 command/gcloud.compute.instances.create',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36,gzip(gfe)',
  'Terraform/1.6.2 (+https://www.terraform.io) terraform-provider-google/5.3.0',
  'python-requests/2.31.0',
] as const;
const OTHER_METHODS: ReadonlyArray<readonly [string, string, string]> = [
  // [MethodName, ServiceName, operationType]
  ['v1.compute.instances.delete', 'compute.googleapis.com', 'delete'],
  ['beta.compute.instances.insert', 'compute.googleapis.com', 'insert'],
  ['v1.compute.disks.insert', 'compute.googleapis.com', 'insert'],
  ['v1.compute.firewalls.patch', 'compute.googleapis.com', 'patch'],
  ['storage.buckets.create', 'storage.googleapis.com', ''],
  ['google.iam.admin.v1.CreateServiceAccountKey', 'iam.googleapis.com', ''],
];

const TENANT = 'f1e2d3c4-b5a6-4789-8abc-def012345678';
const SUBSCRIPTION = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export interface BenchData {
  SecurityAlert: Record<string, unknown>[];
  GCPAuditLogs: Record<string, unknown>[];
  IdentityInfo: Record<string, unknown>[];
}

export interface BenchSizes {
  alerts: number;
  gcp: number;
  identities: number;
}

export function sizesFor(alerts: number): BenchSizes {
  return {
    alerts,
    gcp: Math.round(alerts * GCP_PER_ALERT),
    identities: Math.max(10, Math.round(alerts * IDENTITY_PER_ALERT)),
  };
}

interface User {
  objectId: string;
  name: string;
  given: string;
  surname: string;
  domain: string;
  upn: string;
}

function ipFrom(n: number, firstOctet: number): string {
  return `${firstOctet}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function generateBenchData(alertCount: number, seed = 20240601): BenchData {
  const sizes = sizesFor(alertCount);
  const rng = new Rng(seed);
  const now = BENCH_NOW.getTime();

  // --- pools -------------------------------------------------------------
  const alertIpCount = Math.max(4, Math.round(alertCount * ALERT_IP_POOL_PER_ALERT));
  // Spread across the 24-bit space of first octets 20/52/104 (public-looking ranges).
  const alertIps: string[] = new Array(alertIpCount);
  for (let i = 0; i < alertIpCount; i++) alertIps[i] = ipFrom(i * 7 + 1, [20, 52, 104][i % 3]!);
  const gcpOnlyIpCount = Math.max(4, Math.round(sizes.gcp * 0.5));
  const gcpOnlyIps: string[] = new Array(gcpOnlyIpCount);
  for (let i = 0; i < gcpOnlyIpCount; i++) gcpOnlyIps[i] = ipFrom(i * 5 + 3, 35);

  const identityUsers = Math.max(8, Math.round(sizes.identities / 1.25));
  const userPool = Math.round(identityUsers * 1.2); // alerts may name users IdentityInfo lacks
  const users: User[] = new Array(userPool);
  for (let i = 0; i < userPool; i++) {
    const given = rng.pick(USER_FIRST);
    const surname = rng.pick(SURNAMES);
    const domain = rng.pick(DOMAINS);
    const name = `${given}.${surname.toLowerCase()}${i}`;
    users[i] = { objectId: rng.guid(), name, given, surname, domain, upn: `${name}@${domain}` };
  }

  // --- SecurityAlert -------------------------------------------------------
  const alerts: Record<string, unknown>[] = new Array(alertCount);
  for (let i = 0; i < alertCount; i++) {
    const product = rng.chance(0.65) ? rng.pick(RULE_PRODUCTS) : rng.pick(OTHER_PRODUCTS);
    const severity = rng.pick(SEVERITIES);
    const alertName = rng.pick(ALERT_NAMES);
    const t = now - rng.int(WINDOW_MS);
    const time = new Date(t);
    const systemAlertId = rng.guid();
    const host = rng.pick(HOSTS);

    // Entities, in Sentinel's $id style.
    const parts: string[] = [];
    let id = 2;
    let compromised: string = host;
    if (rng.chance(0.85)) {
      parts.push(`{"$id":"${id++}","Address":"${rng.pick(alertIps)}","Type":"ip"}`);
      if (rng.chance(0.05)) parts.push(`{"$id":"${id++}","Address":"${rng.pick(alertIps)}","Type":"ip"}`);
    }
    if (rng.chance(0.8)) {
      const u = users[rng.int(userPool)]!;
      parts.push(`{"$id":"${id++}","Name":"${u.name}","UPNSuffix":"${u.domain}","AadUserId":"${u.objectId}","Type":"account"}`);
      compromised = u.upn;
    }
    if (rng.chance(0.6)) parts.push(`{"$id":"${id++}","HostName":"${host}","OSFamily":"Windows","Type":"host"}`);
    if (rng.chance(0.1)) parts.push(`{"$id":"${id++}","Url":"https://login.example.net/${rng.hex(6)}","Type":"url"}`);
    const entities = `[${parts.join(',')}]`;

    alerts[i] = {
      TenantId: TENANT,
      TimeGenerated: time,
      DisplayName: alertName,
      AlertName: alertName,
      AlertSeverity: severity,
      Description: `${alertName} was detected for ${compromised}.`,
      ProviderName: PROVIDERS[product],
      VendorName: 'Microsoft',
      VendorOriginalId: rng.hex(16),
      SystemAlertId: systemAlertId,
      ResourceId: '',
      SourceComputerId: '',
      AlertType: ALERT_TYPES[alertName],
      ConfidenceLevel: rng.pick(CONFIDENCE),
      ConfidenceScore: rng.chance(0.5) ? null : Math.round(rng.next() * 100) / 100,
      IsIncident: false,
      StartTime: new Date(t - rng.int(3_600_000)),
      EndTime: time,
      ProcessingEndTime: new Date(t + rng.int(600_000)),
      RemediationSteps: '["Review the activity.","Reset credentials if needed."]',
      ExtendedProperties: `{"Detection Id":"${rng.hex(8)}","Alert generation status":"Full alert created"}`,
      Entities: entities,
      SourceSystem: 'Detection',
      WorkspaceSubscriptionId: SUBSCRIPTION,
      WorkspaceResourceGroup: 'soc-rg',
      ExtendedLinks: '',
      ProductName: product,
      ProductComponentName: '',
      AlertLink: `https://security.microsoft.com/alerts/${systemAlertId}`,
      Status: rng.pick(STATUSES),
      CompromisedEntity: compromised,
      Tactics: rng.pick(TACTICS),
      _BilledSize: 1000 + rng.int(4000),
      _IsBillable: 'True',
      SubTechniques: '',
      Techniques: rng.pick(TECHNIQUES),
      Type: 'SecurityAlert',
    };
  }

  // --- GCPAuditLogs --------------------------------------------------------
  const gcp: Record<string, unknown>[] = new Array(sizes.gcp);
  for (let i = 0; i < sizes.gcp; i++) {
    const t = now - rng.int(WINDOW_MS);
    const project = rng.pick(PROJECTS);
    const zone = rng.pick(ZONES);
    let method = 'v1.compute.instances.insert';
    let service = 'compute.googleapis.com';
    let opType = 'insert';
    if (!rng.chance(0.7)) [method, service, opType] = rng.pick(OTHER_METHODS);
    const human = rng.chance(0.8);
    const principal = human
      ? users[rng.int(userPool)]!.upn
      : `svc-${rng.int(50)}@${project}.iam.gserviceaccount.com`;
    const r = rng.next();
    const callerIp = r < 0.05 ? 'private' : r < 0.07 ? '' : rng.chance(GCP_SHARED_IP_RATE) ? rng.pick(alertIps) : rng.pick(gcpOnlyIps);
    const vmName = `instance-${rng.hex(6)}`;
    const machineType = `projects/${project}/zones/${zone}/machineTypes/${rng.pick(MACHINE_TYPES)}`;
    const resourceName = `projects/${project}/zones/${zone}/instances/${vmName}`;
    gcp[i] = {
      AuthenticationInfo: { principalEmail: principal },
      AuthorizationInfo: [{ granted: true, permission: 'compute.instances.create', resourceAttributes: { name: resourceName, service: 'compute', type: 'compute.instances' } }],
      _BilledSize: 2000 + rng.int(3000),
      GCPResourceName: resourceName,
      GCPResourceType: 'gce_instance',
      InsertId: rng.hex(12),
      _IsBillable: 'True',
      LogName: `projects/${project}/logs/cloudaudit.googleapis.com%2Factivity`,
      MethodName: method,
      PrincipalEmail: principal,
      ProjectId: project,
      Request: {
        '@type': 'type.googleapis.com/compute.instances.insert',
        name: vmName,
        machineType,
        canIpForward: false,
        disks: [{ autoDelete: true, boot: true, initializeParams: { diskSizeGb: '10', sourceImage: 'projects/debian-cloud/global/images/family/debian-12' } }],
        networkInterfaces: [{ network: `projects/${project}/global/networks/default` }],
      },
      RequestMetadata: { callerIp, callerSuppliedUserAgent: rng.pick(USER_AGENTS), requestAttributes: {}, destinationAttributes: {} },
      ResourceLocation: { currentLocations: [zone] },
      Response: {
        '@type': 'type.googleapis.com/operation',
        id: String(1_000_000_000 + rng.int(1_000_000_000)),
        name: `operation-${t}-${rng.hex(8)}`,
        operationType: opType,
        progress: '0',
        status: rng.chance(0.9) ? 'RUNNING' : 'PENDING',
        targetLink: `https://www.googleapis.com/compute/v1/${resourceName}`,
        user: principal,
        zone: `https://www.googleapis.com/compute/v1/projects/${project}/zones/${zone}`,
      },
      ServiceName: service,
      Severity: rng.chance(0.95) ? 'NOTICE' : 'ERROR',
      SourceSystem: 'RestAPI',
      Status: null,
      StatusMessage: '',
      Subscription: `projects/${project}/subscriptions/sentinel-audit`,
      TenantId: TENANT,
      TimeGenerated: new Date(t),
      Timestamp: new Date(t - rng.int(5_000)),
      Type: 'GCPAuditLogs',
    };
  }

  // --- IdentityInfo ----------------------------------------------------------
  const identities: Record<string, unknown>[] = new Array(sizes.identities);
  for (let i = 0; i < sizes.identities; i++) {
    // First identityUsers rows: one per user; the rest repeat earlier users.
    const repeat = i >= identityUsers;
    const u = users[repeat ? rng.int(identityUsers) : i]!;
    const title = repeat && rng.chance(1 / 3) ? rng.pick(JOB_TITLES) : JOB_TITLES[(u.name.length + u.surname.length) % JOB_TITLES.length]!;
    identities[i] = {
      TimeGenerated: new Date(now - rng.int(WINDOW_MS)),
      AccountName: u.name,
      AccountDomain: u.domain,
      AccountUPN: u.upn,
      AccountSID: `S-1-5-21-${1000 + (i % 9000)}-${rng.int(1e9)}`,
      AccountObjectId: u.objectId,
      AccountTenantId: TENANT,
      GivenName: u.given,
      Surname: u.surname,
      Tags: '[]',
      AccountCreationTime: new Date(now - 400 * DAY_MS - rng.int(1000 * DAY_MS)),
      InvestigationPriority: rng.int(10),
      RiskLevel: rng.pick(['None', 'Low', 'Medium', 'High']),
      GroupMembership: ['All Users', rng.pick(DEPARTMENTS)],
      AssignedRoles: rng.chance(0.05) ? ['Global Administrator'] : [],
      Department: rng.pick(DEPARTMENTS),
      JobTitle: title,
      MailAddress: u.upn,
      City: rng.pick(['Seattle', 'London', 'Berlin', 'Tokyo']),
      Country: rng.pick(['US', 'GB', 'DE', 'JP']),
      IsAccountEnabled: rng.chance(0.95),
      UserType: 'Member',
      SourceSystem: 'AAD',
      Type: 'IdentityInfo',
      AccountDisplayName: `${u.given} ${u.surname}`,
      IsServiceAccount: false,
      TenantId: TENANT,
    };
  }

  return { SecurityAlert: alerts, GCPAuditLogs: gcp, IdentityInfo: identities };
}

/** Parses "10k", "100k", "1M", "2500" into a row count. */
export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`bad size ${JSON.stringify(s)} (use e.g. 10k, 100k, 1M)`);
  const n = Number(m[1]);
  const mult = m[2]!.toLowerCase() === 'k' ? 1e3 : m[2]!.toLowerCase() === 'm' ? 1e6 : 1;
  return Math.round(n * mult);
}
