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
    // Report whichever problem comes first in the text: the grammar error in the tokens before the bad
    // character (as Kusto does for a stray quote after a complete statement), else the bad character.
    const e = lexed.errors[0];
    const before = lexed.tokens.filter((t) => t.startOffset < e.offset);
    const grammarError = before.length ? firstGrammarError(before, text) : undefined;
    if (grammarError && grammarError.span.offset < e.offset && !grammarError.message.startsWith('The query ends unexpectedly')) throw grammarError;
    const ch = text[e.offset];
    const unterminated = ch === '"' || ch === "'" || (ch === '@' && (text[e.offset + 1] === '"' || text[e.offset + 1] === "'"));
    throw new KqlSyntaxError(
      unterminated ? ErrorCodes.SYN_UNTERMINATED_STRING : ErrorCodes.SYN_UNEXPECTED_CHARACTER,
      unterminated ? 'This string literal is never closed' : `Unexpected character '${ch}'`,
      { offset: e.offset, length: e.length, line: e.line ?? 1, column: e.column ?? 1 },
    );
  }
  if (lexed.tokens.length === 0) {
    throw new KqlSyntaxError(ErrorCodes.SYN_EMPTY_QUERY, 'The query is empty', { offset: 0, length: 0, line: 1, column: 1 });
  }
  const { query, error } = runParser(lexed.tokens, text);
  if (error) throw error;
  return query!;
}

/** The first grammar error in a token list, if any. */
function firstGrammarError(tokens: IToken[], text: string): KqlSyntaxError | undefined {
  try {
    return runParser(tokens, text).error;
  } catch (err) {
    if (err instanceof KqlSyntaxError) return err;
    return undefined;
  }
}

function runParser(tokens: IToken[], text: string): { query?: Query; error?: KqlSyntaxError } {
  sharedParser ??= new KqlParser();
  const parser = sharedParser;
  parser.input = tokens;
  let query: Query;
  try {
    query = parser.query();
  } catch (err) {
    if (err instanceof KqlError) throw err;
    if (err instanceof RangeError) {
      throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, 'The query is nested too deeply to parse', tokenSpan(tokens[0]));
    }
    throw err;
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
