/** Entry point of the parser: query text -> AST, or a KqlSyntaxError with line and column. */
import type { IToken } from 'chevrotain';
import { kqlLexer } from './tokens.js';
import { KqlParser, tokenSpan } from './parser.js';
import type { Query } from './ast.js';
import { KqlError, KqlSyntaxError, ErrorCodes } from '../errors/index.js';

let sharedParser: KqlParser | undefined;

export function parseQuery(text: string): Query {
  const lexed = kqlLexer.tokenize(text);
  if (lexed.errors.length) {
    const e = lexed.errors[0];
    const ch = text[e.offset];
    const unterminated = ch === '"' || ch === "'" || ch === '@';
    throw new KqlSyntaxError(
      unterminated ? ErrorCodes.SYN_UNTERMINATED_STRING : ErrorCodes.SYN_UNEXPECTED_CHARACTER,
      unterminated ? 'This string literal is never closed' : `Unexpected character '${ch}'`,
      { offset: e.offset, length: e.length, line: e.line ?? 1, column: e.column ?? 1 },
    );
  }
  if (lexed.tokens.length === 0) {
    throw new KqlSyntaxError(ErrorCodes.SYN_EMPTY_QUERY, 'The query is empty', { offset: 0, length: 0, line: 1, column: 1 });
  }
  sharedParser ??= new KqlParser();
  const parser = sharedParser;
  parser.input = lexed.tokens;
  let query: Query;
  try {
    query = parser.query();
  } catch (err) {
    if (err instanceof KqlError) throw err;
    if (err instanceof RangeError) {
      throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, 'The query is nested too deeply to parse', tokenSpan(lexed.tokens[0]));
    }
    throw err;
  }
  if (parser.errors.length) {
    const e = parser.errors[0];
    throw syntaxErrorAt(e.token, lexed.tokens, text);
  }
  return query;
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
