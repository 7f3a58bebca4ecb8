/**
 * Checks a Sentinel analytics rule the way Sentinel and the Azure-Sentinel repository's CI do: required
 * fields, durations, trigger, severity, tactics and techniques, and the fields that name the query's result
 * columns (entityMappings, customDetails, alertDetailsOverride). What Sentinel (ARM) rejects is an error;
 * what only the repository's conventions flag is a warning. Browser-safe: no files, no query run.
 */
import { ErrorCodes, KqlSemanticError } from '../errors/index.js';
import { closestName } from './closest-name.js';
import { parseDuration, type SentinelRule } from './rule.js';
import {
  AGGREGATION_KINDS,
  COLUMN_NAME,
  CUSTOM_DETAIL_KEY,
  ENTITY_TYPES,
  GUID,
  REQUIRED_FIELDS,
  RULE_KINDS,
  RULE_LIMITS as L,
  SEVERITIES,
  TACTICS,
  TECHNIQUE_ID,
  TEMPLATE_VERSION,
} from './sentinel-rule-schema.js';

/** One problem of a rule, at its field's place in the YAML (line 1, column 1 for a missing field). */
export interface RuleProblem {
  code: string;
  message: string;
  line: number;
  column: number;
  /** The field's path: `severity`, `entityMappings[0].fieldMappings[1].columnName`. */
  field: string;
}

export interface RuleValidation {
  /** What Sentinel would reject. */
  errors: RuleProblem[];
  /** What Sentinel accepts but the Azure-Sentinel repository's checks or conventions flag. */
  warnings: RuleProblem[];
}

export interface ValidateRuleOptions {
  /**
   * The query's result columns (`analyzeKql(rule.query).columns`). entityMappings, customDetails and
   * alertDetailsOverride must name them; without this option those names are not checked.
   */
  columns?: readonly { name: string }[];
  /**
   * Whether missing required fields are reported. `'auto'` (the default): as errors in a file with `kind`
   * (a complete rule template), as warnings in one with `id` but no `kind`, not at all otherwise (a YAML
   * file that only holds a query). `true`: always errors; `false`: never.
   */
  requireFields?: boolean | 'auto';
}

interface Check {
  rule: SentinelRule;
  columns?: readonly { name: string }[];
  requireFields: boolean | 'auto';
  error(code: string, field: string, message: string): void;
  warn(code: string, field: string, message: string): void;
}

const has = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (rule: SentinelRule, key: string): boolean => has(rule, key) && (rule as unknown as Record<string, unknown>)[key] != null;
const quote = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v));

/** A canonical name from a list, matched without regard to case (Sentinel reads these as .NET enums). */
function canonical(value: unknown, names: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  return names.find((n) => n.toLowerCase() === lower);
}

function durationMs(text: unknown): number | undefined {
  try {
    return typeof text === 'string' ? parseDuration(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The rule's kind in lower case (`scheduled` when absent). */
function kindOf(rule: SentinelRule): string {
  return typeof rule.kind === 'string' ? rule.kind.trim().toLowerCase() : 'scheduled';
}

/** A column the result must have: an error naming the closest result column, or listing them. */
function checkColumn(c: Check, field: string, name: unknown): void {
  if (typeof name !== 'string') {
    c.error(ErrorCodes.RULE_BAD_FIELD, field, `${field} must be a column name, not ${quote(name)}`);
    return;
  }
  if (name.length > L.columnNameLength || !COLUMN_NAME.test(name)) {
    c.error(ErrorCodes.RULE_BAD_FIELD, field, `${field} ${quote(name)} is not a column name: a letter or _, then letters, digits and _ (at most ${L.columnNameLength})`);
    return;
  }
  if (!c.columns || c.columns.some((col) => col.name === name)) return;
  const names = c.columns.map((col) => col.name);
  const otherCase = names.find((n) => n.toLowerCase() === name.toLowerCase());
  if (otherCase) {
    // Published rules do this and deploy: Sentinel seems to match these names without regard to case.
    c.warn(ErrorCodes.RULE_UNKNOWN_COLUMN, field, `${field} '${name}' is spelled '${otherCase}' in the query's result (column names are case-sensitive in KQL)`);
    return;
  }
  // A union of tables whose column types differ gives one column per type: Name_string, Name_dynamic.
  const perType = names.filter((n) => n.startsWith(`${name}_`) && /^(string|long|int|real|decimal|bool|datetime|timespan|guid|dynamic)$/.test(n.slice(name.length + 1)));
  const guess = closestName(name, names);
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, ... (${names.length} columns)` : names.join(', ');
  const hint =
    perType.length > 0 ? `the union in the query gives it one column per type: ${perType.join(', ')}`
    : guess ? `did you mean '${guess}'?`
    : `it returns ${shown || 'no columns'}`;
  c.error(ErrorCodes.RULE_UNKNOWN_COLUMN, field, `${field} '${name}' is not a column of the query's result (${hint})`);
}

/** A field that must be a mapping when present: the mapping, or undefined when absent (or reported as not a mapping). */
function mappingOf(c: Check, key: 'customDetails' | 'alertDetailsOverride', shape: string): Record<string, unknown> | undefined {
  const v = c.rule[key];
  if (v === undefined || v === null) return undefined;
  if (isRecord(v)) return v;
  c.error(ErrorCodes.RULE_BAD_FIELD, key, `${key} must be a mapping ${shape}`);
  return undefined;
}

/** The checks, in the order their problems are reported. */
const CHECKS: ((c: Check) => void)[] = [
  function requiredFields(c) {
    const kind = kindOf(c.rule);
    // Own keys only: a kind named `constructor` is an unknown kind (reported by identity), not Object.
    const required = has(REQUIRED_FIELDS, kind) ? REQUIRED_FIELDS[kind] : undefined;
    if (!required) return;
    const mode = c.requireFields === 'auto' ? (present(c.rule, 'kind') ? 'error' : present(c.rule, 'id') ? 'warn' : 'off') : c.requireFields ? 'error' : 'off';
    if (mode === 'off') return;
    const missing = required.filter((key) => !present(c.rule, key));
    if (mode === 'error') {
      for (const key of missing) c.error(ErrorCodes.RULE_MISSING_FIELD, key, `The rule has no '${key}': Sentinel requires it in a ${RULE_KINDS[kind]} rule`);
    } else if (missing.length > 0) {
      // One warning, not one per field: the file may be a rule in progress rather than a template to publish.
      const names = missing.map((k) => `'${k}'`).join(', ');
      c.warn(ErrorCodes.RULE_MISSING_FIELD, missing[0], `The rule has no ${names}: Sentinel requires ${missing.length === 1 ? 'it' : 'them'} in a ${RULE_KINDS[kind]} rule`);
    }
  },

  function identity(c) {
    const { id, kind, name, description, query } = c.rule;
    if (id !== undefined && !GUID.test(id)) c.error(ErrorCodes.RULE_BAD_FIELD, 'id', `id ${quote(id)} is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
    if (kind !== undefined && !has(RULE_KINDS, kind.trim().toLowerCase())) {
      c.error(ErrorCodes.RULE_BAD_FIELD, 'kind', `kind ${quote(kind)} is not a kind of rule with a query: Scheduled or NRT`);
    }
    if (name !== undefined && (name.trim() === '' || name.length > L.nameLength)) c.error(ErrorCodes.RULE_BAD_FIELD, 'name', `name must be 1 to ${L.nameLength} characters (it has ${name.length})`);
    if (description !== undefined && description.length > L.descriptionLength) {
      c.error(ErrorCodes.RULE_BAD_FIELD, 'description', `description must be at most ${L.descriptionLength} characters (it has ${description.length})`);
    }
    if (query.length > L.queryLength) c.error(ErrorCodes.RULE_BAD_FIELD, 'query', `query must be at most ${L.queryLength.toLocaleString('en-US')} characters (it has ${query.length.toLocaleString('en-US')})`);
  },

  function severity(c) {
    const s = c.rule.severity;
    if (s !== undefined && !canonical(s, SEVERITIES)) c.error(ErrorCodes.RULE_BAD_FIELD, 'severity', `severity ${quote(s)} is not one of ${SEVERITIES.join(', ')}`);
  },

  function schedule(c) {
    const freq = durationMs(c.rule.queryFrequency);
    const period = durationMs(c.rule.queryPeriod);
    for (const [key, ms] of [['queryFrequency', freq], ['queryPeriod', period]] as const) {
      if (ms === undefined) continue;
      if (ms < L.minDurationMs || ms > L.maxDurationMs) c.error(ErrorCodes.RULE_BAD_FIELD, key, `${key} ${quote(c.rule[key])} is outside Sentinel's range: 5 minutes to 14 days`);
      // The repository's CI reads `<whole number>m|h|d` (or a .NET TimeSpan); Sentinel's API takes ISO 8601 too.
      if (!/^\d+[mhd]$/.test(c.rule[key]!)) c.warn(ErrorCodes.RULE_STYLE, key, `${key} ${quote(c.rule[key])}: the Azure-Sentinel repository writes durations as a whole number and m, h or d (5m, 1h, 14d)`);
    }
    if (freq === undefined || period === undefined) return;
    if (period < freq) c.error(ErrorCodes.RULE_BAD_FIELD, 'queryPeriod', `queryPeriod ${quote(c.rule.queryPeriod)} is shorter than queryFrequency ${quote(c.rule.queryFrequency)}: Sentinel requires queryPeriod >= queryFrequency`);
    else if (period >= L.longPeriodMs && freq < L.longPeriodMinFrequencyMs) {
      c.error(ErrorCodes.RULE_BAD_FIELD, 'queryFrequency', `queryFrequency ${quote(c.rule.queryFrequency)} is under 1 hour with a queryPeriod of 2 days or more (${quote(c.rule.queryPeriod)}): Sentinel requires 1h or more`);
    }
  },

  function trigger(c) {
    const t = c.rule.triggerThreshold;
    if (t !== undefined && t > L.maxTriggerThreshold) c.error(ErrorCodes.RULE_BAD_FIELD, 'triggerThreshold', `triggerThreshold ${t} is over Sentinel's maximum of ${L.maxTriggerThreshold}`);
  },

  function tactics(c) {
    (c.rule.tactics ?? []).forEach((t, i) => {
      if (canonical(t, TACTICS)) return;
      const guess = closestName(t, TACTICS);
      c.error(ErrorCodes.RULE_BAD_FIELD, `tactics[${i}]`, `tactic ${quote(t)} is not a MITRE ATT&CK tactic Sentinel knows${guess ? ` (did you mean '${guess}'?)` : `: ${TACTICS.join(', ')}`}`);
    });
  },

  function techniques(c) {
    const list = c.rule.relevantTechniques ?? [];
    list.forEach((t, i) => {
      if (!TECHNIQUE_ID.test(t.trim())) c.error(ErrorCodes.RULE_BAD_FIELD, `relevantTechniques[${i}]`, `technique ${quote(t)} is not a MITRE ATT&CK technique id: T1234 or T1234.001`);
    });
    if (list.length > 0 && (c.rule.tactics ?? []).length === 0) {
      c.error(ErrorCodes.RULE_BAD_FIELD, 'relevantTechniques', 'relevantTechniques without tactics: the Azure-Sentinel CI requires the tactic of each technique in tactics');
    }
  },

  function dataConnectors(c) {
    const v = c.rule.requiredDataConnectors;
    if (v === undefined || v === null) return;
    if (!Array.isArray(v)) {
      c.error(ErrorCodes.RULE_BAD_FIELD, 'requiredDataConnectors', 'requiredDataConnectors must be a list of { connectorId, dataTypes }');
      return;
    }
    v.forEach((item, i) => {
      const field = `requiredDataConnectors[${i}]`;
      if (!isRecord(item) || typeof item.connectorId !== 'string') c.error(ErrorCodes.RULE_BAD_FIELD, field, `${field} must be { connectorId: <id>, dataTypes: [<table>, ...] }`);
      else if (item.dataTypes != null && (!Array.isArray(item.dataTypes) || item.dataTypes.some((d) => typeof d !== 'string'))) {
        c.error(ErrorCodes.RULE_BAD_FIELD, `${field}.dataTypes`, `${field}.dataTypes must be a list of table names`);
      }
    });
  },

  function entityMappings(c) {
    const v = c.rule.entityMappings;
    if (v === undefined || v === null) return;
    if (!Array.isArray(v) || v.length === 0) {
      c.error(ErrorCodes.RULE_BAD_FIELD, 'entityMappings', 'entityMappings must be a list of 1 or more { entityType, fieldMappings }');
      return;
    }
    if (v.length > L.maxEntityMappings) c.error(ErrorCodes.RULE_TOO_MANY, 'entityMappings', `entityMappings has ${v.length} entities: Sentinel allows at most ${L.maxEntityMappings}`);
    v.forEach((m, i) => {
      const at = `entityMappings[${i}]`;
      if (!isRecord(m)) {
        c.error(ErrorCodes.RULE_BAD_FIELD, at, `${at} must be { entityType, fieldMappings }`);
        return;
      }
      const type = canonical(m.entityType, Object.keys(ENTITY_TYPES));
      if (!type) {
        const guess = typeof m.entityType === 'string' ? closestName(m.entityType, Object.keys(ENTITY_TYPES)) : undefined;
        const known = guess ? `did you mean '${guess}'?` : Object.keys(ENTITY_TYPES).join(', ');
        c.error(ErrorCodes.RULE_BAD_FIELD, `${at}.entityType`, `${at}.entityType ${quote(m.entityType)} is not an entity type (${known})`);
      }
      const fields = m.fieldMappings;
      if (!Array.isArray(fields) || fields.length === 0) {
        c.error(ErrorCodes.RULE_BAD_FIELD, has(m, 'fieldMappings') ? `${at}.fieldMappings` : at, `${at}.fieldMappings must be a list of 1 to ${L.maxFieldMappings} { identifier, columnName }`);
        return;
      }
      if (fields.length > L.maxFieldMappings) c.error(ErrorCodes.RULE_TOO_MANY, `${at}.fieldMappings`, `${at}.fieldMappings has ${fields.length} identifiers: Sentinel allows at most ${L.maxFieldMappings} per entity`);
      const info = type ? ENTITY_TYPES[type] : undefined;
      const used = new Set<string>();
      fields.forEach((f, j) => {
        const fat = `${at}.fieldMappings[${j}]`;
        if (!isRecord(f)) {
          c.error(ErrorCodes.RULE_BAD_FIELD, fat, `${fat} must be { identifier, columnName }`);
          return;
        }
        const id = f.identifier;
        if (info && (typeof id !== 'string' || !info.identifiers.includes(id))) {
          const guess = typeof id === 'string' ? closestName(id, info.identifiers) : undefined;
          c.error(ErrorCodes.RULE_BAD_FIELD, `${fat}.identifier`, `${quote(id)} is not an identifier of ${type}${guess ? ` (did you mean '${guess}'?)` : `: ${info.identifiers.join(', ')}`}`);
        } else if (typeof id === 'string' && used.has(id)) c.error(ErrorCodes.RULE_BAD_FIELD, `${fat}.identifier`, `identifier '${id}' is mapped twice in ${at}`);
        if (typeof id === 'string') used.add(id);
        checkColumn(c, `${fat}.columnName`, f.columnName);
      });
      if (info && !info.requiredSets.some((set) => set.every((id) => used.has(id)))) {
        const sets = info.requiredSets.map((s) => s.join(' + ')).join(', or ');
        c.error(ErrorCodes.RULE_BAD_FIELD, `${at}.fieldMappings`, `${at} (${type}) must map ${sets}`);
      }
    });
  },

  function customDetails(c) {
    const v = mappingOf(c, 'customDetails', 'of { Key: ColumnName }');
    if (!v) return;
    const keys = Object.keys(v);
    if (keys.length > L.maxCustomDetails) c.error(ErrorCodes.RULE_TOO_MANY, 'customDetails', `customDetails has ${keys.length} entries: Sentinel allows at most ${L.maxCustomDetails}`);
    for (const key of keys) {
      const at = `customDetails.${key}`;
      if (key.length > L.customDetailKeyLength || !CUSTOM_DETAIL_KEY.test(key)) {
        c.error(ErrorCodes.RULE_BAD_FIELD, `${at}#key`, `customDetails key '${key}' must start with a letter, have only letters, digits and _, and be at most ${L.customDetailKeyLength} characters`);
      }
      checkColumn(c, at, v[key]);
    }
  },

  function alertDetailsOverride(c) {
    const v = mappingOf(c, 'alertDetailsOverride', '(alertDisplayNameFormat, alertDescriptionFormat, ...)');
    if (!v) return;
    for (const [key, max] of [['alertDisplayNameFormat', L.displayNameFormatLength], ['alertDescriptionFormat', L.descriptionFormatLength]] as const) {
      if (v[key] == null) continue;
      const at = `alertDetailsOverride.${key}`;
      const text = v[key];
      if (typeof text !== 'string' || text.trim() === '' || text.length > max) {
        c.error(ErrorCodes.RULE_BAD_FIELD, at, `${at} must be text of 1 to ${max} characters`);
        continue;
      }
      const placeholders = [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[1]);
      if (placeholders.length > L.maxPlaceholders) c.error(ErrorCodes.RULE_TOO_MANY, at, `${at} has ${placeholders.length} {{Column}} placeholders: Sentinel allows at most ${L.maxPlaceholders}`);
      for (const p of new Set(placeholders)) checkColumn(c, at, p.trim());
    }
    for (const key of ['alertSeverityColumnName', 'alertTacticsColumnName']) {
      if (v[key] != null) checkColumn(c, `alertDetailsOverride.${key}`, v[key]);
    }
  },

  function eventGrouping(c) {
    const v = c.rule.eventGroupingSettings;
    if (v === undefined || v === null) return;
    const kind = isRecord(v) ? v.aggregationKind : undefined;
    if (!canonical(kind, AGGREGATION_KINDS)) {
      const field = isRecord(v) && has(v, 'aggregationKind') ? 'eventGroupingSettings.aggregationKind' : 'eventGroupingSettings';
      c.error(ErrorCodes.RULE_BAD_FIELD, field, `eventGroupingSettings.aggregationKind ${quote(kind)} is not one of ${AGGREGATION_KINDS.join(', ')}`);
    }
  },

  function incidentConfiguration(c) {
    const v = c.rule.incidentConfiguration;
    if (!isRecord(v) || !isRecord(v.groupingConfiguration)) return;
    const g = v.groupingConfiguration;
    const at = 'incidentConfiguration.groupingConfiguration';
    if (g.matchingMethod != null && !canonical(g.matchingMethod, ['AllEntities', 'AnyAlert', 'Selected'])) {
      c.error(ErrorCodes.RULE_BAD_FIELD, `${at}.matchingMethod`, `${at}.matchingMethod ${quote(g.matchingMethod)} is not one of AllEntities, AnyAlert, Selected`);
    }
    if (g.lookbackDuration != null && durationMs(g.lookbackDuration) === undefined) {
      c.error(ErrorCodes.RULE_BAD_FIELD, `${at}.lookbackDuration`, `${at}.lookbackDuration ${quote(g.lookbackDuration)} is not a duration (5h, PT5H)`);
    }
    if (Array.isArray(g.groupByEntities)) {
      g.groupByEntities.forEach((e, i) => {
        if (!canonical(e, Object.keys(ENTITY_TYPES))) c.error(ErrorCodes.RULE_BAD_FIELD, `${at}.groupByEntities[${i}]`, `${quote(e)} is not an entity type`);
      });
    }
    if (Array.isArray(g.groupByCustomDetails)) {
      const details = isRecord(c.rule.customDetails) ? c.rule.customDetails : {};
      g.groupByCustomDetails.forEach((d, i) => {
        if (typeof d !== 'string' || !has(details, d)) c.error(ErrorCodes.RULE_BAD_FIELD, `${at}.groupByCustomDetails[${i}]`, `${quote(d)} is not a key of customDetails`);
      });
    }
  },

  function version(c) {
    const v = c.rule.version;
    if (v !== undefined && (v.length > L.versionLength || !TEMPLATE_VERSION.test(v))) c.error(ErrorCodes.RULE_BAD_FIELD, 'version', `version ${quote(v)} must be X.Y.Z, all numbers (1.0.0)`);
  },

  function conventions(c) {
    // Only for complete templates: a YAML file that just holds a query is not held to the repository's style.
    if (c.requireFields === false || (c.requireFields === 'auto' && !present(c.rule, 'kind'))) return;
    const expected: [string, string][] = [
      ['tactics', 'the MITRE ATT&CK tactics it detects'],
      ['entityMappings', 'entity mappings (Account, Host, IP, ...) for investigation'],
      ['version', 'a template version (1.0.0)'],
    ];
    for (const [key, what] of expected) {
      const v = (c.rule as unknown as Record<string, unknown>)[key];
      if (v == null || (Array.isArray(v) && v.length === 0)) c.warn(ErrorCodes.RULE_STYLE, key, `The rule has no '${key}': the Azure-Sentinel repository expects ${what}`);
    }
  },
];

/**
 * Checks a rule (from parseRule, or built in code) against Sentinel's rules for analytics rules. Never
 * throws. Problems point at their field's place in the YAML when the rule came from parseRule.
 */
export function validateRule(rule: SentinelRule, options: ValidateRuleOptions = {}): RuleValidation {
  const out: RuleValidation = { errors: [], warnings: [] };
  const positions = rule.positions ?? Object.create(null);
  const problem = (code: string, field: string, message: string): RuleProblem => {
    // A field without a position of its own (a missing one) points at its parent, else at the file's start.
    let path = field;
    while (path !== '' && !has(positions, path)) {
      const up = path.replace(/(\.[^.[\]#]*|\[\d+\]|#key)$/, '');
      path = up === path ? '' : up;
    }
    const pos = path === '' ? { line: 1, column: 1 } : positions[path];
    return { code, message, line: pos.line, column: pos.column, field: field.replace(/#key$/, '') };
  };
  const check: Check = {
    rule,
    columns: options.columns,
    requireFields: options.requireFields ?? 'auto',
    error: (code, field, message) => out.errors.push(problem(code, field, message)),
    warn: (code, field, message) => out.warnings.push(problem(code, field, message)),
  };
  for (const run of CHECKS) {
    try {
      run(check);
    } catch (err) {
      // A check meeting a shape it did not expect reports it instead of crashing the caller.
      check.error(ErrorCodes.RULE_BAD_FIELD, '', `The rule could not be checked: ${(err as Error)?.message ?? String(err)}`);
    }
  }
  return out;
}

/** A rule problem as a KqlSemanticError (its code, message, line and column), for callers that throw. */
export function ruleProblemError(p: RuleProblem): KqlSemanticError {
  return new KqlSemanticError(p.code, p.message, { offset: 0, length: 0, line: p.line, column: p.column });
}
