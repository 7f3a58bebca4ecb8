/** Entry point of the parser: query text -> AST, or a KqlSyntaxError with line and column. */
import type { IToken, Lexer } from 'chevrotain';
import { tokenizeLimited, TooManyTokens } from './tokens.js';
import { KqlParser, tokenSpan } from './parser.js';
import type { Query } from './ast.js';
import { KqlError, KqlSyntaxError, ErrorCodes, type Span } from '../errors/index.js';

let sharedParser: KqlParser | undefined;

/**
 * The deepest AST nesting accepted (parentheses, operands of chained binary operators, pipe operators of
 * one pipeline, nested calls, ...). The binder and the compiled closures recurse over the tree, so a
 * deeper query would overflow the stack there; it is rejected here with a KqlSyntaxError instead.
 */
export const MAX_QUERY_DEPTH = 1000;

/**
 * The most tokens a query may have. Parsing costs roughly 10-15 microseconds a token, so this bounds the
 * parse to a few seconds; real analytics rules have a few thousand tokens at most. Comments, whitespace
 * and the length of string literals do not count.
 */
export const MAX_QUERY_TOKENS = 200_000;

/**
 * A run's deadline while parsing (RunGuard.tick): lexing reports one unit per token, parsing
 * PARSE_UNITS_PER_TOKEN per token consumed, so `timeoutMs` holds inside the parser too.
 */
export interface ParseGuard {
  tick(units?: number): void;
}

/** Parsing a token costs about ten times lexing one (roughly 10 and 0.7 microseconds). */
const PARSE_UNITS_PER_TOKEN = 8;

export function parseQuery(text: string, guard?: ParseGuard): Query {
  let lexed: ReturnType<Lexer['tokenize']>;
  try {
    lexed = tokenizeLimited(text, MAX_QUERY_TOKENS, guard ? () => guard.tick(1) : undefined);
  } catch (err) {
    // The lexer stops at the first token past the limit: megabytes of `(` are rejected after 200,000 tokens.
    if (err instanceof TooManyTokens) {
      throw new KqlSyntaxError(
        ErrorCodes.SYN_UNEXPECTED_TOKEN,
        `The query is too long: it has more than the ${MAX_QUERY_TOKENS.toLocaleString('en-US')} tokens mini-kql parses (MAX_QUERY_TOKENS)`,
        tokenSpan(err.token),
      );
    }
    // A token pattern can exhaust the regex engine's stack on a huge token (a multi-megabyte string literal).
    if (err instanceof RangeError) {
      throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, 'The query text is too large to read (a token is too long)', { offset: 0, length: 0, line: 1, column: 1 });
    }
    throw err;
  }
  if (lexed.errors.length) {
    // Report whichever problem comes first in the text: the grammar error in the tokens before the bad
    // character (as Kusto does for a stray quote after a complete statement), else the bad character.
    const e = lexed.errors[0];
    const before = lexed.tokens.filter((t) => t.startOffset < e.offset);
    const grammarError = before.length ? firstGrammarError(before, text, guard) : undefined;
    if (grammarError && grammarError.span.offset < e.offset && !grammarError.message.startsWith('The query ends unexpectedly')) throw grammarError;
    const ch = String.fromCodePoint(text.codePointAt(e.offset) ?? 0);
    const unterminated = ch === '"' || ch === "'" || (ch === '@' && (text[e.offset + 1] === '"' || text[e.offset + 1] === "'"));
    // The lexer stops at its first error (no recovery), so the error's own length is 0: the span is the character.
    throw new KqlSyntaxError(
      unterminated ? ErrorCodes.SYN_UNTERMINATED_STRING : ErrorCodes.SYN_UNEXPECTED_CHARACTER,
      unterminated ? 'This string literal is never closed' : `Unexpected character '${ch}'`,
      { offset: e.offset, length: Math.max(e.length, ch.length), line: e.line ?? 1, column: e.column ?? 1 },
    );
  }
  if (lexed.tokens.length === 0) {
    throw new KqlSyntaxError(ErrorCodes.SYN_EMPTY_QUERY, 'The query is empty', { offset: 0, length: 0, line: 1, column: 1 });
  }
  checkBracketDepth(lexed.tokens);
  const { query, error } = runParser(lexed.tokens, text, guard);
  if (error) throw error;
  checkDepth(query!);
  return query!;
}

/**
 * Before the parser runs: a KqlSyntaxError at the first bracket ((, [ or {) nested deeper than
 * MAX_QUERY_DEPTH. Each level is several parser rules deep, so such a query could only overflow the
 * parser's stack (far below this depth); this names the place instead of the first token.
 */
function checkBracketDepth(tokens: IToken[]): void {
  let depth = 0;
  for (const t of tokens) {
    const image = t.image;
    if (image === '(' || image === '[' || image === '{') {
      if (++depth > MAX_QUERY_DEPTH) {
        throw new KqlSyntaxError(
          ErrorCodes.SYN_UNEXPECTED_TOKEN,
          `The query is nested too deeply (more than ${MAX_QUERY_DEPTH} levels of brackets): split it, for example with let statements`,
          tokenSpan(t),
        );
      }
    } else if (image === ')' || image === ']' || image === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
}

/** Throws a KqlSyntaxError at the first node nested deeper than MAX_QUERY_DEPTH. Iterative: no recursion. */
function checkDepth(query: Query): void {
  const stack: [unknown, number][] = [[query, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    let next = depth;
    if (!Array.isArray(value) && typeof (value as { kind?: unknown }).kind === 'string') {
      next = depth + 1;
      if (next > MAX_QUERY_DEPTH) {
        const span = (value as { span?: Span }).span ?? { offset: 0, length: 0, line: 1, column: 1 };
        throw new KqlSyntaxError(
          ErrorCodes.SYN_UNEXPECTED_TOKEN,
          `The query is nested too deeply (more than ${MAX_QUERY_DEPTH} levels of parentheses, operators or pipes): split it, for example with let statements`,
          span,
        );
      }
    }
    for (const key in value as object) {
      if (key === 'span' || key.endsWith('Span')) continue;
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push([child, next]);
    }
  }
}

/** The first grammar error in a token list, if any. */
function firstGrammarError(tokens: IToken[], text: string, guard?: ParseGuard): KqlSyntaxError | undefined {
  try {
    return runParser(tokens, text, guard).error;
  } catch (err) {
    if (err instanceof KqlSyntaxError) return err;
    if (err instanceof KqlError) throw err; // the run's deadline
    return undefined;
  }
}

/** Chevrotain's parser internals: every token the grammar consumes goes through consumeToken. */
interface ParserInternals {
  consumeToken(): void;
}

/** The guard of the parse in progress, ticked per token consumed (see parserWithTicks). */
let parseTick: (() => void) | undefined;

/** The shared parser, whose consumeToken also ticks the current parse's guard. */
function parserWithTicks(): KqlParser {
  if (!sharedParser) {
    const parser = new KqlParser();
    const internals = parser as unknown as ParserInternals;
    const consume = internals.consumeToken;
    internals.consumeToken = function (this: ParserInternals) {
      consume.call(this);
      parseTick?.();
    };
    sharedParser = parser;
  }
  return sharedParser;
}

function runParser(tokens: IToken[], text: string, guard?: ParseGuard): { query?: Query; error?: KqlSyntaxError } {
  const parser = parserWithTicks();
  parser.input = tokens;
  let query: Query;
  parseTick = guard ? () => guard.tick(PARSE_UNITS_PER_TOKEN) : undefined;
  try {
    query = parser.query();
  } catch (err) {
    if (err instanceof KqlError) throw err;
    if (err instanceof RangeError) {
      throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, 'The query is nested too deeply to parse', tokenSpan(tokens[0]));
    }
    throw err;
  } finally {
    parseTick = undefined;
  }
  if (parser.errors.length) return { error: syntaxErrorAt(parser.errors[0].token, tokens, text) };
  return { query };
}

function syntaxErrorAt(token: IToken, tokens: IToken[], text: string): KqlSyntaxError {
  // At end of input Chevrotain reports an EOF token without a position: point just after the last token.
  if (token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset)) {
    const last = tokens[tokens.length - 1];
    const span = tokenSpan(last);
    return new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `The query ends unexpectedly after '${last.image}'`, {
      offset: span.offset + span.length, length: 0, line: span.line, column: span.column + span.length,
    });
  }
  void text;
  return new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `Unexpected '${token.image}'`, tokenSpan(token));
}
