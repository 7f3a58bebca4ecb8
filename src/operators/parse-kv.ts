/**
 * parse-kv Expr as (Key:type, ...) with (...) (parse-kv-operator.md): adds one column per listed key, from
 * the first occurrence of the key in the text; a missing key or a value that does not convert is null
 * ('' for strings). Three modes:
 * - pair_delimiter and kv_delimiter given: the text is split into pairs (quotes protect delimiters; escape
 *   characters work inside quotes), each pair at its first kv delimiter; with greedy=true a piece without a
 *   kv delimiter belongs to the previous value.
 * - no delimiters: any character that is not a letter or digit separates; a key is a word followed by
 *   separators and its value is the next word (or quoted text).
 * - regex: an RE2 pattern with two groups, the key and the value, matched repeatedly.
 * Keys and values are trimmed of white space. Work is linear in the text (the regex mode is RE2).
 */
import type { EvalContext } from '../functions/registry-types.js';
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import type { ColumnSchema } from '../runtime/types.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { NameAllocator } from '../binder/naming.js';
import { compileRegex, regexError, allMatches } from '../functions/regex.js';
import { valueToString } from '../runtime/values.js';
import { convertText } from './parse.js';

interface Quoting {
  quotes: [string, string][];
  escapes: string[];
}

/** Reads quoted text starting at `i` (an opening quote); returns the text without quotes and the index after the closing quote. */
function readQuoted(text: string, i: number, close: string, q: Quoting): [string, number] {
  let out = '';
  let j = i + 1;
  while (j < text.length && text[j] !== close) {
    if (q.escapes.includes(text[j]) && j + 1 < text.length) j++;
    out += text[j++];
  }
  return [out, Math.min(j + 1, text.length)];
}

/** Splits on `delim` outside quotes; quoted parts keep their quotes (removed later by unquote). */
function splitOutsideQuotes(text: string, delim: string, q: Quoting): string[] {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const quote = q.quotes.find(([open]) => text[i] === open);
    if (quote) {
      i = readQuoted(text, i, quote[1], q)[1];
      continue;
    }
    if (text.startsWith(delim, i)) {
      parts.push(text.slice(start, i));
      i += delim.length;
      start = i;
      continue;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Index of the first `delim` outside quotes, or -1. */
function indexOutsideQuotes(text: string, delim: string, q: Quoting): number {
  let i = 0;
  while (i < text.length) {
    const quote = q.quotes.find(([open]) => text[i] === open);
    if (quote) {
      i = readQuoted(text, i, quote[1], q)[1];
      continue;
    }
    if (text.startsWith(delim, i)) return i;
    i++;
  }
  return -1;
}

function unquote(text: string, q: Quoting): string {
  const t = text.trim();
  const quote = q.quotes.find(([open]) => t[0] === open);
  if (!quote) return t;
  return readQuoted(t, 0, quote[1], q)[0].trim();
}

const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);

export const parseKv: OperatorDef<A.ParseKvOp> = {
  op: 'parse-kv',
  description: 'Extracts the listed keys of key/value text into typed columns (delimiters, free form or regex).',
  bind(node, input, tools) {
    const source = tools.expr(node.source, input);
    const opt = (name: string) => node.options.filter((o) => o.name === name).map((o) => o.value);
    const quoting: Quoting = {
      quotes: (opt('quote') as string[]).map((s) => {
        if (s.length < 1 || s.length > 2) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'parse-kv: a quote is one or two characters', node.span);
        return [s[0], s[s.length - 1]] as [string, string];
      }),
      escapes: (opt('escape') as string[]).map((s) => {
        if (s.length !== 1) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'parse-kv: an escape is one character', node.span);
        return s;
      }),
    };
    const pairDelim = opt('pair_delimiter')[0] as string | undefined;
    const kvDelim = opt('kv_delimiter')[0] as string | undefined;
    const greedy = opt('greedy')[0] === true;
    const regex = opt('regex')[0] as string | undefined;
    if ((pairDelim === undefined) !== (kvDelim === undefined)) {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'parse-kv: pair_delimiter and kv_delimiter go together', node.span);
    }
    if (pairDelim === '' || kvDelim === '') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'parse-kv: a delimiter cannot be empty', node.span);
    let re: ReturnType<typeof compileRegex> = null;
    if (regex !== undefined) {
      const error = regexError(regex);
      if (error) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `parse-kv: the regex does not compile. ${error}`, node.span);
      re = compileRegex(regex)!;
      if (re.groupCount() !== 2) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'parse-kv: the regex must have exactly two capturing groups (key, value)', node.span);
    }
    const wanted = new Map(node.keys.map((k, i) => [k.name, i]));

    const extract = (text: string, ctx: EvalContext): (string | undefined)[] => {
      const found: (string | undefined)[] = new Array(node.keys.length).fill(undefined);
      const offer = (key: string, value: string) => {
        const i = wanted.get(key);
        if (i !== undefined && found[i] === undefined) found[i] = value;
      };
      if (re) {
        for (const m of allMatches(re, text, { fn: 'parse-kv', ctx })) offer((m.groups[1] ?? '').trim(), (m.groups[2] ?? '').trim());
      } else if (pairDelim !== undefined && kvDelim !== undefined) {
        let pairs = splitOutsideQuotes(text, pairDelim, quoting);
        if (greedy) {
          const merged: string[] = [];
          for (const p of pairs) {
            if (indexOutsideQuotes(p, kvDelim, quoting) >= 0 || merged.length === 0) merged.push(p);
            else merged[merged.length - 1] += pairDelim + p;
          }
          pairs = merged;
        }
        for (const p of pairs) {
          const at = indexOutsideQuotes(p, kvDelim, quoting);
          if (at >= 0) offer(unquote(p.slice(0, at), quoting), unquote(p.slice(at + kvDelim.length), quoting));
        }
      } else {
        // Free form: words are runs of letters and digits (or quoted text); a key is followed by separators, then its value.
        const words: { text: string; end: number }[] = [];
        let i = 0;
        while (i < text.length) {
          const quote = quoting.quotes.find(([open]) => text[i] === open);
          if (quote) {
            const [inner, next] = readQuoted(text, i, quote[1], quoting);
            words.push({ text: inner.trim(), end: next });
            i = next;
          } else if (isWordChar(text[i])) {
            const start = i;
            while (i < text.length && isWordChar(text[i])) i++;
            words.push({ text: text.slice(start, i), end: i });
          } else i++;
        }
        for (let w = 0; w + 1 < words.length; w++) offer(words[w].text, words[w + 1].text);
      }
      return found;
    };

    const columns: ColumnSchema[] = [...input];
    const names = new NameAllocator(input.map((c) => c.name));
    for (const k of node.keys) columns.push({ name: names.unique(k.name), type: k.type });
    const empty = node.keys.map((k) => (k.type === 'string' ? '' : null));
    return {
      columns,
      flow: 'extend',
      run: (table, ctx) => ({
        columns,
        rows: table.rows.map((row) => {
          const v = source.evaluate(row, ctx);
          const text = typeof v === 'string' ? v : v === null || v === undefined ? '' : valueToString(v, source.type);
          const found = extract(text, ctx);
          const out = row.slice(0, input.length);
          node.keys.forEach((k, i) => {
            const raw = found[i];
            const converted = raw === undefined ? undefined : convertText(raw, k.type);
            out.push(converted === undefined ? empty[i] : converted);
          });
          return out;
        }),
        owned: true,
      }),
    };
  },
};
