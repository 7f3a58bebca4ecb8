/**
 * Reading the YAML of rule and scenario files safely: every problem is a RULE_INVALID_YAML KqlError with
 * the line and column of its cause, never a raw error of the yaml package. Browser-safe.
 *
 * Aliases are checked here, before the document becomes JavaScript values: an alias whose anchor is not
 * set before it, an alias inside the node it refers to (a cycle), aliases that together would expand to
 * more than MAX_YAML_ALIAS_NODES nodes (an alias bomb, "billion laughs"), or that would nest values deeper
 * than MAX_YAML_DEPTH. The yaml package's own alias counter (maxAliasCount) is then turned off: it throws
 * a ReferenceError without a position, and it also rejects honest files that use one anchor often.
 */
import { isAlias, isCollection, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { ErrorCodes, KqlSemanticError } from '../errors/index.js';

/** The most nodes that aliases may add to a document, summed over every alias (each alias adds its anchor's expanded size). */
export const MAX_YAML_ALIAS_NODES = 100_000;
/** The deepest nesting of collections a document may have once its aliases are expanded. */
export const MAX_YAML_DEPTH = 1000;

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** The document as JavaScript values (its aliases already checked). Throws RULE_INVALID_YAML, never another error. */
  toJS(): unknown;
}

function yamlError(message: string, line: number, column: number): KqlSemanticError {
  return new KqlSemanticError(ErrorCodes.RULE_INVALID_YAML, message, { offset: 0, length: 0, line, column });
}

/** First line of a yaml error message, without the " at line x, column y:" the library appends. */
function firstLine(msg: string): string {
  const text = msg.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  return /Maximum call stack size exceeded/.test(text) ? 'the YAML is nested too deeply' : text;
}

/** A thrown value's message, without throwing itself. */
function messageOf(err: unknown): string {
  try {
    return err instanceof Error ? String(err.message) : String(err);
  } catch {
    return 'unreadable error';
  }
}

/**
 * Parses YAML text (one document). `where` goes after "Invalid YAML" in messages (e.g. " in rule.yaml").
 * Throws RULE_INVALID_YAML with a line and column for syntax errors, duplicate keys, several documents,
 * and bad aliases (see the module comment).
 */
export function parseYaml(text: string, where: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): { line: number; col: number } => lineCounter.linePos(offset ?? 0);
  let doc: Document;
  try {
    // logLevel 'error': the yaml package would otherwise print its warnings (emitWarning) to stderr.
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  } catch (err) {
    // The yaml package reports its problems in doc.errors; this is for anything it throws all the same.
    throw yamlError(`Invalid YAML${where}: ${firstLine(messageOf(err))}`, 1, 1);
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0] ?? at(e.pos?.[0]);
    throw yamlError(`Invalid YAML${where}: ${firstLine(e.message)}`, pos.line, pos.col);
  }
  checkAliases(doc, where, at);
  return {
    doc,
    lineCounter,
    toJS() {
      try {
        // maxAliasCount -1: checkAliases bounded the expansion already (and says where).
        return doc.toJS({ maxAliasCount: -1 });
      } catch (err) {
        // Left for toJS: a YAML 1.1 merge key (`<<`) whose value is not a mapping; point at the first one.
        let node: YamlNode | undefined;
        if (/merge/i.test(messageOf(err))) {
          visit(doc, {
            Pair(_key, pair) {
              const v = isScalar(pair.key) ? pair.key.value : undefined;
              if (v === '<<' || (typeof v === 'symbol' && v.description === '<<')) {
                node = pair.key as YamlNode;
                return visit.BREAK;
              }
            },
          });
        }
        const pos = at((node ?? doc.contents)?.range?.[0]);
        throw yamlError(`Invalid YAML${where}: ${firstLine(messageOf(err))}`, pos.line, pos.col);
      }
    },
  };
}

interface Extent {
  /** Nodes once expanded (aliases replaced by what they refer to). */
  size: number;
  /** Nesting of collections once expanded (a scalar is 0). */
  depth: number;
}

/**
 * Resolves every alias as YAML does (the last node with that anchor before the alias, in document order)
 * and bounds what the aliases expand to. One pass over the source nodes plus one measure per anchored
 * node: linear in the document, however large the expansion would be.
 */
function checkAliases(doc: Document, where: string, at: (offset: number | undefined) => { line: number; col: number }): void {
  const targets = new Map<YamlNode, YamlNode>();
  const aliases: { alias: YamlNode; level: number }[] = [];
  const latest = new Map<string, YamlNode>();
  const fail = (node: YamlNode, message: string): never => {
    const pos = at(node.range?.[0]);
    throw yamlError(`Invalid YAML${where}: ${message}`, pos.line, pos.col);
  };
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = latest.get(node.source);
        if (target === undefined) fail(node, `the alias *${node.source} has no anchor &${node.source} before it`);
        targets.set(node, target!);
        aliases.push({ alias: node, level: path.filter((p) => isCollection(p)).length });
      } else if (node.anchor) latest.set(node.anchor, node);
    },
  });
  if (aliases.length === 0) return;

  const measured = new Map<YamlNode, Extent>();
  const open = new Set<YamlNode>();
  /** The expanded extent of a node reached at nesting `level` (used to stop a deep expansion early). */
  const measure = (node: YamlNode | null | undefined, level: number, via: YamlNode): Extent => {
    if (node === null || node === undefined || isScalar(node)) return { size: 1, depth: 0 };
    if (isAlias(node)) {
      const target = targets.get(node)!;
      if (open.has(target)) fail(node, `the alias *${node.source} is inside the node it refers to (a cycle)`);
      let extent = measured.get(target);
      if (extent === undefined) {
        extent = measure(target, level, node);
        measured.set(target, extent);
      }
      if (level + extent.depth > MAX_YAML_DEPTH) fail(node, `the alias *${node.source} nests values more than ${MAX_YAML_DEPTH} levels deep`);
      return extent;
    }
    if (level >= MAX_YAML_DEPTH) fail(via, `values nest more than ${MAX_YAML_DEPTH} levels deep`);
    if (!isCollection(node)) return { size: 1, depth: 0 };
    open.add(node);
    let size = 1;
    let depth = 0;
    for (const item of node.items as unknown[]) {
      const parts = isPair(item) ? [item.key as YamlNode | null, item.value as YamlNode | null] : [item as YamlNode];
      for (const part of parts) {
        const e = measure(part, level + 1, isAlias(part) ? part : via);
        // Capped: only "more than the limit" matters, and sizes of nested bombs would overflow to Infinity.
        size = Math.min(size + e.size, MAX_YAML_ALIAS_NODES + 1);
        depth = Math.max(depth, e.depth + 1);
      }
    }
    open.delete(node);
    return { size, depth };
  };

  let added = 0;
  for (const { alias, level } of aliases) {
    const extent = measure(alias, level, alias);
    added += extent.size;
    if (added > MAX_YAML_ALIAS_NODES) {
      const name = isAlias(alias) ? alias.source : '';
      fail(alias, `the aliases up to *${name} expand the document by more than ${MAX_YAML_ALIAS_NODES.toLocaleString('en-US')} nodes (an alias bomb)`);
    }
  }
}
