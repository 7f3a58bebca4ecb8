/**
 * The real-rules suite of the benchmark (`npm run bench:rules`): eight Sentinel
 * analytics rules, their query text copied unchanged into <name>.kql next to
 * this file (sources in README.md), and for each the tables it reads, the
 * share of the input rows each table gets, the time span of the data (the
 * rule's queryPeriod) and value hints.
 *
 * Rows come from the schema-driven generator (scripts/corpus-data.ts); a hint
 * then rewrites some of a row's values so that the rule's filters keep a
 * realistic fraction of the rows and the rule returns rows (thresholds met,
 * joins matching, a spike for the time-series rule). Hints draw from their own
 * seeded random source, so the data is the same on every run.
 */

export interface HintContext {
  /** Seeded random number in [0, 1). */
  rng: () => number;
  /** The run's `now`, epoch ms. */
  now: number;
  /** Rows span [now - periodMs, now]. */
  periodMs: number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
  /** Integer in [lo, hi]. */
  int: (lo: number, hi: number) => number;
}

/** Rewrites some values of one generated row (in place). */
export type RowHint = (row: Record<string, unknown>, ctx: HintContext) => void;

export interface BenchRuleSpec {
  /** File name (without .kql) and the suite's name for the rule. */
  name: string;
  /** Rule id in the corpus (and in Azure-Sentinel). */
  id: string;
  title: string;
  /** What the rule exercises. */
  covers: string;
  /** Table -> share of the input rows (shares sum to 1). */
  tables: Record<string, number>;
  /** Time span of the generated rows (the rule's queryPeriod). */
  periodMs: number;
  hints: Record<string, RowHint>;
}

/** The clock of every rules-suite run; mid-day, so startofday(now()) and now() differ. */
export const RULES_NOW = new Date('2024-06-01T12:00:00Z');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const ipv4 = (first: number, i: number) => `${first}.${(i >>> 8) & 255}.${i & 255}.${(i * 37) % 250 + 1}`;
const guidFor = (prefix: string, i: number) => `${prefix}${i.toString(16).padStart(8, '0')}-0000-4000-8000-${(i * 7919).toString(16).padStart(12, '0').slice(-12)}`;

const FIRST = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar', 'peggy', 'rupert', 'sybil', 'trent'];
const users = (n: number, domain = 'contoso.com') => range(n, (i) => `${FIRST[i % FIRST.length]}${i}@${domain}`);
const HOSTS = range(60, (i) => `WS-${String(i).padStart(4, '0')}`);

// --- base64-process-cmdlines ----------------------------------------------------
const MZ_BASE64 = range(12, (i) => `powershell.exe -NoProfile -EncodedCommand TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA4fug4AtAnNIbgBTM0hVGhpcyBwcm9ncmFt${i}`);
const PLAIN_COMMANDS = [
  'cmd.exe /c whoami /all', 'svchost.exe -k netsvcs -p', 'C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1',
  'powershell.exe -ExecutionPolicy Bypass -File C:\\scripts\\inventory.ps1', 'rundll32.exe shell32.dll,Control_RunDLL', 'net use \\\\fs01\\share',
  '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=renderer', 'taskhostw.exe', 'msiexec.exe /i C:\\temp\\agent.msi /qn',
];
const WIN_USERS = range(40, (i) => `${FIRST[i % FIRST.length]}${i}`);
const PROCESS_PATHS = ['C:\\Windows\\System32\\cmd.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'C:\\Windows\\System32\\rundll32.exe', 'C:\\Windows\\explorer.exe'];
const baseName = (p: string) => p.slice(p.lastIndexOf('\\') + 1);

function processCreation(ctx: HintContext): { command: string; user: string; parent: string; process: string } {
  return {
    command: ctx.chance(0.04) ? ctx.pick(MZ_BASE64) : ctx.pick(PLAIN_COMMANDS),
    user: ctx.pick(WIN_USERS),
    parent: ctx.pick(PROCESS_PATHS),
    process: ctx.pick(PROCESS_PATHS),
  };
}

// --- disabled-account-signins ---------------------------------------------------
const DISABLED_TEXT = 'User account is disabled. The account has been disabled by an administrator.';
const SIGNIN_USERS = users(400);
const DISABLED_USERS = SIGNIN_USERS.slice(0, 40);
const SIGNIN_IPS = range(300, (i) => ipv4(i % 2 ? 52 : 20, i));
const APPS = ['Azure Portal', 'Office 365 Exchange Online', 'Microsoft Teams', 'Azure CLI', 'Graph Explorer', 'SharePoint Online', 'Outlook Mobile', 'Power BI'];
const signinHint: RowHint = (row, ctx) => {
  row.AppDisplayName = ctx.pick(APPS);
  if (ctx.chance(0.05)) {
    row.ResultType = '50057';
    row.ResultDescription = DISABLED_TEXT;
    row.UserPrincipalName = ctx.pick(DISABLED_USERS);
    row.IPAddress = ctx.pick(SIGNIN_IPS.slice(0, 30));
  } else {
    row.UserPrincipalName = ctx.pick(SIGNIN_USERS);
    row.IPAddress = ctx.pick(SIGNIN_IPS);
  }
};

// --- asset-stopped-logging -------------------------------------------------------
const SUBSCRIPTION = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const RESOURCES = 2000;
const STOPPED = 100; // resources 0..99 last reported more than a day ago
const resourceId = (i: number) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-${i % 20}/providers/Microsoft.Compute/virtualMachines/vm-${i}`;

// --- process-execution-anomaly ------------------------------------------------------
const WATCHED = ['powershell.exe', 'cmd.exe', 'wmic.exe', 'psexec.exe', 'cacls.exe', 'rundll32.exe'];
const OTHER_PROCESSES = ['svchost.exe', 'explorer.exe', 'chrome.exe', 'taskhostw.exe', 'conhost.exe', 'msedge.exe'];
const ACCOUNTS = WIN_USERS.map((u) => `CONTOSO\\${u}`);

// --- rare-reverse-dns ---------------------------------------------------------------
const DNS_CLIENTS = range(500, (i) => ipv4(10, i));
const RARE_CLIENTS = range(10, (i) => ipv4(172, i));
const DOMAINS = ['login.microsoftonline.com', 'www.contoso.com', 'updates.example.net', 'cdn.fabrikam.com', 'graph.microsoft.com', 'time.windows.com'];

// --- bulk-privileged-role-changes --------------------------------------------------
const ROLE_TARGETS = users(200);
const ROLES = ['Global Administrator', 'Exchange Administrator', 'User Administrator', 'Helpdesk Administrator', 'Security Reader', 'Reports Reader'];

// --- ssh-brute-force ------------------------------------------------------------------
const SSH_USERS = ['admin', 'root', 'test', 'oracle', 'ubuntu', 'pi', 'postgres', 'git', 'ftpuser', 'guest', 'user', 'deploy', 'jenkins', 'hadoop', 'nagios'];
const SSH_ATTACKERS = range(40, (i) => ipv4(185, i));

// --- webp-cve-union ---------------------------------------------------------------------
const DEVICES = range(2000, (i) => guidFor('de', i));
const CVES = ['CVE-2023-4863', 'CVE-2023-36884', 'CVE-2023-23397', 'CVE-2022-30190', 'CVE-2023-21716', 'CVE-2021-44228', 'CVE-2023-24880', 'CVE-2023-28252'];
const WEBP_INITIATING = '"chrome.exe" --type=renderer --lang=en-US C:\\Users\\alice\\Downloads\\holiday.webp';
const WEBP_PROCESS = 'mspaint.exe C:\\Users\\bob\\Pictures\\scan0042.webp';
const OTHER_COMMANDS = ['"chrome.exe" --type=gpu-process', 'svchost.exe -k netsvcs -p', 'powershell.exe -NoProfile', 'explorer.exe', '"msedge.exe" --single-argument https://contoso.com'];
const deviceHint: RowHint = (row, ctx) => {
  row.DeviceId = ctx.pick(DEVICES);
  row.InitiatingProcessCommandLine = ctx.chance(0.02) ? WEBP_INITIATING : ctx.pick(OTHER_COMMANDS);
  if ('ProcessCommandLine' in row) row.ProcessCommandLine = ctx.chance(0.005) ? WEBP_PROCESS : ctx.pick(OTHER_COMMANDS);
};

export const BENCH_RULES: BenchRuleSpec[] = [
  {
    name: 'base64-process-cmdlines',
    id: 'ca67c83e-7fff-4127-a3e3-1af66d6d4cad',
    title: 'Base64 encoded Windows process command-lines',
    covers: 'has / contains filters, union of two tables, summarize min/max/count by 6 keys, let function',
    tables: { SecurityEvent: 0.5, WindowsEvent: 0.5 },
    periodMs: DAY,
    hints: {
      SecurityEvent: (row, ctx) => {
        row.Computer = ctx.pick(HOSTS);
        if (!ctx.chance(0.4)) return;
        const p = processCreation(ctx);
        row.EventID = 4688;
        row.CommandLine = p.command;
        row.SubjectUserName = p.user;
        row.SubjectDomainName = 'CONTOSO';
        row.Process = baseName(p.process);
        row.NewProcessName = p.process;
        row.ParentProcessName = p.parent;
      },
      WindowsEvent: (row, ctx) => {
        row.Computer = ctx.pick(HOSTS);
        if (!ctx.chance(0.4)) return;
        const p = processCreation(ctx);
        row.EventID = 4688;
        row.EventData = { SubjectUserName: p.user, SubjectDomainName: 'CONTOSO', NewProcessName: p.process, CommandLine: p.command, ParentProcessName: p.parent, TokenElevationType: '%%1936' };
      },
    },
  },
  {
    name: 'disabled-account-signins',
    id: '75ea5c39-93e5-489b-b1e1-68fa6c9d2d04',
    title: 'Attempts to sign in to disabled accounts',
    covers: 'summarize dcount / make_set / count by 3 keys, let function over table(name), union',
    tables: { SigninLogs: 0.5, AADNonInteractiveUserSignInLogs: 0.5 },
    periodMs: DAY,
    hints: { SigninLogs: signinHint, AADNonInteractiveUserSignInLogs: signinHint },
  },
  {
    name: 'asset-stopped-logging',
    id: '4be5b645-1d08-49e4-b58d-07294ff19223',
    title: 'M2131_AssetStoppedLogging',
    covers: 'summarize arg_max(TimeGenerated, *) and max by ResourceId, inner join, datetime_diff, sort',
    tables: { Heartbeat: 1 },
    periodMs: 14 * DAY,
    hints: {
      Heartbeat: (row, ctx) => {
        const r = ctx.int(0, RESOURCES - 1);
        row.ResourceId = ctx.chance(0.01) ? ctx.pick(['', 'None']) : resourceId(r);
        row.Computer = `vm-${r}`;
        row.ComputerIP = ipv4(10, r);
        row.SubscriptionId = SUBSCRIPTION;
        row.ResourceGroup = `rg-${r % 20}`;
        row.OSType = r % 3 ? 'Windows' : 'Linux';
        row.OSName = r % 3 ? 'Windows Server 2022 Datacenter' : 'Ubuntu 22.04 LTS';
        row.Category = 'Azure Monitor Agent';
        row.RemoteIPCountry = ctx.pick(['United States', 'Germany', 'Japan']);
        if (r < STOPPED) row.TimeGenerated = new Date(ctx.now - 2 * DAY - Math.floor(ctx.rng() * 12 * DAY));
      },
    },
  },
  {
    name: 'process-execution-anomaly',
    id: '2c55fe7a-b06f-4029-a5b9-c54a2320d7b8',
    title: 'Process Execution Frequency Anomaly',
    covers: 'make-series (hourly, by process), series_decompose_anomalies, mv-expand of series, materialize, in~, join',
    tables: { SecurityEvent: 1 },
    periodMs: 14 * DAY,
    hints: {
      SecurityEvent: (row, ctx) => {
        row.Computer = ctx.pick(HOSTS);
        row.Account = ctx.pick(ACCOUNTS);
        row.AccountType = ctx.chance(0.9) ? 'User' : 'Machine';
        if (ctx.chance(0.003)) {
          // A burst of rundll32 starts in one evening hour, a day and a half before now.
          const hour = Math.floor(ctx.now / DAY) * DAY - DAY - 4 * HOUR;
          row.TimeGenerated = new Date(hour + Math.floor(ctx.rng() * HOUR));
          row.EventID = 4688;
          row.Process = 'rundll32.exe';
          row.CommandLine = 'rundll32.exe C:\\Users\\Public\\update.dll,DllRegisterServer';
          return;
        }
        if (!ctx.chance(0.4)) return;
        row.EventID = 4688;
        const process = ctx.chance(0.3) ? ctx.pick(WATCHED) : ctx.pick(OTHER_PROCESSES);
        row.Process = ctx.chance(0.1) ? process.toUpperCase() : process;
        row.CommandLine = `${process} ${ctx.pick(['', '/c dir', '-NoProfile', '/s', '--type=renderer'])}`.trim();
      },
    },
  },
  {
    name: 'rare-reverse-dns',
    id: '15ae38a2-2e29-48f7-883f-863fb25a5a06',
    title: 'Rare client observed with high reverse DNS lookup count',
    covers: 'contains filter, summarize dcount, leftanti join against a baseline, bin',
    tables: { DnsEvents: 1 },
    periodMs: 8 * DAY,
    hints: {
      DnsEvents: (row, ctx) => {
        const reverse = () => `${ctx.int(1, 254)}.${ctx.int(0, 15)}.${ctx.int(0, 15)}.10.in-addr.arpa`;
        if (ctx.chance(0.02)) {
          // Clients seen only in the last day, doing many reverse lookups.
          row.ClientIP = ctx.pick(RARE_CLIENTS);
          row.Name = reverse();
          row.TimeGenerated = new Date(ctx.now - Math.floor(ctx.rng() * DAY));
          return;
        }
        row.ClientIP = ctx.pick(DNS_CLIENTS);
        row.Name = ctx.chance(0.3) ? reverse() : ctx.pick(DOMAINS);
      },
    },
  },
  {
    name: 'bulk-privileged-role-changes',
    id: '218f60de-c269-457a-b882-9966632b9dc6',
    title: 'Bulk Changes to Privileged Account Permissions',
    covers: 'mv-expand of nested arrays (twice, both sides), has_any, =~, contains, dcount, rightsemi join',
    tables: { AuditLogs: 1 },
    periodMs: 2 * HOUR,
    hints: {
      AuditLogs: (row, ctx) => {
        if (!ctx.chance(0.15)) return;
        row.Category = ctx.pick(['RoleManagement', 'RoleManagement', 'rolemanagement']);
        row.ActivityDisplayName = ctx.pick(['Add member to role', 'Add eligible member to role', 'Remove member from role', 'Update role setting in PIM']);
        const role = ctx.pick(ROLES);
        row.TargetResources = [
          {
            id: guidFor('7a', ctx.int(0, 199)),
            type: 'User',
            userPrincipalName: ctx.pick(ROLE_TARGETS),
            modifiedProperties: [
              { displayName: 'Role.ObjectID', oldValue: '""', newValue: `"${guidFor('0b', ROLES.indexOf(role))}"` },
              { displayName: 'Role.DisplayName', oldValue: '""', newValue: JSON.stringify(role) },
              { displayName: 'Role.WellKnownObjectName', oldValue: '""', newValue: JSON.stringify(role.replace(/ /g, '')) },
            ],
          },
          { id: guidFor('0b', ROLES.indexOf(role)), type: 'Role', displayName: role, modifiedProperties: [] },
        ];
      },
    },
  },
  {
    name: 'ssh-brute-force',
    id: 'e1ce0eab-10d1-4aae-863f-9a383345ba88',
    title: 'SSH - Potential Brute Force',
    covers: 'parse kind=relaxed, contains, =~, make_list, mvexpand, makeset, summarize by bin',
    tables: { Syslog: 1 },
    periodMs: DAY,
    hints: {
      Syslog: (row, ctx) => {
        const r = ctx.rng();
        if (r < 0.25) {
          row.ProcessName = 'sshd';
          // Each attacker tries a few user names.
          const attacker = ctx.int(0, SSH_ATTACKERS.length - 1);
          const user = SSH_USERS[(attacker + ctx.int(0, 2)) % SSH_USERS.length];
          row.SyslogMessage = `Failed password for invalid user ${user} from ${SSH_ATTACKERS[attacker]} port ${ctx.int(30000, 65000)} ssh2`;
        } else if (r < 0.35) {
          row.ProcessName = 'sshd';
          row.SyslogMessage = `Accepted publickey for ${ctx.pick(WIN_USERS)} from ${ipv4(10, ctx.int(0, 255))} port ${ctx.int(30000, 65000)} ssh2`;
        } else if (r < 0.5) {
          row.ProcessName = ctx.pick(['CRON', 'systemd', 'sudo', 'kernel']);
          row.SyslogMessage = ctx.pick(['pam_unix(cron:session): session opened for user root', 'Started Daily apt upgrade and clean activities.', 'eth0: link up']);
        }
      },
    },
  },
  {
    name: 'webp-cve-union',
    id: '26e81021-2de6-4442-a74a-a77885e96911',
    title: 'Execution of software vulnerable to webp buffer overflow of CVE-2023-4863',
    covers: 'union of three tables, in (subquery), has, distinct',
    tables: { DeviceTvmSoftwareVulnerabilities: 0.1, DeviceProcessEvents: 0.3, DeviceNetworkEvents: 0.3, DeviceEvents: 0.3 },
    periodMs: HOUR,
    hints: {
      DeviceTvmSoftwareVulnerabilities: (row, ctx) => {
        row.DeviceId = ctx.pick(DEVICES);
        row.CveId = ctx.chance(0.05) ? CVES[0] : ctx.pick(CVES);
      },
      DeviceProcessEvents: deviceHint,
      DeviceNetworkEvents: deviceHint,
      DeviceEvents: deviceHint,
    },
  },
];
