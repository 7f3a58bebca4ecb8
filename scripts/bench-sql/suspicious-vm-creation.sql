-- The seed rule (queries/suspicious-vm-creation/rule.kql) as DuckDB SQL, for
-- `npm run bench` (scripts/bench-duckdb.ts loads the tables). Same result
-- columns, names and values as the KQL; dynamic columns come out as JSON text.
-- Kusto details kept: `has` matches whole terms ignoring case (a regex with
-- non-alphanumeric boundaries), `endswith` ignores case, `==` and `in` do not;
-- tostring() of a missing property is ''; mv-apply keeps one row per
-- (ip entity, account entity) pair of an alert; both joins are inner joins
-- (every matching pair); datetime_diff('day', a, b) counts day boundaries.
WITH alerts AS (
  SELECT rowid AS alert_row, AlertName, ProductName, AlertSeverity, Tactics, Techniques, ProviderName,
         SystemAlertId, date_trunc('day', TimeGenerated) AS AlertTime,
         CAST(Entities AS JSON[]) AS entity_list
  FROM SecurityAlert
  WHERE ProductName IN ('Microsoft 365 Defender', 'Azure Active Directory', 'Microsoft Defender Advanced Threat Protection',
                        'Microsoft Cloud App Security', 'Azure Active Directory Identity Protection', 'Microsoft Defender ATP')
    AND regexp_matches(AlertSeverity, '(^|[^0-9A-Za-z])(medium|high)($|[^0-9A-Za-z])', 'i')
    AND json_type(Entities) = 'ARRAY'
),
entities AS (
  SELECT alert_row, unnest(entity_list) AS Entity FROM alerts
),
ip_entities AS (
  SELECT alert_row, coalesce(Entity ->> 'Address', '') AS EntityIp
  FROM entities WHERE Entity ->> 'Type' = 'ip'
),
account_entities AS (
  SELECT alert_row, Entity, coalesce(Entity ->> 'AadUserId', '') AS AccountObjectId
  FROM entities WHERE Entity ->> 'Type' = 'account'
),
alert_groups AS (
  SELECT a.AlertName, a.ProductName, a.AlertSeverity, i.EntityIp, a.Tactics, a.Techniques, a.ProviderName,
         a.AlertTime, c.AccountObjectId,
         list(DISTINCT c.Entity) AS Entitys,
         list(DISTINCT a.SystemAlertId) FILTER (WHERE a.SystemAlertId IS NOT NULL) AS SystemAlertIds
  FROM alerts a
  JOIN ip_entities i ON i.alert_row = a.alert_row
  JOIN account_entities c ON c.alert_row = a.alert_row
  WHERE i.EntityIp <> ''
  GROUP BY a.AlertName, a.ProductName, a.AlertSeverity, i.EntityIp, a.Tactics, a.Techniques, a.ProviderName,
           a.AlertTime, c.AccountObjectId
),
vm_calls AS (
  SELECT TimeGenerated AS GCPOperationTime,
         coalesce(Request ->> 'name', '') AS VMName,
         coalesce(Response ->> 'status', '') AS VMStatus,
         MethodName,
         coalesce(AuthenticationInfo ->> 'principalEmail', '') AS GCPUserUPN,
         ProjectId,
         coalesce(RequestMetadata ->> 'callerIp', '') AS GCPUserIp,
         coalesce(RequestMetadata ->> 'callerSuppliedUserAgent', '') AS GCPUserUA,
         coalesce(Response ->> 'operationType', '') AS VMOperation,
         string_split(coalesce(Request ->> 'machineType', ''), '/')[-1] AS VMType
  FROM GCPAuditLogs
  WHERE ServiceName = 'compute.googleapis.com' AND ends_with(lower(MethodName), 'instances.insert')
),
vm_creations AS (
  SELECT * FROM vm_calls
  WHERE NOT regexp_matches(GCPUserUPN, '(^|[^0-9A-Za-z])gserviceaccount\.com($|[^0-9A-Za-z])', 'i')
    AND VMOperation = 'insert' AND GCPUserIp <> '' AND GCPUserIp <> 'private'
),
identities AS (
  SELECT DISTINCT AccountObjectId, AccountUPN, JobTitle FROM IdentityInfo
)
SELECT g.AlertName, g.ProductName, g.AlertSeverity, g.EntityIp, g.Tactics, g.Techniques, g.ProviderName,
       g.AlertTime, g.AccountObjectId,
       to_json(g.Entitys) AS Entitys, to_json(g.SystemAlertIds) AS SystemAlertIds,
       v.GCPOperationTime, v.VMName, v.VMStatus, v.MethodName, v.GCPUserUPN, v.ProjectId, v.GCPUserIp, v.GCPUserUA,
       v.VMOperation, v.VMType,
       i.AccountObjectId AS AccountObjectId1, i.AccountUPN, i.JobTitle,
       date_diff('day', v.GCPOperationTime, g.AlertTime) AS TimeDiff,
       to_json(string_split(v.GCPUserUPN, '@')[1]) AS Name,
       to_json(string_split(v.GCPUserUPN, '@')[2]) AS UPNSuffix
FROM alert_groups g
JOIN vm_creations v ON v.GCPUserIp = g.EntityIp
JOIN identities i ON i.AccountObjectId = g.AccountObjectId
