/**
 * Tokens of KQL. Keywords are "soft": they also belong to the Identifier category,
 * so a column may be named `kind`, `type` or `count` where Kusto allows it.
 */
import { createToken, Lexer, tokenMatcher, type IToken, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_$][A-Za-z0-9_]*/ });
/** ['col name'] or ["col name"]: a quoted identifier. */
export const BracketIdentifier = createToken({ name: 'BracketIdentifier', pattern: /\[\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*\]/ });

// Literals. Order matters: timespans before reals before longs.
export const TimespanLiteral = createToken({
  name: 'TimespanLiteral',
  pattern: /\d+(?:\.\d+)?(?:days?|d|hours?|hrs?|h|minutes?|min|m(?!s|icro|illi)|seconds?|sec|s|milliseconds?|millis?|ms|microseconds?|micros?|ticks?)(?![A-Za-z0-9_])/,
});
// `1.5`, `1.`, `.5`, `1e3`; `7.0..8.9` is two reals around `..`.
export const RealLiteral = createToken({ name: 'RealLiteral', pattern: /(?:\d+\.\d+(?:[eE][+-]?\d+)?|\d+\.(?![.\d])|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)(?![A-Za-z_])/ });
export const HexLiteral = createToken({ name: 'HexLiteral', pattern: /0[xX][0-9a-fA-F]+/ });
export const LongLiteral = createToken({ name: 'LongLiteral', pattern: /\d+/ });
export const StringLiteral = createToken({
  name: 'StringLiteral',
  // "..." and '...' with backslash escapes; @"..." and @'...' verbatim (quote doubled); optional h/H obfuscation prefix.
  // Unrolled loops (runs of plain characters, then one escape): a 10 MB literal must not exhaust the regex engine.
  pattern: /[hH]?(?:@"[^"]*(?:""[^"]*)*"|@'[^']*(?:''[^']*)*'|"[^"\\\n\r]*(?:\\.[^"\\\n\r]*)*"|'[^'\\\n\r]*(?:\\.[^'\\\n\r]*)*')/,
});
export const MultilineString = createToken({ name: 'MultilineString', pattern: /```[\s\S]*?```|~~~[\s\S]*?~~~/ });

// Punctuation and operators (longest first).
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./ });
export const EqEq = createToken({ name: 'EqEq', pattern: /==/ });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=|<>/ });
export const EqTilde = createToken({ name: 'EqTilde', pattern: /=~/ });
export const NotTilde = createToken({ name: 'NotTilde', pattern: /!~/ });
export const LtEq = createToken({ name: 'LtEq', pattern: /<=/ });
export const GtEq = createToken({ name: 'GtEq', pattern: /=>|>=/ });
export const Lt = createToken({ name: 'Lt', pattern: /</ });
export const Gt = createToken({ name: 'Gt', pattern: />/ });
export const Eq = createToken({ name: 'Eq', pattern: /=/ });
export const Plus = createToken({ name: 'Plus', pattern: /\+/ });
export const Minus = createToken({ name: 'Minus', pattern: /-/ });
export const Star = createToken({ name: 'Star', pattern: /\*/ });
export const Slash = createToken({ name: 'Slash', pattern: /\// });
export const Percent = createToken({ name: 'Percent', pattern: /%/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/ });

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
});
export const InTilde = createToken({ name: 'InTilde', pattern: /in~/ });

/** Operator names spelled with a hyphen (mv-apply, project-away, ...): one token each. */
function hyphenated(word: string): TokenType {
  return createToken({ name: `Kw_${word}`, pattern: new RegExp(`${word}(?![A-Za-z0-9_-])`) });
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
    pattern: /(?:project-smart|make-series|parse-where|parse-kv|partition-by|top-nested|top-hitters|as-of)(?![A-Za-z0-9_-])/,
  }),
};

/** datetime(now) and datetime(today): the query's now() and the start of its day. */
export const DatetimeNow = createToken({ name: 'DatetimeNow', pattern: /datetime\(\s*(?:now|today)\s*\)/ });

/** datetime(2024-01-01 10:00), timespan(1d), int(null), guid(...): typed literals whose body is free text. */
export const TypedLiteral = createToken({
  name: 'TypedLiteral',
  pattern: /(?:datetime|date|timespan|time|guid|int|long|real|double|bool|boolean|decimal)\(\s*[^()]*\)/,
});

function escape(s: string): string {
  return s.replace(/[~]/g, '\\~');
}

const keywordTokens: TokenType[] = [];
function keyword(word: string, pattern: RegExp = new RegExp(word)): TokenType {
  const token = createToken({ name: `Kw_${word}`, pattern, longer_alt: Identifier, categories: [Identifier] });
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
  true: keyword('true', /true|True|TRUE/),
  false: keyword('false', /false|False|FALSE/),
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
  HexLiteral,
  RealLiteral,
  LongLiteral,
  NegatedWordOperator,
  InTilde,
  ...Object.values(Hyphenated),
  DatetimeNow,
  TypedLiteral,
  // Keywords: longer ones first so `has_any` is not lexed as `has` + `_any` (longer_alt also guards this).
  ...keywordTokens.sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
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

export const kqlLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });

/** True for identifiers and for keywords used as names (keywords belong to the Identifier category). */
export function isIdentifierToken(t: IToken): boolean {
  return tokenMatcher(t, Identifier);
}
