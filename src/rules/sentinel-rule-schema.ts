/**
 * What Sentinel accepts in a scheduled or NRT analytics rule, as data: field limits, tactics, entity types
 * and their identifiers. Taken from Sentinel's ARM rules for alertRules and the template checks of the
 * Azure-Sentinel repository's CI (.script/tests/detectionTemplateSchemaValidation). Browser-safe.
 */

/** Sentinel's limits on a rule's fields. */
export const RULE_LIMITS = {
  nameLength: 256,
  descriptionLength: 5000,
  queryLength: 10_000,
  versionLength: 20,
  /** queryFrequency and queryPeriod: 5 minutes to 14 days. */
  minDurationMs: 5 * 60_000,
  maxDurationMs: 14 * 86_400_000,
  /** With a queryPeriod of 2 days or more, queryFrequency must be 1 hour or more. */
  longPeriodMs: 2 * 86_400_000,
  longPeriodMinFrequencyMs: 3_600_000,
  maxTriggerThreshold: 10_000,
  maxEntityMappings: 10,
  maxFieldMappings: 3,
  maxCustomDetails: 20,
  customDetailKeyLength: 20,
  columnNameLength: 500,
  maxPlaceholders: 3,
  displayNameFormatLength: 256,
  descriptionFormatLength: 5000,
} as const;

/** Rule kinds with a query, and the fields each requires (besides `query`). */
export const REQUIRED_FIELDS: Record<string, readonly string[]> = {
  scheduled: ['id', 'kind', 'name', 'description', 'severity', 'requiredDataConnectors', 'queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold'],
  nrt: ['id', 'kind', 'name', 'description', 'severity', 'requiredDataConnectors'],
};

/** The canonical spelling of each kind, by lower case. */
export const RULE_KINDS: Record<string, string> = { scheduled: 'Scheduled', nrt: 'NRT' };

export const SEVERITIES = ['Informational', 'Low', 'Medium', 'High'] as const;

/** MITRE ATT&CK tactics Sentinel accepts (enterprise and ICS, and the older PreAttack). */
export const TACTICS = [
  'Reconnaissance',
  'ResourceDevelopment',
  'InitialAccess',
  'Execution',
  'Persistence',
  'PrivilegeEscalation',
  'DefenseEvasion',
  'CredentialAccess',
  'Discovery',
  'LateralMovement',
  'Collection',
  'Exfiltration',
  'CommandAndControl',
  'Impact',
  'ImpairProcessControl',
  'InhibitResponseFunction',
  'PreAttack',
] as const;

/** `T1234` or the sub-technique `T1234.001`. */
export const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

export const AGGREGATION_KINDS = ['SingleAlert', 'AlertPerResult'] as const;

export interface EntityIdentifiers {
  identifiers: readonly string[];
  /** A mapping must use every identifier of at least one of these sets. */
  requiredSets: readonly (readonly string[])[];
}

const entity = (identifiers: string[], requiredSets: string[][]): EntityIdentifiers => ({ identifiers, requiredSets });

/** Entity types and their identifiers (case-sensitive), by entity type. */
export const ENTITY_TYPES: Record<string, EntityIdentifiers> = {
  Account: entity(
    ['Name', 'FullName', 'NTDomain', 'DnsDomain', 'UPNSuffix', 'Sid', 'AadTenantId', 'AadUserId', 'PUID', 'IsDomainJoined', 'DisplayName', 'ObjectGuid'],
    [['FullName'], ['Sid'], ['Name'], ['AadUserId'], ['PUID'], ['ObjectGuid']],
  ),
  AzureResource: entity(['ResourceId'], [['ResourceId']]),
  CloudApplication: entity(['AppId', 'Name', 'InstanceName'], [['AppId'], ['Name']]),
  DNS: entity(['DomainName'], [['DomainName']]),
  File: entity(['Directory', 'Name'], [['Name']]),
  FileHash: entity(['Algorithm', 'Value'], [['Algorithm', 'Value']]),
  Host: entity(
    ['DnsDomain', 'NTDomain', 'HostName', 'FullName', 'NetBiosName', 'AzureID', 'OMSAgentID', 'OSFamily', 'OSVersion', 'IsDomainJoined'],
    [['FullName'], ['HostName'], ['NetBiosName'], ['AzureID'], ['OMSAgentID']],
  ),
  IoTDevice: entity(
    ['DeviceId', 'DeviceName', 'Manufacturer', 'Model', 'FirmwareVersion', 'OperatingSystem', 'MacAddress', 'Protocols', 'SerialNumber', 'Source', 'IoTSecurityAgentId', 'DeviceType'],
    [['DeviceId']],
  ),
  IP: entity(['Address'], [['Address']]),
  Mailbox: entity(['MailboxPrimaryAddress', 'DisplayName', 'Upn', 'ExternalDirectoryObjectId', 'RiskLevel'], [['MailboxPrimaryAddress']]),
  MailCluster: entity(
    ['NetworkMessageIds', 'CountByDeliveryStatus', 'CountByThreatType', 'CountByProtectionStatus', 'Threats', 'Query', 'QueryTime', 'MailCount', 'IsVolumeAnomaly', 'Source', 'ClusterSourceIdentifier', 'ClusterSourceType', 'ClusterQueryStartTime', 'ClusterQueryEndTime', 'ClusterGroup'],
    [['Query'], ['Source']],
  ),
  MailMessage: entity(
    ['Recipient', 'Urls', 'Threats', 'Sender', 'P1Sender', 'P1SenderDisplayName', 'P1SenderDomain', 'SenderIP', 'P2Sender', 'P2SenderDisplayName', 'P2SenderDomain', 'ReceivedDate', 'NetworkMessageId', 'InternetMessageId', 'Subject', 'BodyFingerprintBin1', 'BodyFingerprintBin2', 'BodyFingerprintBin3', 'BodyFingerprintBin4', 'BodyFingerprintBin5', 'AntispamDirection', 'DeliveryAction', 'DeliveryLocation', 'Language', 'ThreatDetectionMethods'],
    [['NetworkMessageId'], ['Recipient']],
  ),
  Malware: entity(['Name', 'Category'], [['Name']]),
  Process: entity(['ProcessId', 'CommandLine', 'ElevationToken', 'CreationTimeUtc'], [['CommandLine'], ['ProcessId']]),
  RegistryKey: entity(['Hive', 'Key'], [['Key'], ['Hive']]),
  RegistryValue: entity(['Name', 'Value', 'ValueType'], [['Name']]),
  SecurityGroup: entity(['DistinguishedName', 'SID', 'ObjectGuid'], [['DistinguishedName'], ['SID'], ['ObjectGuid']]),
  SubmissionMail: entity(
    ['NetworkMessageId', 'Timestamp', 'Recipient', 'Sender', 'SenderIp', 'Subject', 'ReportType', 'SubmissionId', 'SubmissionDate', 'Submitter'],
    [['SubmissionId'], ['NetworkMessageId'], ['Recipient'], ['Submitter']],
  ),
  URL: entity(['Url'], [['Url']]),
};

/** A column name Log Analytics accepts: a letter or underscore, then letters, digits and underscores. */
export const COLUMN_NAME = /^[A-Za-z_]\w*$/;
/** A customDetails key: a letter, then letters, digits and underscores. */
export const CUSTOM_DETAIL_KEY = /^[A-Za-z]\w*$/;
/** `X.Y.Z`, all numbers. */
export const TEMPLATE_VERSION = /^\d+\.\d+\.\d+$/;
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
