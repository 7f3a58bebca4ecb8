// The grammar as Chevrotain checks it. For speed the engine builds its lexer and parser without
// Chevrotain's definition checks and takes the parser's lookahead from a pre-computed table
// (src/parser/lookahead.ts); these tests run the checks and make sure the table is current and gives
// the same parses as Chevrotain's own lookahead.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { KqlError } from '../../src/errors/index.js';
import { computeLookaheadTable } from '../../src/parser/lookahead.js';
import { LOOKAHEAD_TABLE } from '../../src/parser/lookahead.generated.js';
import { KqlParser, MAX_LOOKAHEAD } from '../../src/parser/parser.js';
import { allTokens, kqlLexer } from '../../src/parser/tokens.js';
import { genQuery, mutateQuery, prng, SNIPPETS } from '../../scripts/fuzz-lib.js';
import { ORACLE_CASES } from '../oracle/oracle-cases.js';
import { listQueryFiles } from '../support/queries.js';

describe('grammar definition', () => {
  it('passes Chevrotain’s grammar checks (ambiguities, left recursion, ...)', () => {
    // Throws "Parser Definition Errors detected" on a broken grammar.
    expect(() => new KqlParser({ validate: true })).not.toThrow();
  });

  it('the tokens pass Chevrotain’s lexer checks', () => {
    const lexer = kqlLexer({ validate: true }); // throws on definition errors
    expect(lexer.lexerDefinitionErrors).toEqual([]);
    expect((lexer as unknown as { lexerDefinitionWarning: unknown[] }).lexerDefinitionWarning).toEqual([]);
  });

  it('the tokens’ start_chars_hint and line_breaks agree with Chevrotain’s analysis of their patterns', () => {
    // The same patterns without the hints: Chevrotain parses each regular expression to find them.
    const plain = allTokens.map((t) => createToken({ name: t.name, pattern: t.PATTERN!, ...(t.GROUP === undefined ? {} : { group: t.GROUP }) }));
    const analysed = lexerAnalysis(new Lexer(plain, { positionTracking: 'full', skipValidations: true }));
    expect(lexerAnalysis(kqlLexer())).toEqual(analysed);
    expect(analysed.optimized).toBe(true);
  });

  it('the stored lookahead table matches the grammar (else run `npm run gen:lookahead`)', () => {
    const parser = new KqlParser({ validate: true });
    const current = computeLookaheadTable(Object.values(parser.getGAstProductions()), allTokens, MAX_LOOKAHEAD);
    expect(LOOKAHEAD_TABLE?.fingerprint, 'src/parser/lookahead.generated.ts is stale: run `npm run gen:lookahead`').toBe(current.fingerprint);
    expect(LOOKAHEAD_TABLE).toEqual(current);
  });
});

/** What Chevrotain derived from the token patterns when it built a lexer (internal fields, pinned version). */
function lexerAnalysis(lexer: Lexer) {
  const internal = lexer as unknown as {
    canModeBeOptimized: Record<string, boolean>;
    patternIdxToConfig: Record<string, { tokenType: TokenType; canLineTerminator: boolean }[]>;
    charCodeToPatternIdxToConfig: Record<string, ({ tokenType: TokenType }[] | undefined)[]>;
  };
  return {
    optimized: internal.canModeBeOptimized.defaultMode,
    lineBreaks: internal.patternIdxToConfig.defaultMode.map((c) => `${c.tokenType.name}: ${c.canLineTerminator}`),
    // Deduplicated: characters above 255 share a bucket per 256 codes, and a hint lists each of its
    // characters, so WhiteSpace's hint enters one bucket several times (harmless: same token, same try).
    firstChars: internal.charCodeToPatternIdxToConfig.defaultMode
      .map((list, code) => `${code}: ${[...new Set((list ?? []).map((c) => c.tokenType.name))].join(' ')}`)
      .filter(Boolean),
  };
}

/** What a parser makes of a query: its AST, or its first syntax error (thrown or recorded). */
function outcome(parser: KqlParser, text: string): unknown {
  const lexed = kqlLexer().tokenize(text);
  parser.input = lexed.tokens;
  try {
    const query = parser.query();
    if (parser.errors.length) {
      const e = parser.errors[0];
      return { error: e.name, message: e.message, at: e.token.startOffset };
    }
    return { query };
  } catch (err) {
    if (err instanceof KqlError) return { thrown: err.code, message: err.message, at: err.span.offset };
    if (err instanceof RangeError) return { thrown: 'RangeError' };
    throw err;
  }
}

describe('stored lookahead', () => {
  it('parses exactly as Chevrotain’s own lookahead functions', () => {
    const stored = new KqlParser();
    const chevrotain = new KqlParser({ validate: true });
    const r = prng(20261206);
    const base = [...listQueryFiles().map((f) => f.text), ...SNIPPETS, ...ORACLE_CASES.map(([, q]) => q)];
    const generated = Array.from({ length: 250 }, () => genQuery(r));
    const queries = [...base, ...generated];
    // Broken queries exercise the decisions that need two tokens (a known operator followed by
    // something that does not fit it, ...): a mutated copy of every query.
    for (const q of [...base, ...generated]) queries.push(mutateQuery(r, q));
    // Long literals beyond 2^53 are bigints in the AST, which JSON.stringify alone refuses.
    const asText = (x: unknown) => JSON.stringify(x, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    let compared = 0;
    for (const q of queries) {
      if (q.length > 5_000) continue; // the huge mutations test limits, not lookahead
      const a = outcome(stored, q);
      const b = outcome(chevrotain, q);
      if (asText(a) !== asText(b)) expect(a, q).toEqual(b);
      compared++;
    }
    expect(compared).toBeGreaterThan(600);
  });

  it('with a stale table the parser computes the lookahead itself, with the same results', () => {
    const table = LOOKAHEAD_TABLE as { fingerprint: string };
    const fingerprint = table.fingerprint;
    let fallback: KqlParser;
    try {
      table.fingerprint = 'stale';
      fallback = new KqlParser();
    } finally {
      table.fingerprint = fingerprint;
    }
    const chevrotain = new KqlParser({ validate: true });
    for (const q of [...SNIPPETS, ...ORACLE_CASES.map(([, text]) => text), 'T | where', 'T | project , x', 'let f = (a: long) { a }; f(1)']) {
      expect(outcome(fallback, q), q).toEqual(outcome(chevrotain, q));
    }
  });
});
