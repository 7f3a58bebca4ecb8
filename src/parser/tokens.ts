/**
 * Tokens of KQL. Keywords are "soft": they also belong to the Identifier category,
 * so a column may be named `kind`, `type` or `count` where Kusto allows it.
 */
import { createToken, Lexer, tokenMatcher, type IToken, type TokenType } from 'chevrotain';

// Start-up: for a token given as a RegExp, Chevrotain works out which characters can start it and
// whether it can contain a line break by parsing the regular expression, when the lexer is built.
// `start_chars_hint` and `line_breaks` state both, so that work is skipped for the larger patterns;
// test/parser/grammar.test.ts checks them against Chevrotain's own analysis of the patterns.
const DIGITS = [...'0123456789'];

// What `\s` matches in JavaScript (test/parser/grammar.test.ts checks the list against Chevrotain's analysis).
const WHITESPACE_CHARS = [...'\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff'];
for (let c = 0x2000; c <= 0x200a; c++) WHITESPACE_CHARS.push(String.fromCharCode(c));

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, start_chars_hint: WHITESPACE_CHARS, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED, start_chars_hint: ['/'], line_breaks: false });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_$][A-Za-z0-9_]*/,
  start_chars_hint: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$'],
  line_breaks: false,
});
/** ['col name'] or ["col name"]: a quoted identifier. */
export const BracketIdentifier = createToken({
  name: 'BracketIdentifier',
  pattern: /\[\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*\]/,
  start_chars_hint: ['['],
  line_breaks: true,
});

// Literals. Order matters: timespans before reals before longs.
export const TimespanLiteral = createToken({
  name: 'TimespanLiteral',
  pattern: /\d+(?:\.\d+)?(?:days?|d|hours?|hrs?|h|minutes?|min|m(?!s|icro|illi)|seconds?|sec|s|milliseconds?|millis?|ms|microseconds?|micros?|ticks?)(?![A-Za-z0-9_])/,
  start_chars_hint: DIGITS,
  line_breaks: false,
});
// `1.5`, `1.`, `.5`, `1e3`; `7.0..8.9` is two reals around `..`.
export const RealLiteral = createToken({
  name: 'RealLiteral',
  pattern: /(?:\d+\.\d+(?:[eE][+-]?\d+)?|\d+\.(?![.\d])|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)(?![A-Za-z_])/,
  start_chars_hint: [...DIGITS, '.'],
  line_breaks: false,
});
/**
 * A name that starts with digits (`5h_MovingAvg`, `1a1`, `0x1g`): Kusto takes digits followed by a letter or `_`
 * as a name when the text is not a timespan, real or hex literal (the analyzer accepts `extend 5h_MovingAvg = 1`).
 * Lexed before the numeric literals, which it must never shadow (the lookaheads exclude them).
 */
export const DigitIdentifier = createToken({
  name: 'DigitIdentifier',
  pattern: /(?!0[xX][0-9a-fA-F]+(?![A-Za-z0-9_]))(?!\d+[eE][+-]?\d+(?![A-Za-z_]))\d+[A-Za-z_][A-Za-z0-9_]*/,
  start_chars_hint: DIGITS,
  line_breaks: false,
  categories: [Identifier],
});
export const HexLiteral = createToken({ name: 'HexLiteral', pattern: /0[xX][0-9a-fA-F]+/, start_chars_hint: ['0'], line_breaks: false });
export const LongLiteral = createToken({ name: 'LongLiteral', pattern: /\d+/, start_chars_hint: DIGITS, line_breaks: false });
export const StringLiteral = createToken({
  name: 'StringLiteral',
  // "..." and '...' with backslash escapes; @"..." and @'...' verbatim (quote doubled); optional h/H obfuscation prefix.
  // Unrolled loops (runs of plain characters, then one escape): a 10 MB literal must not exhaust the regex engine.
  pattern: /[hH]?(?:@"[^"]*(?:""[^"]*)*"|@'[^']*(?:''[^']*)*'|"[^"\\\n\r]*(?:\\.[^"\\\n\r]*)*"|'[^'\\\n\r]*(?:\\.[^'\\\n\r]*)*')/,
  start_chars_hint: ['h', 'H', '@', '"', "'"],
  line_breaks: true, // verbatim strings
});
export const MultilineString = createToken({ name: 'MultilineString', pattern: /```[\s\S]*?```|~~~[\s\S]*?~~~/, start_chars_hint: ['`', '~'], line_breaks: true });

// Punctuation and operators (longest first). Fixed text is given as a string, not a RegExp: Chevrotain
// then knows its first character without parsing a regular expression when it builds the lexer.
export const DotDot = createToken({ name: 'DotDot', pattern: '..' });
export const EqEq = createToken({ name: 'EqEq', pattern: '==' });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=|<>/, start_chars_hint: ['!', '<'], line_breaks: false });
export const EqTilde = createToken({ name: 'EqTilde', pattern: '=~' });
export const NotTilde = createToken({ name: 'NotTilde', pattern: '!~' });
export const LtEq = createToken({ name: 'LtEq', pattern: '<=' });
export const GtEq = createToken({ name: 'GtEq', pattern: /=>|>=/, start_chars_hint: ['=', '>'], line_breaks: false });
export const Lt = createToken({ name: 'Lt', pattern: '<' });
export const Gt = createToken({ name: 'Gt', pattern: '>' });
export const Eq = createToken({ name: 'Eq', pattern: '=' });
export const Plus = createToken({ name: 'Plus', pattern: '+' });
export const Minus = createToken({ name: 'Minus', pattern: '-' });
export const Star = createToken({ name: 'Star', pattern: '*' });
export const Slash = createToken({ name: 'Slash', pattern: '/' });
export const Percent = createToken({ name: 'Percent', pattern: '%' });
export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
export const LBracket = createToken({ name: 'LBracket', pattern: '[' });
export const RBracket = createToken({ name: 'RBracket', pattern: ']' });
export const LBrace = createToken({ name: 'LBrace', pattern: '{' });
export const RBrace = createToken({ name: 'RBrace', pattern: '}' });
export const Comma = createToken({ name: 'Comma', pattern: ',' });
export const Semicolon = createToken({ name: 'Semicolon', pattern: ';' });
export const Colon = createToken({ name: 'Colon', pattern: ':' });
export const Dot = createToken({ name: 'Dot', pattern: '.' });
export const Pipe = createToken({ name: 'Pipe', pattern: '|' });

/** Word operators that compare strings or lists: has, !contains_cs, in~, has_any, ... */
const WORD_OPS = [
  'has_any', 'has_all', 'hasprefix_cs', 'hasprefix', 'hassuffix_cs', 'hassuffix', 'has_cs', 'has',
  'containscs', 'contains_cs', 'contains', 'startswith_cs', 'startswith', 'endswith_cs', 'endswith',
  'in~', 'in', 'between', 'matches',
];
/** The negated forms: !has, !in~, !between, ... */
export const NegatedWordOperator = createToken({
  name: 'NegatedWordOperator',
  pattern: new RegExp(`!(?:${WORD_OPS.filter((w) => !['has_any', 'has_all', 'matches'].includes(w)).map(escape).join('|')})(?![A-Za-z0-9_~])`),
  start_chars_hint: ['!'],
  line_breaks: false,
});
export const InTilde = createToken({ name: 'InTilde', pattern: 'in~' });

/** Operator names spelled with a hyphen (mv-apply, project-away, ...): one token each. */
function hyphenated(word: string): TokenType {
  return createToken({ name: `Kw_${word}`, pattern: new RegExp(`${word}(?![A-Za-z0-9_-])`), start_chars_hint: [word[0]], line_breaks: false });
}
export const Hyphenated = {
  mvApply: hyphenated('mv-apply'),
  mvExpand: hyphenated('mv-expand'),
  projectAway: hyphenated('project-away'),
  projectRename: hyphenated('project-rename'),
  projectKeep: hyphenated('project-keep'),
  projectReorder: hyphenated('project-reorder'),
  other: createToken({
    name: 'HyphenatedOperator',
    pattern: /(?:project-smart|project-by-names|make-series|parse-where|parse-kv|partition-by|top-nested|top-hitters|sample-distinct|as-of)(?![A-Za-z0-9_-])/,
    start_chars_hint: ['p', 'm', 't', 'a', 's'],
    line_breaks: false,
  }),
};

/** datetime(now) and datetime(today): the query's now() and the start of its day. */
export const DatetimeNow = createToken({ name: 'DatetimeNow', pattern: /datetime\(\s*(?:now|today)\s*\)/, start_chars_hint: ['d'], line_breaks: true });

/** datetime(2024-01-01 10:00), timespan(1d), int(null), guid(...): typed literals whose body is free text. */
export const TypedLiteral = createToken({
  name: 'TypedLiteral',
  pattern: /(?:datetime|date|timespan|time|guid|int|long|real|double|bool|boolean|decimal)\(\s*[^()]*\)/,
  start_chars_hint: ['d', 't', 'g', 'i', 'l', 'r', 'b'],
  line_breaks: true,
});

function escape(s: string): string {
  return s.replace(/[~]/g, '\\~');
}

const keywordTokens: TokenType[] = [];
/** Length of a pattern written as a RegExp literal (`/where/` is 7), which orders the keywords below. */
function patternLength(t: TokenType): number {
  return typeof t.PATTERN === 'string' ? t.PATTERN.length + 2 : String(t.PATTERN).length;
}
/** A soft keyword. Its pattern is the word as a string (see the punctuation above) unless given. */
function keyword(word: string, pattern: RegExp | string = word, startChars?: string[]): TokenType {
  const hints = startChars ? { start_chars_hint: startChars, line_breaks: false } : {};
  const token = createToken({ name: `Kw_${word}`, pattern, longer_alt: Identifier, categories: [Identifier], ...hints });
  keywordTokens.push(token);
  return token;
}

export const Kw = {
  let: keyword('let'),
  datatable: keyword('datatable'),
  print: keyword('print'),
  union: keyword('union'),
  range: keyword('range'),
  and: keyword('and'),
  or: keyword('or'),
  by: keyword('by'),
  on: keyword('on'),
  with: keyword('with'),
  to: keyword('to'),
  from: keyword('from'),
  step: keyword('step'),
  asc: keyword('asc'),
  desc: keyword('desc'),
  nulls: keyword('nulls'),
  first: keyword('first'),
  last: keyword('last'),
  regex: keyword('regex'),
  typeof: keyword('typeof'),
  // Kusto accepts true, True and TRUE.
  true: keyword('true', /true|True|TRUE/, ['t', 'T']),
  false: keyword('false', /false|False|FALSE/, ['f', 'F']),
  dynamic: keyword('dynamic'),
  with_itemindex: keyword('with_itemindex'),
  limit: keyword('limit'),
  kind: keyword('kind'),
  declare: keyword('declare'),
  query_parameters: keyword('query_parameters'),
  externaldata: keyword('externaldata'),
  // Tabular operators that follow a pipe.
  where: keyword('where'),
  filter: keyword('filter'),
  extend: keyword('extend'),
  project: keyword('project'),
  summarize: keyword('summarize'),
  join: keyword('join'),
  lookup: keyword('lookup'),
  distinct: keyword('distinct'),
  take: keyword('take'),
  sort: keyword('sort'),
  order: keyword('order'),
  top: keyword('top'),
  count: keyword('count'),
  mvexpand: keyword('mvexpand'),
  mvapply: keyword('mvapply'),
};

/** Word operators as keyword tokens (positive forms). */
export const WordOp: Record<string, TokenType> = {};
for (const w of WORD_OPS) {
  if (w === 'in~') continue;
  WordOp[w] = keyword(w);
}

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  MultilineString,
  StringLiteral,
  BracketIdentifier,
  TimespanLiteral,
  DigitIdentifier,
  HexLiteral,
  RealLiteral,
  LongLiteral,
  NegatedWordOperator,
  InTilde,
  ...Object.values(Hyphenated),
  DatetimeNow,
  TypedLiteral,
  // Keywords: longer ones first so `has_any` is not lexed as `has` + `_any` (longer_alt also guards this).
  ...keywordTokens.sort((a, b) => patternLength(b) - patternLength(a)),
  Identifier,
  DotDot,
  EqEq,
  NotEq,
  EqTilde,
  NotTilde,
  LtEq,
  GtEq,
  Lt,
  Gt,
  Eq,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Semicolon,
  Colon,
  Dot,
  Pipe,
];

let lexer: Lexer | undefined;

/**
 * The KQL lexer, built on first use (building it analyses every token pattern: tens of ms, not worth
 * paying on import). `validate` builds a fresh one with Chevrotain's pattern checks on, which only
 * fail when the token definitions change (test/parser/grammar.test.ts).
 */
export function kqlLexer(options: { validate?: boolean } = {}): Lexer {
  if (options.validate) return new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
  return (lexer ??= new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false, skipValidations: true }));
}

let stoppingLexer: Lexer | undefined;

/** Thrown out of the lexer by tokenizeLimited when the text has more than `maxTokens` tokens. */
export class TooManyTokens extends Error {
  constructor(readonly token: IToken) {
    super('too many tokens');
  }
}

/** Chevrotain's lexer internals used by tokenizeLimited: every token it keeps goes through addToken. */
interface LexerInternals {
  addToken(vector: IToken[], index: number, token: IToken): number;
}

/**
 * The parser's lexer: the tokens of `text` up to its first invalid character (recovery off: Chevrotain's
 * recovery retries every pattern at every following character, seconds for a megabyte of junk, and the
 * parser reports only the first error anyway). Stops as soon as the text proves longer than `maxTokens`
 * (throwing TooManyTokens with the first token past the limit) instead of lexing megabytes of `(` or `|`
 * into millions of token objects first, and calls `onToken` per token kept (the run's deadline).
 */
export function tokenizeLimited(text: string, maxTokens: number, onToken?: () => void): ReturnType<Lexer['tokenize']> {
  const lx = (stoppingLexer ??= new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false, skipValidations: true, recoveryEnabled: false }));
  const internals = lx as unknown as LexerInternals;
  const add = internals.addToken;
  let count = 0;
  internals.addToken = function (vector, index, token) {
    if (++count > maxTokens) throw new TooManyTokens(token);
    onToken?.();
    return add.call(this, vector, index, token);
  };
  try {
    return lx.tokenize(text);
  } finally {
    internals.addToken = add;
  }
}

/** True for identifiers and for keywords used as names (keywords belong to the Identifier category). */
export function isIdentifierToken(t: IToken): boolean {
  return tokenMatcher(t, Identifier);
}
