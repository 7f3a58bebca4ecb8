/**
 * reduce [kind=source] by Expr [with [threshold=R] [, characters="..."]]: groups strings by similarity
 * (reduce-operator.md), after Vaarandi's SLCT ("A Data Clustering Algorithm for Mining Patterns From Event
 * Logs", which the docs name):
 *
 * 1. Each value is split into terms at separator characters (by default every character that is not an
 *    ASCII letter or digit; `characters` flips the role of the characters it lists).
 * 2. A term at a position (the i-th term of its value) is frequent when at least `support` values have
 *    it there, where support = (1 - threshold) x rows: a smaller threshold keeps fewer terms and groups
 *    more (the docs' examples and prose; see docs/differences-from-kusto.md, "reduce and pattern").
 * 3. A value's cluster candidate is its term count plus its frequent terms by position, the other terms
 *    being wildcards. Candidates with at least `support` values and at least one frequent term are the
 *    groups; every other value goes to the group `others` (empty representative).
 *
 * Work is linear in the total length of the values: two passes, each splitting every value once and
 * updating hash maps (one entry per distinct (position, term) and per distinct candidate), no pairwise
 * comparison, so 100k rows cost two scans, not 10^10 comparisons.
 */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';

const RESULT: ColumnSchema[] = [
  { name: 'Pattern', type: 'string' },
  { name: 'Count', type: 'long' },
  { name: 'Representative', type: 'string' },
];

/** ASCII letters and digits: the only term characters by default. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

interface Split {
  terms: string[];
  /** seps[i] is the separator text before terms[i]; seps[terms.length] is what follows the last term. */
  seps: string[];
}

function splitter(characters: string): (s: string) => Split {
  const flipped = new Set<number>();
  for (let i = 0; i < characters.length; i++) flipped.add(characters.charCodeAt(i));
  const isSep = (c: number) => isAsciiAlnum(c) === flipped.has(c);
  return (s) => {
    const terms: string[] = [];
    const seps: string[] = [];
    let i = 0;
    while (i <= s.length) {
      const sepStart = i;
      while (i < s.length && isSep(s.charCodeAt(i))) i++;
      seps.push(s.slice(sepStart, i));
      if (i >= s.length) break;
      const termStart = i;
      while (i < s.length && !isSep(s.charCodeAt(i))) i++;
      terms.push(s.slice(termStart, i));
    }
    return { terms, seps };
  };
}

/**
 * The pattern of a group, written from its representative: varying terms become `*`, separators stay as
 * written, except that letters and digits made separators by `characters` next to a `*` are part of it
 * (the docs' `fooZ1` -> `foo*`); adjacent wildcards with nothing left between them merge.
 */
function renderPattern(split: Split, wild: boolean[]): string {
  let out = '';
  const n = split.terms.length;
  for (let i = 0; i <= n; i++) {
    let sep = split.seps[i];
    if ((i > 0 && wild[i - 1]) || (i < n && wild[i])) {
      let kept = '';
      for (let j = 0; j < sep.length; j++) if (!isAsciiAlnum(sep.charCodeAt(j))) kept += sep[j];
      sep = kept;
    }
    out += sep;
    if (i < n) {
      if (!wild[i]) out += split.terms[i];
      else if (!out.endsWith('*') || sep !== '') out += '*';
    }
  }
  return out;
}

function literalOption(value: A.Expr): { type: string; value: unknown } | undefined {
  if (value.kind === 'Literal') return { type: value.type, value: value.value };
  if (value.kind === 'Unary' && value.operand.kind === 'Literal') {
    const v = value.operand.value;
    if (typeof v === 'number') return { type: value.operand.type, value: value.op === '-' ? -v : v };
    if (typeof v === 'bigint') return { type: value.operand.type, value: value.op === '-' ? -Number(v) : Number(v) };
  }
  return undefined;
}

export const reduce: OperatorDef<A.ReduceOp> = {
  op: 'reduce',
  description: 'Groups similar strings into patterns with * wildcards (Pattern, Count, Representative), after the SLCT log-clustering algorithm.',
  bind(node, input, tools) {
    let source = false;
    for (const p of node.params) {
      if (p.name !== 'kind' || p.value !== 'source') {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, p.name === 'kind' ? `reduce kind must be source, not '${String(p.value)}'` : `reduce has no parameter '${p.name}'`, p.span);
      }
      source = true;
    }
    let threshold = 0.1;
    let characters = '';
    const seen = new Set<string>();
    for (const o of node.options) {
      if (seen.has(o.name)) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `reduce option '${o.name}' is given twice`, o.span);
      seen.add(o.name);
      const lit = literalOption(o.value);
      if (o.name === 'threshold') {
        const v = lit && typeof lit.value === 'number' && ['int', 'long', 'real', 'decimal'].includes(lit.type) ? lit.value : typeof lit?.value === 'bigint' ? Number(lit.value) : undefined;
        if (v === undefined) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'reduce threshold must be a number literal', o.value.span);
        if (!(v >= 0 && v <= 1)) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'reduce threshold must be between 0 and 1', o.value.span);
        threshold = v;
      } else if (o.name === 'characters') {
        if (!lit || lit.type !== 'string' || typeof lit.value !== 'string') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'reduce characters must be a string literal', o.value.span);
        characters = lit.value;
      } else {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `reduce has no option '${o.name}' (threshold, characters)`, o.span);
      }
    }
    const by = tools.expr(node.by, input);
    if (by.type !== 'string') throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `reduce by expects a string, not ${by.type}`, node.by.span);

    let columns = RESULT;
    if (source) {
      // The analyzer keeps both columns when a name repeats; names here are unique, so a clash gets a suffix.
      const taken = new Set(input.map((c) => c.name));
      const added = RESULT.map((c) => {
        let name = c.name;
        for (let k = 1; taken.has(name); k++) name = `${c.name}${k}`;
        taken.add(name);
        return { ...c, name };
      });
      columns = [...input, ...added];
    }
    const split = splitter(characters);

    return {
      columns,
      flow: source ? 'extend' : 'own',
      run: (table, ctx) => {
        const n = table.rows.length;
        const values: string[] = new Array(n);
        for (let r = 0; r < n; r++) {
          const v = by.evaluate(table.rows[r], ctx);
          values[r] = typeof v === 'string' ? v : '';
        }
        const support = Math.max(1, Math.ceil((1 - threshold) * n - 1e-9));
        // Pass 1: how many values hold each term at each position.
        const termCounts = new Map<string, number>();
        for (const v of values) {
          const { terms } = split(v);
          for (let i = 0; i < terms.length; i++) {
            const k = `${i}\u0001${terms[i]}`;
            termCounts.set(k, (termCounts.get(k) ?? 0) + 1);
          }
        }
        // Pass 2: each value's candidate (term count, frequent terms by position).
        interface Group { count: number; first: number; wild: boolean[]; split: Split }
        const groups = new Map<string, Group>();
        const keyOf: (string | undefined)[] = new Array(n);
        for (let r = 0; r < n; r++) {
          const s = split(values[r]);
          const wild = s.terms.map((t, i) => (termCounts.get(`${i}\u0001${t}`) ?? 0) < support);
          if (wild.every((w) => w)) continue; // no frequent term: an outlier
          let key = `${s.terms.length}`;
          for (let i = 0; i < s.terms.length; i++) key += wild[i] ? '\u0001\u0002' : `\u0001${s.terms[i]}`;
          keyOf[r] = key;
          const g = groups.get(key);
          if (g) g.count++;
          else groups.set(key, { count: 1, first: r, wild, split: s });
        }
        const kept = [...groups.entries()].filter(([, g]) => g.count >= support);
        kept.sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
        const result = new Map<string, [string, number, string]>();
        let grouped = 0;
        for (const [key, g] of kept) {
          result.set(key, [renderPattern(g.split, g.wild), g.count, values[g.first]]);
          grouped += g.count;
        }
        const others: [string, number, string] = ['others', n - grouped, ''];
        if (source) {
          const rows: Row[] = table.rows.map((row, r) => {
            const k = keyOf[r];
            return [...row, ...((k !== undefined && result.get(k)) || others)];
          });
          return { columns, rows, owned: true };
        }
        const rows: Row[] = [...result.values()];
        if (others[1] > 0) rows.push(others);
        return { columns, rows, owned: true };
      },
    };
  },
};
