/**
 * The KQL grammar as a Chevrotain EmbeddedActionsParser: grammar rules build AST nodes directly
 * (one pass, no separate CST), every node with its source span. AST building sits inside ACTION
 * blocks because Chevrotain replays rules once without input to record the grammar.
 */
import { EmbeddedActionsParser, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
import * as T from './tokens.js';
import { StoredLookaheadStrategy } from './lookahead.js';
import { LOOKAHEAD_TABLE } from './lookahead.generated.js';
import type * as A from './ast.js';
import { joinSpans, type Span } from '../errors/span.js';
import { parseTypeName, type KqlType } from '../runtime/types.js';
import { parseLiteralToken, parseTypedLiteral, negateLiteral } from './literals.js';
import { INT64_MAX } from '../runtime/int64.js';
import { toDynamic } from '../runtime/values.js';
import { KqlSyntaxError, ErrorCodes } from '../errors/index.js';

export function tokenSpan(t: IToken): Span {
  return { offset: t.startOffset, length: t.image.length, line: t.startLine ?? 1, column: t.startColumn ?? 1 };
}

function spanOf(first: IToken | Span, last: IToken | Span): Span {
  const a = 'image' in first ? tokenSpan(first) : first;
  const b = 'image' in last ? tokenSpan(last) : last;
  return joinSpans(a, b);
}

/** `[ 'name' ]` -> name, with escapes resolved. */
export function bracketName(image: string): string {
  const inner = image.slice(1, -1).trim();
  return parseLiteralToken(inner).value as string;
}

const COMPARE_TOKENS: TokenType[] = [T.EqEq, T.NotEq, T.EqTilde, T.NotTilde, T.LtEq, T.GtEq, T.Lt, T.Gt];
/** The visualizations `render` accepts (the analyzer's list). */
const RENDER_KINDS = new Set([
  'table', 'list', 'barchart', 'piechart', 'ladderchart', 'timechart', 'linechart', 'anomalychart', 'pivotchart', 'areachart',
  'stackedareachart', 'scatterchart', 'timepivot', 'columnchart', 'timeline', '3Dchart', 'card', 'treemap', 'plotly', 'graph', 'sankey',
]);
/** The properties of `render ... with (...)` (render-operator.md). */
const RENDER_PROPERTIES = new Set([
  'accumulate', 'kind', 'legend', 'series', 'ymin', 'ymax', 'title', 'xaxis', 'xcolumn', 'xtitle', 'yaxis', 'ycolumns', 'ysplit', 'ytitle', 'anomalycolumns',
]);
const LIST_OPS = new Set(['in', '!in', 'in~', '!in~', 'has_any', 'has_all']);

/** Chevrotain's LL(k) depth for the whole grammar (gates resolve the few places that need more). */
export const MAX_LOOKAHEAD = 2;

export interface KqlParserOptions {
  /**
   * Chevrotain's defaults: run its grammar checks (ambiguities, left recursion, ...) and compute every
   * lookahead function up front. Off for normal use, where the parser skips the checks (they cost
   * hundreds of ms on every start and can only fail when the grammar itself changes) and takes its
   * lookahead from the pre-computed table (./lookahead.ts). test/parser/grammar.test.ts runs both ways.
   */
  validate?: boolean;
}

export class KqlParser extends EmbeddedActionsParser {
  constructor(options: KqlParserOptions = {}) {
    super(
      T.allTokens,
      options.validate
        ? { maxLookahead: MAX_LOOKAHEAD, recoveryEnabled: false }
        : {
            maxLookahead: MAX_LOOKAHEAD,
            recoveryEnabled: false,
            skipValidations: true,
            lookaheadStrategy: new StoredLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD }, LOOKAHEAD_TABLE, T.allTokens),
          },
    );
    this.performSelfAnalysis();
  }

  // ---------- statements ----------

  public query = this.RULE('query', (): A.Query => {
    // Statements are separated by semicolons (empty statements allowed): `a b` is not two statements.
    const statements: A.Statement[] = [];
    this.OPTION(() => { statements.push(this.SUBRULE(this.statement)); });
    this.MANY(() => {
      this.CONSUME(T.Semicolon);
      this.OPTION2(() => { statements.push(this.SUBRULE2(this.statement)); });
    });
    return this.ACTION(() => ({
      kind: 'Query' as const,
      statements,
      span: statements.length ? joinSpans(statements[0].span, statements[statements.length - 1].span) : { offset: 0, length: 0, line: 1, column: 1 },
    }));
  });

  private statement = this.RULE('statement', (): A.Statement => {
    return this.OR({ IGNORE_AMBIGUITIES: true, DEF: [
      { ALT: () => this.SUBRULE(this.letStatement) },
      { GATE: () => this.LA(2).image === 'pattern', ALT: () => this.SUBRULE(this.patternStatement) },
      { ALT: () => this.SUBRULE(this.declareStatement) },
      { GATE: () => this.LA(1).image === 'set' && T.isIdentifierToken(this.LA(2)), ALT: () => this.SUBRULE(this.setStatement) },
      {
        ALT: () => {
          const expr = this.SUBRULE(this.pipeExpr);
          return this.ACTION(() => ({ kind: 'ExpressionStatement' as const, expr, span: expr.span }));
        },
      },
    ] });
  });

  private letStatement = this.RULE('letStatement', (): A.LetStatement => {
    const letTok = this.CONSUME(T.Kw.let);
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(T.Eq);
    const value = this.OR([
      { GATE: () => this.looksLikeFunctionDecl(), ALT: () => this.SUBRULE(this.functionDecl) },
      { ALT: () => this.SUBRULE(this.pipeExpr) },
    ]);
    return this.ACTION(() => ({ kind: 'Let' as const, name: name.name, nameSpan: name.span, value, span: joinSpans(tokenSpan(letTok), value.span) }));
  });

  private declareStatement = this.RULE('declareStatement', (): A.DeclareStatement => {
    const kw = this.CONSUME(T.Kw.declare);
    this.CONSUME(T.Kw.query_parameters);
    this.CONSUME(T.LParen);
    const params: A.DeclareStatement['params'] = [];
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const p = this.SUBRULE(this.identifier);
        this.CONSUME(T.Colon);
        const type = this.SUBRULE(this.typeName);
        let def: A.Expr | undefined;
        this.OPTION(() => { this.CONSUME(T.Eq); def = this.SUBRULE(this.orExpr); });
        this.ACTION(() => params.push({ name: p.name, type, default: def, span: p.span }));
      },
    });
    const close = this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'Declare' as const, params, span: spanOf(kw, close) }));
  });

  /**
   * declare pattern Name [= (Arg:type, ...) [[Path:type]] { (values) [.[path]] = { query }; ... }]
   * (pattern-statement.md); the argument values and types are checked by the binder.
   */
  private patternStatement = this.RULE('patternStatement', (): A.PatternStatement => {
    const kw = this.CONSUME(T.Kw.declare);
    this.CONSUME(T.Identifier); // pattern
    const name = this.SUBRULE(this.identifier);
    let params: A.PatternStatement['params'];
    let path: A.PatternStatement['path'];
    const mappings: A.PatternStatement['mappings'] = [];
    let last: Span = name.span;
    this.OPTION(() => {
      this.CONSUME(T.Eq);
      const declared = this.SUBRULE(this.columnDeclarations); // (name:type, ...), as datatable declares columns
      this.OPTION2(() => {
        this.CONSUME(T.LBracket);
        const p = this.SUBRULE3(this.identifier);
        this.CONSUME2(T.Colon);
        const type = this.SUBRULE2(this.typeName);
        this.CONSUME(T.RBracket);
        this.ACTION(() => { path = { name: p.name, type, span: p.span }; });
      });
      this.CONSUME(T.LBrace);
      this.MANY(() => {
        const open = this.CONSUME2(T.LParen);
        const args: A.Expr[] = [];
        this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => args.push(this.SUBRULE(this.orExpr)) });
        this.CONSUME2(T.RParen);
        let pathValue: { name: string; span: Span } | undefined;
        this.OPTION3(() => {
          this.CONSUME(T.Dot);
          pathValue = this.SUBRULE4(this.identifier);
        });
        this.CONSUME2(T.Eq);
        this.CONSUME2(T.LBrace);
        const body = this.SUBRULE(this.query);
        const close = this.CONSUME2(T.RBrace);
        this.CONSUME(T.Semicolon);
        this.ACTION(() => mappings.push({ args, path: pathValue, body, span: spanOf(open, close) }));
      });
      const end = this.CONSUME3(T.RBrace);
      this.ACTION(() => { params = declared; last = tokenSpan(end); });
    });
    return this.ACTION(() => ({ kind: 'Pattern' as const, name: name.name, nameSpan: name.span, params, path, mappings, span: joinSpans(tokenSpan(kw), last) }));
  });

  /** set name [= value] */
  private setStatement = this.RULE('setStatement', (): A.SetStatement => {
    const kw = this.CONSUME(T.Identifier);
    const name = this.CONSUME2(T.Identifier);
    let value: A.Expr | undefined;
    this.OPTION(() => { this.CONSUME(T.Eq); value = this.SUBRULE(this.orExpr); });
    return this.ACTION(() => ({ kind: 'Set' as const, name: name.image, value, span: joinSpans(tokenSpan(kw), value ? value.span : tokenSpan(name)) }));
  });

  /** `(` `)` `{` or `(` name `:` starts a function declaration; otherwise it is a parenthesised expression. */
  private looksLikeFunctionDecl(): boolean {
    let i = 1;
    if (this.LA(1).image === 'view') i = 2;
    if (this.LA(i).tokenType !== T.LParen) return false;
    const next = this.LA(i + 1);
    if (next.tokenType === T.RParen) return this.LA(i + 2).tokenType === T.LBrace;
    return this.LA(i + 2).tokenType === T.Colon;
  }

  private functionDecl = this.RULE('functionDecl', (): A.FunctionDecl => {
    const first = this.LA(1);
    this.OPTION(() => this.CONSUME(T.Identifier)); // `view`
    this.CONSUME(T.LParen);
    const params: A.FunctionDecl['params'] = [];
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const p = this.SUBRULE(this.identifier);
        this.CONSUME(T.Colon);
        const type = this.OR([
          { ALT: () => { this.SUBRULE(this.tabularSchema); return 'tabular' as const; } },
          { ALT: () => this.SUBRULE(this.typeName) },
        ]);
        let def: A.Expr | undefined;
        this.OPTION2(() => { this.CONSUME(T.Eq); def = this.SUBRULE(this.orExpr); });
        this.ACTION(() => params.push({ name: p.name, type, default: def, span: p.span }));
      },
    });
    this.CONSUME(T.RParen);
    this.CONSUME(T.LBrace);
    const body = this.SUBRULE(this.query);
    const last = this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'FunctionDecl' as const, params, body, span: spanOf(first, last) }));
  });

  /** `(a:string, ...)` or `(*)` as the type of a tabular parameter. */
  private tabularSchema = this.RULE('tabularSchema', () => {
    this.CONSUME(T.LParen);
    this.OR([
      { ALT: () => this.CONSUME(T.Star) },
      {
        ALT: () => {
          this.MANY_SEP({
            SEP: T.Comma,
            DEF: () => { this.SUBRULE(this.identifier); this.CONSUME(T.Colon); this.SUBRULE(this.typeName); },
          });
        },
      },
    ]);
    this.CONSUME(T.RParen);
  });

  private typeName = this.RULE('typeName', (): KqlType => {
    const tok = this.CONSUME(T.Identifier);
    return this.ACTION(() => {
      const t = parseTypeName(tok.image);
      if (!t) throw new KqlSyntaxError(ErrorCodes.SYN_BAD_LITERAL, `'${tok.image}' is not a type name`, tokenSpan(tok));
      return t;
    });
  });

  // ---------- tabular expressions ----------

  public pipeExpr = this.RULE('pipeExpr', (): A.Expr => {
    let expr = this.SUBRULE(this.orExpr);
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      const op = this.SUBRULE(this.tabularOperator);
      this.ACTION(() => { expr = { kind: 'Pipe', source: expr, operator: op, span: joinSpans(expr.span, op.span) }; });
    });
    return expr;
  });

  /** The operators of an mv-apply subquery: `where ... | extend ...` with an implicit source. */
  private operatorChain = this.RULE('operatorChain', (): A.TabularOperator[] => {
    const ops: A.TabularOperator[] = [];
    ops.push(this.SUBRULE(this.tabularOperator));
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      ops.push(this.SUBRULE2(this.tabularOperator));
    });
    return ops;
  });

  private tabularOperator = this.RULE('tabularOperator', (): A.TabularOperator => {
    // Ordered choice: operator keywords first, any other word last (it is reported as unsupported).
    // The alternatives are built once: they are the hottest choice of the grammar.
    return this.OR(this.operatorChoice ??= { IGNORE_AMBIGUITIES: true, DEF: [
      { ALT: () => this.SUBRULE(this.whereOp) },
      { ALT: () => this.SUBRULE(this.extendOp) },
      { ALT: () => this.SUBRULE(this.projectOp) },
      { ALT: () => this.SUBRULE(this.projectNamesOp) },
      { ALT: () => this.SUBRULE(this.projectRenameOp) },
      { ALT: () => this.SUBRULE(this.summarizeOp) },
      { ALT: () => this.SUBRULE(this.joinOp) },
      { ALT: () => this.SUBRULE(this.mvApplyOp) },
      { ALT: () => this.SUBRULE(this.mvExpandOp) },
      { ALT: () => this.SUBRULE(this.distinctOp) },
      { ALT: () => this.SUBRULE(this.takeOp) },
      { ALT: () => this.SUBRULE(this.sortOp) },
      { ALT: () => this.SUBRULE(this.topOp) },
      { ALT: () => this.SUBRULE(this.countOp) },
      { ALT: () => this.SUBRULE(this.unionOp) },
      { GATE: () => this.LA(1).image === 'parse' || this.LA(1).image === 'parse-where', ALT: () => this.SUBRULE(this.parseOp) },
      { ALT: () => this.SUBRULE(this.lookupOp) },
      { GATE: () => this.LA(1).image === 'serialize', ALT: () => this.SUBRULE(this.serializeOp) },
      { GATE: () => this.LA(1).image === 'evaluate', ALT: () => this.SUBRULE(this.evaluateOp) },
      { GATE: () => this.LA(1).image === 'make-series', ALT: () => this.SUBRULE(this.makeSeriesOp) },
      { GATE: () => this.LA(1).image === 'getschema', ALT: () => this.SUBRULE(this.getSchemaOp) },
      { GATE: () => this.LA(1).image === 'as', ALT: () => this.SUBRULE(this.asOp) },
      { GATE: () => this.LA(1).image === 'render', ALT: () => this.SUBRULE(this.renderOp) },
      { GATE: () => this.LA(1).image === 'sample' || this.LA(1).image === 'sample-distinct', ALT: () => this.SUBRULE(this.sampleOp) },
      { GATE: () => this.LA(1).image === 'top-hitters', ALT: () => this.SUBRULE(this.topHittersOp) },
      { GATE: () => this.LA(1).image === 'project-by-names', ALT: () => this.SUBRULE(this.projectByNamesOp) },
      { GATE: () => this.LA(1).image === 'consume', ALT: () => this.SUBRULE(this.consumeOp) },
      { GATE: () => this.LA(1).image === 'invoke', ALT: () => this.SUBRULE(this.invokeOp) },
      { GATE: () => this.LA(1).image === 'top-nested', ALT: () => this.SUBRULE(this.topNestedOp) },
      { GATE: () => this.LA(1).image === 'parse-kv', ALT: () => this.SUBRULE(this.parseKvOp) },
      { GATE: () => this.LA(1).image === 'partition', ALT: () => this.SUBRULE(this.partitionOp) },
      { GATE: () => this.LA(1).image === 'scan', ALT: () => this.SUBRULE(this.scanOp) },
      { GATE: () => this.LA(1).image === 'fork', ALT: () => this.SUBRULE(this.forkOp) },
      { GATE: () => this.LA(1).image === 'facet', ALT: () => this.SUBRULE(this.facetOp) },
      { GATE: () => this.LA(1).image === 'reduce', ALT: () => this.SUBRULE(this.reduceOp) },

      { GATE: () => this.LA(1).image === 'search', ALT: () => this.SUBRULE(this.searchOp) },
      { GATE: () => this.LA(1).image === 'find', ALT: () => this.SUBRULE(this.findOp) },
      { ALT: () => this.SUBRULE(this.unknownOp) },
    ] });
  });
  private operatorChoice: OrMethodOpts<A.TabularOperator> | undefined;
  private compareChoice: IOrAlt<IToken>[] | undefined;

  private whereOp = this.RULE('whereOp', (): A.WhereOp => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Kw.where) }, { ALT: () => this.CONSUME(T.Kw.filter) }]);
    const predicate = this.SUBRULE(this.orExpr);
    return this.ACTION(() => ({ op: 'where' as const, predicate, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), predicate.span) }));
  });

  private extendOp = this.RULE('extendOp', (): A.ExtendOp => {
    const kw = this.CONSUME(T.Kw.extend);
    const items = this.SUBRULE(this.assignmentList);
    return this.ACTION(() => ({ op: 'extend' as const, items, keywordSpan: tokenSpan(kw), span: spanOf(tokenSpan(kw), items[items.length - 1].span) }));
  });

  private projectOp = this.RULE('projectOp', (): A.ProjectOp => {
    const kw = this.CONSUME(T.Kw.project);
    const items = this.SUBRULE(this.assignmentList);
    return this.ACTION(() => ({ op: 'project' as const, items, keywordSpan: tokenSpan(kw), span: spanOf(tokenSpan(kw), items[items.length - 1].span) }));
  });

  /** project-away, project-keep, project-reorder: a list of column names or wildcard patterns. */
  private projectNamesOp = this.RULE('projectNamesOp', (): A.ProjectAwayOp | A.ProjectKeepOp | A.ProjectReorderOp => {
    const kw = this.OR([
      { ALT: () => this.CONSUME(T.Hyphenated.projectAway) },
      { ALT: () => this.CONSUME(T.Hyphenated.projectKeep) },
      { ALT: () => this.CONSUME(T.Hyphenated.projectReorder) },
    ]);
    const columns: { pattern: string; span: Span; descending?: boolean }[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const p = this.SUBRULE(this.namePattern);
        let descending: boolean | undefined;
        this.OPTION(() => {
          this.OR2([
            { ALT: () => { this.CONSUME(T.Kw.asc); descending = false; } },
            { ALT: () => { this.CONSUME(T.Kw.desc); descending = true; } },
          ]);
        });
        this.ACTION(() => columns.push({ ...p, descending }));
      },
    });
    return this.ACTION(() => {
      const op = kw.image as 'project-away' | 'project-keep' | 'project-reorder';
      return { op, columns, keywordSpan: tokenSpan(kw), span: spanOf(tokenSpan(kw), columns[columns.length - 1].span) };
    });
  });

  /** A column name or a wildcard pattern such as `Col*`, `*Id`, `*`. */
  private namePattern = this.RULE('namePattern', (): { pattern: string; span: Span } => {
    const parts: IToken[] = [];
    this.AT_LEAST_ONE({
      // A pattern is written without spaces (`a*b`): a word after a space is the next item, as in
      // `project-reorder a* asc`.
      GATE: () => parts.length === 0 || this.LA(1).startOffset === (parts[parts.length - 1].endOffset ?? -2) + 1,
      DEF: () => {
        this.OR([
          { ALT: () => parts.push(this.CONSUME(T.Identifier)) },
          { ALT: () => parts.push(this.CONSUME(T.BracketIdentifier)) },
          { ALT: () => parts.push(this.CONSUME(T.Star)) },
        ]);
      },
    });
    return this.ACTION(() => ({
      pattern: parts.map((p) => (p.tokenType === T.BracketIdentifier ? bracketName(p.image) : p.image)).join(''),
      span: spanOf(parts[0], parts[parts.length - 1]),
    }));
  });

  private projectRenameOp = this.RULE('projectRenameOp', (): A.ProjectRenameOp => {
    const kw = this.CONSUME(T.Hyphenated.projectRename);
    const renames: A.ProjectRenameOp['renames'] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const n = this.SUBRULE(this.identifier);
        this.CONSUME(T.Eq);
        const o = this.SUBRULE2(this.identifier);
        this.ACTION(() => renames.push({ newName: n.name, oldName: o.name, span: joinSpans(n.span, o.span), oldSpan: o.span }));
      },
    });
    return this.ACTION(() => ({ op: 'project-rename' as const, renames, keywordSpan: tokenSpan(kw), span: spanOf(tokenSpan(kw), renames[renames.length - 1].span) }));
  });

  private summarizeOp = this.RULE('summarizeOp', (): A.SummarizeOp => {
    const kw = this.CONSUME(T.Kw.summarize);
    const params = this.SUBRULE(this.operatorParams);
    let aggregates: A.Assignment[] = [];
    let by: A.Assignment[] = [];
    // `by` is also a valid name, so only read aggregates when the next word is not `by`.
    this.OPTION({ GATE: () => this.LA(1).tokenType !== T.Kw.by, DEF: () => { aggregates = this.SUBRULE(this.assignmentList); } });
    this.OPTION2(() => {
      this.CONSUME(T.Kw.by);
      by = this.SUBRULE2(this.assignmentList);
    });
    return this.ACTION(() => {
      const last = by.length ? by[by.length - 1].span : aggregates.length ? aggregates[aggregates.length - 1].span : tokenSpan(kw);
      return { op: 'summarize' as const, params, aggregates, by, keywordSpan: tokenSpan(kw), span: spanOf(tokenSpan(kw), last) };
    });
  });

  /** `kind=inner`, `hint.strategy=shuffle`, `withsource=T`, `isfuzzy=true`. */
  private operatorParams = this.RULE('operatorParams', (): A.OperatorParam[] => {
    const params: A.OperatorParam[] = [];
    this.MANY({
      GATE: () => this.isParamAhead(),
      DEF: () => {
        const first = this.CONSUME(T.Identifier);
        const nameParts = [first.image];
        this.MANY2(() => {
          this.CONSUME(T.Dot);
          nameParts.push(this.CONSUME2(T.Identifier).image);
        });
        this.CONSUME(T.Eq);
        const valueTok = this.OR([
          { ALT: () => this.CONSUME3(T.Identifier) },
          { ALT: () => this.CONSUME(T.LongLiteral) },
          { ALT: () => this.CONSUME(T.StringLiteral) },
        ]);
        this.ACTION(() => {
          const raw = valueTok.image;
          const value = valueTok.tokenType === T.LongLiteral ? Number(raw)
            : valueTok.tokenType === T.StringLiteral ? (parseLiteralToken(raw).value as string)
            : raw === 'true' ? true : raw === 'false' ? false : raw;
          params.push({ name: nameParts.join('.'), value, span: spanOf(first, valueTok) });
        });
      },
    });
    return params;
  });

  /** name(.name)* `=` starts an operator parameter (as opposed to `Name = expr` in an assignment list). */
  private isParamAhead(): boolean {
    const PARAM_NAMES = /^(kind|withsource|isfuzzy|hint\b|bagexpansion|itemindex|with_itemindex|flags|outer|decodeblocks)/;
    const t = this.LA(1);
    if (!PARAM_NAMES.test(t.image)) return false;
    let i = 2;
    while (this.LA(i).tokenType === T.Dot) i += 2;
    return this.LA(i).tokenType === T.Eq;
  }

  private joinOp = this.RULE('joinOp', (): A.JoinOp => {
    const kw = this.CONSUME(T.Kw.join);
    const params = this.SUBRULE(this.operatorParams);
    // `(subquery)` or a table name; a parenthesised subquery is a primary expression.
    const right = this.SUBRULE(this.postfixExpr);
    const conditions: A.Expr[] = [];
    let where: A.Expr | undefined;
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Kw.on);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => conditions.push(this.SUBRULE(this.orExpr)) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Kw.where);
          where = this.SUBRULE2(this.orExpr);
        },
      },
    ]);
    return this.ACTION(() => {
      const on = conditions.flatMap(toJoinConditions);
      const last = where ? where.span : conditions[conditions.length - 1].span;
      return { op: 'join' as const, params, right, on, ...(where ? { where } : {}), keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), last) };
    });
  });

  private mvApplyOp = this.RULE('mvApplyOp', (): A.MvApplyOp => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Hyphenated.mvApply) }, { ALT: () => this.CONSUME(T.Kw.mvapply) }]);
    const params = this.SUBRULE(this.operatorParams);
    const items = this.SUBRULE(this.mvExpandItems);
    let limit: number | undefined;
    this.OPTION(() => { this.CONSUME(T.Kw.limit); limit = Number(this.CONSUME(T.LongLiteral).image); });
    this.CONSUME(T.Kw.on);
    this.CONSUME(T.LParen);
    const subquery = this.SUBRULE(this.operatorChain);
    const close = this.CONSUME(T.RParen);
    return this.ACTION(() => {
      const itemIndex = params.find((p) => p.name === 'with_itemindex' || p.name === 'itemindex');
      return {
        op: 'mv-apply' as const, params, items, limit, subquery, itemIndex: itemIndex ? String(itemIndex.value) : undefined,
        keywordSpan: tokenSpan(kw), span: spanOf(kw, close),
      };
    });
  });

  private mvExpandOp = this.RULE('mvExpandOp', (): A.MvExpandOp => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Hyphenated.mvExpand) }, { ALT: () => this.CONSUME(T.Kw.mvexpand) }]);
    const params = this.SUBRULE(this.operatorParams);
    const items = this.SUBRULE(this.mvExpandItems);
    let limit: number | undefined;
    this.OPTION(() => { this.CONSUME(T.Kw.limit); limit = Number(this.CONSUME(T.LongLiteral).image); });
    return this.ACTION(() => {
      const itemIndex = params.find((p) => p.name === 'with_itemindex' || p.name === 'itemindex');
      return {
        op: 'mv-expand' as const, params, items, limit, itemIndex: itemIndex ? String(itemIndex.value) : undefined,
        keywordSpan: tokenSpan(kw), span: spanOf(tokenSpan(kw), items[items.length - 1].span),
      };
    });
  });

  private mvExpandItems = this.RULE('mvExpandItems', (): A.MvExpandItem[] => {
    const items: A.MvExpandItem[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const assignment = this.SUBRULE(this.assignment);
        let toType: KqlType | undefined;
        this.OPTION(() => {
          this.CONSUME(T.Kw.to);
          this.CONSUME(T.Kw.typeof);
          this.CONSUME(T.LParen);
          toType = this.SUBRULE(this.typeName);
          this.CONSUME(T.RParen);
        });
        this.ACTION(() => items.push({ name: assignment.names[0]?.name, expr: assignment.expr, toType, span: assignment.span }));
      },
    });
    return items;
  });

  private distinctOp = this.RULE('distinctOp', (): A.DistinctOp => {
    const kw = this.CONSUME(T.Kw.distinct);
    const items = this.SUBRULE(this.assignmentList);
    return this.ACTION(() => ({ op: 'distinct' as const, items, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), items[items.length - 1].span) }));
  });

  private takeOp = this.RULE('takeOp', (): A.TakeOp => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Kw.take) }, { ALT: () => this.CONSUME(T.Kw.limit) }]);
    const count = this.SUBRULE(this.orExpr);
    return this.ACTION(() => ({ op: 'take' as const, count, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), count.span) }));
  });

  private sortOp = this.RULE('sortOp', (): A.SortOp => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Kw.sort) }, { ALT: () => this.CONSUME(T.Kw.order) }]);
    this.CONSUME(T.Kw.by);
    const keys: A.SortKey[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => keys.push(this.SUBRULE(this.sortKey)) });
    return this.ACTION(() => ({ op: 'sort' as const, keys, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), keys[keys.length - 1].span) }));
  });

  private sortKey = this.RULE('sortKey', (): A.SortKey => {
    const expr = this.SUBRULE(this.orExpr);
    let descending = true;
    let nullsFirst: boolean | undefined;
    let last: IToken | undefined;
    this.OPTION(() => {
      this.OR([
        { ALT: () => { last = this.CONSUME(T.Kw.asc); descending = false; } },
        { ALT: () => { last = this.CONSUME(T.Kw.desc); descending = true; } },
      ]);
    });
    this.OPTION2(() => {
      this.CONSUME(T.Kw.nulls);
      this.OR2([
        { ALT: () => { last = this.CONSUME(T.Kw.first); nullsFirst = true; } },
        { ALT: () => { last = this.CONSUME(T.Kw.last); nullsFirst = false; } },
      ]);
    });
    return this.ACTION(() => ({ expr, descending, nullsFirst, span: last ? joinSpans(expr.span, tokenSpan(last)) : expr.span }));
  });

  private topOp = this.RULE('topOp', (): A.TopOp => {
    const kw = this.CONSUME(T.Kw.top);
    const count = this.SUBRULE(this.additiveExpr);
    this.CONSUME(T.Kw.by);
    const key = this.SUBRULE(this.sortKey);
    return this.ACTION(() => ({ op: 'top' as const, count, key, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), key.span) }));
  });

  private countOp = this.RULE('countOp', (): A.CountOp => {
    const kw = this.CONSUME(T.Kw.count);
    return this.ACTION(() => ({ op: 'count' as const, keywordSpan: tokenSpan(kw), span: tokenSpan(kw) }));
  });

  private unionOp = this.RULE('unionOp', (): A.UnionOp => {
    const u = this.SUBRULE(this.unionBody);
    return this.ACTION(() => ({ op: 'union' as const, params: u.params, tables: u.tables, keywordSpan: u.keywordSpan, span: u.span }));
  });

  private unionBody = this.RULE('unionBody', () => {
    const kw = this.CONSUME(T.Kw.union);
    const params = this.SUBRULE(this.operatorParams);
    const tables = this.SUBRULE(this.tableSources);
    return this.ACTION(() => ({ params, tables, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), tables[tables.length - 1].span) }));
  });

  /** The tables of a union, or of search/find `in (...)`: names, wildcard patterns, `(subquery)`. */
  private tableSources = this.RULE('tableSources', (): A.Expr[] => {
    const tables: A.Expr[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.OR([
          { GATE: () => this.LA(2).tokenType === T.LParen, ALT: () => { const call = this.SUBRULE(this.postfixExpr); this.ACTION(() => tables.push(call)); } }, // f(x), p("a").b
          {
            ALT: () => {
              const open = this.CONSUME(T.LParen);
              const inner = this.SUBRULE(this.pipeExpr);
              const close = this.CONSUME(T.RParen);
              this.ACTION(() => tables.push({ kind: 'Paren', inner, span: spanOf(open, close) }));
            },
          },
          {
            ALT: () => {
              const p = this.SUBRULE(this.namePattern);
              this.ACTION(() => tables.push({ kind: 'Name', name: p.pattern, span: p.span }));
            },
          },
        ]);
      },
    });
    return tables;
  });

  /** `in (T1, T2*, (subquery))` of search and find. */
  private inTables = this.RULE('inTables', (): A.Expr[] => {
    this.CONSUME(T.WordOp.in);
    this.CONSUME(T.LParen);
    const tables = this.SUBRULE(this.tableSources);
    this.CONSUME(T.RParen);
    return tables;
  });

  /** A search predicate: a scalar expression where a bare string is a term and `Col: "x"` a column term. */
  private searchPredicate = this.RULE('searchPredicate', (): A.Expr => {
    this.ACTION(() => { this.searchDepth++; });
    try {
      return this.SUBRULE(this.orExpr);
    } finally {
      this.ACTION(() => { this.searchDepth--; });
    }
  });

  /** Inside a search predicate, `Col: "term"` is a column term. */
  private searchDepth = 0;

  private searchBody = this.RULE('searchBody', () => {
    const kw = this.CONSUME(T.Identifier);
    const params = this.SUBRULE(this.operatorParams);
    let tables: A.Expr[] | undefined;
    this.OPTION(() => { tables = this.SUBRULE(this.inTables); });
    const predicate = this.SUBRULE(this.searchPredicate);
    return this.ACTION(() => ({ params, tables, predicate, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), predicate.span) }));
  });

  /** `T | search [kind=..] Predicate`. */
  private searchOp = this.RULE('searchOp', (): A.SearchOp => {
    const b = this.SUBRULE(this.searchBody);
    return this.ACTION(() => {
      if (b.tables) throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, "A piped 'search' cannot also name tables with 'in (...)'", b.tables[0].span);
      return { op: 'search' as const, params: b.params, predicate: b.predicate, keywordSpan: b.keywordSpan, span: b.span };
    });
  });

  /** `find [withsource=X] [in (T1, T2)] [where] Predicate [project-smart | project Col[:type], ..., pack_all()]`. */
  private findBody = this.RULE('findBody', () => {
    const kw = this.CONSUME(T.Identifier);
    const params = this.SUBRULE(this.operatorParams);
    let tables: A.Expr[] | undefined;
    this.OPTION(() => { tables = this.SUBRULE(this.inTables); });
    // With `in (...)` the `where` is required (as the analyzer has it); without it, optional.
    let hasWhere = false;
    this.OPTION2(() => { this.CONSUME(T.Kw.where); hasWhere = true; });
    const predicate = this.SUBRULE(this.searchPredicate);
    let project: A.FindProjectItem[] | undefined;
    let end: Span = predicate.span;
    this.OPTION3(() => {
      this.OR([
        {
          GATE: () => this.LA(1).image === 'project-smart',
          ALT: () => { const t = this.CONSUME(T.Hyphenated.other); this.ACTION(() => { end = tokenSpan(t); }); },
        },
        {
          ALT: () => {
            this.CONSUME(T.Kw.project);
            const items: A.FindProjectItem[] = [];
            this.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              DEF: () => {
                this.OR2([
                  {
                    GATE: () => this.LA(1).image === 'pack_all' && this.LA(2).tokenType === T.LParen,
                    ALT: () => {
                      const t = this.CONSUME2(T.Identifier);
                      this.CONSUME(T.LParen);
                      const close = this.CONSUME(T.RParen);
                      this.ACTION(() => items.push({ kind: 'pack_all', span: spanOf(t, close) }));
                    },
                  },
                  {
                    ALT: () => {
                      const id = this.SUBRULE(this.identifier);
                      let type: KqlType | undefined;
                      this.OPTION4(() => {
                        this.CONSUME(T.Colon);
                        type = this.SUBRULE(this.typeName);
                      });
                      this.ACTION(() => items.push({ kind: 'column', name: id.name, type, span: id.span }));
                    },
                  },
                ]);
              },
            });
            this.ACTION(() => { project = items; end = items[items.length - 1].span; });
          },
        },
      ]);
    });
    return this.ACTION(() => {
      if (tables && !hasWhere) throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, "'find in (...)' needs 'where' before its predicate", predicate.span);
      return { params, tables, predicate, project, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), end) };
    });
  });

  private findExpr = this.RULE('findExpr', (): A.Expr => {
    const b = this.SUBRULE(this.findBody);
    return this.ACTION((): A.Expr => ({ kind: 'Find', params: b.params, tables: b.tables, predicate: b.predicate, project: b.project, span: b.span }));
  });

  /** `T | find ...`: a find of its own (the analyzer does not read T). */
  private findOp = this.RULE('findOp', (): A.FindOp => {
    const b = this.SUBRULE(this.findBody);
    return this.ACTION(() => ({ op: 'find' as const, params: b.params, tables: b.tables, predicate: b.predicate, project: b.project, keywordSpan: b.keywordSpan, span: b.span }));
  });

  // ---------- parse, lookup, serialize, evaluate, make-series, getschema, as ----------

  /** True when the next token ends an operator (pipe, closing bracket, semicolon, end of input). */
  private atOperatorEnd(): boolean {
    const t = this.LA(1).tokenType;
    return t.name === 'EOF' || t === T.Pipe || t === T.RParen || t === T.RBracket || t === T.RBrace || t === T.Semicolon;
  }

  /** parse [kind=..] [flags=..] Expr with [*] "literal" Col[:type] ... ; also parse-where. */
  private parseOp = this.RULE('parseOp', (): A.ParseOp => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Hyphenated.other) }]);
    const params = this.SUBRULE(this.operatorParams);
    const source = this.SUBRULE(this.additiveExpr);
    this.CONSUME(T.Kw.with);
    const pattern: A.ParsePatternItem[] = [];
    this.AT_LEAST_ONE(() => {
      this.OR2([
        { ALT: () => { const t = this.CONSUME(T.Star); this.ACTION(() => pattern.push({ kind: 'star', span: tokenSpan(t) })); } },
        { ALT: () => { const lit = this.SUBRULE(this.stringLiterals); this.ACTION(() => pattern.push({ kind: 'literal', value: lit.value as string, span: lit.span })); } },
        {
          ALT: () => {
            const name = this.SUBRULE(this.identifier);
            let type: KqlType | undefined;
            this.OPTION(() => { this.CONSUME(T.Colon); type = this.SUBRULE(this.typeName); });
            this.ACTION(() => pattern.push({ kind: 'column', name: name.name, type, span: name.span }));
          },
        },
        { ALT: () => { this.CONSUME(T.Comma); } },
      ]);
    });
    return this.ACTION(() => ({
      op: kw.image as 'parse' | 'parse-where', params, source, pattern, keywordSpan: tokenSpan(kw),
      span: spanOf(tokenSpan(kw), pattern.length ? pattern[pattern.length - 1].span : source.span),
    }));
  });

  /** lookup [kind=leftouter|inner] (Dim) on Key, $left.a == $right.b */
  private lookupOp = this.RULE('lookupOp', (): A.LookupOp => {
    const kw = this.CONSUME(T.Kw.lookup);
    const params = this.SUBRULE(this.operatorParams);
    const right = this.SUBRULE(this.postfixExpr);
    this.CONSUME(T.Kw.on);
    const conditions: A.Expr[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => conditions.push(this.SUBRULE(this.orExpr)) });
    return this.ACTION(() => ({
      op: 'lookup' as const, params, right, on: conditions.flatMap(toJoinConditions), keywordSpan: tokenSpan(kw),
      span: joinSpans(tokenSpan(kw), conditions[conditions.length - 1].span),
    }));
  });

  /** serialize [Name = expr, ...] */
  private serializeOp = this.RULE('serializeOp', (): A.SerializeOp => {
    const kw = this.CONSUME(T.Identifier);
    let items: A.Assignment[] = [];
    this.OPTION({ GATE: () => !this.atOperatorEnd(), DEF: () => { items = this.SUBRULE(this.assignmentList); } });
    return this.ACTION(() => ({
      op: 'serialize' as const, items, keywordSpan: tokenSpan(kw),
      span: items.length ? spanOf(tokenSpan(kw), items[items.length - 1].span) : tokenSpan(kw),
    }));
  });

  /** evaluate [params] plugin(args) [: ([*,] Col:type, ...)] */
  private evaluateOp = this.RULE('evaluateOp', (): A.EvaluateOp => {
    const kw = this.CONSUME(T.Identifier);
    const params = this.SUBRULE(this.operatorParams);
    const plugin = this.SUBRULE(this.nameOrCall);
    let outputSchema: A.EvaluateOp['outputSchema'];
    let close: IToken | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.CONSUME(T.LParen);
      const cols: NonNullable<A.EvaluateOp['outputSchema']> = [];
      this.AT_LEAST_ONE_SEP({
        SEP: T.Comma,
        DEF: () => {
          this.OR([
            { ALT: () => { const s = this.CONSUME(T.Star); this.ACTION(() => cols.push({ name: '*', span: tokenSpan(s) })); } },
            {
              ALT: () => {
                const n = this.SUBRULE(this.identifier);
                this.CONSUME2(T.Colon);
                const type = this.SUBRULE(this.typeName);
                this.ACTION(() => cols.push({ name: n.name, type, span: n.span }));
              },
            },
          ]);
        },
      });
      close = this.CONSUME(T.RParen);
      outputSchema = cols;
    });
    return this.ACTION(() => {
      if (plugin.kind !== 'Call') throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, 'evaluate expects a plugin call such as bag_unpack(Column)', plugin.span);
      return { op: 'evaluate' as const, params, plugin, outputSchema, keywordSpan: tokenSpan(kw), span: spanOf(tokenSpan(kw), close ? tokenSpan(close) : plugin.span) };
    });
  });

  /** make-series [params] [Col =] Agg [default = v], ... on Axis (from a)? (to b)? step s | in range(a, b, s)  [by ...] */
  private makeSeriesOp = this.RULE('makeSeriesOp', (): A.MakeSeriesOp => {
    const kw = this.CONSUME(T.Hyphenated.other);
    const params = this.SUBRULE(this.operatorParams);
    const aggregates: A.MakeSeriesOp['aggregates'] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const assignment = this.SUBRULE(this.assignment);
        let def: A.Expr | undefined;
        this.OPTION({
          GATE: () => this.LA(1).image === 'default' && this.LA(2).tokenType === T.Eq,
          DEF: () => { this.CONSUME(T.Identifier); this.CONSUME(T.Eq); def = this.SUBRULE(this.additiveExpr); },
        });
        this.ACTION(() => aggregates.push({ assignment, default: def }));
      },
    });
    this.CONSUME(T.Kw.on);
    const axis = this.SUBRULE2(this.additiveExpr);
    let from: A.Expr | undefined, to: A.Expr | undefined, step!: A.Expr;
    this.OR2([
      {
        ALT: () => {
          this.CONSUME(T.WordOp.in);
          const r = this.CONSUME2(T.Identifier);
          this.CONSUME2(T.LParen);
          from = this.SUBRULE3(this.additiveExpr);
          this.CONSUME2(T.Comma);
          to = this.SUBRULE4(this.additiveExpr);
          this.CONSUME3(T.Comma);
          step = this.SUBRULE5(this.additiveExpr);
          this.CONSUME2(T.RParen);
          this.ACTION(() => { if (r.image !== 'range') throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, "make-series expects 'in range(start, stop, step)'", tokenSpan(r)); });
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => { this.CONSUME(T.Kw.from); from = this.SUBRULE6(this.additiveExpr); });
          this.OPTION3(() => { this.CONSUME(T.Kw.to); to = this.SUBRULE7(this.additiveExpr); });
          this.CONSUME(T.Kw.step);
          step = this.SUBRULE8(this.additiveExpr);
        },
      },
    ]);
    let by: A.Assignment[] = [];
    this.OPTION4(() => { this.CONSUME(T.Kw.by); by = this.SUBRULE(this.assignmentList); });
    return this.ACTION(() => ({
      op: 'make-series' as const, params, aggregates, axis, from, to, step, by, keywordSpan: tokenSpan(kw),
      span: spanOf(tokenSpan(kw), by.length ? by[by.length - 1].span : step.span),
    }));
  });

  private getSchemaOp = this.RULE('getSchemaOp', (): A.GetSchemaOp => {
    const kw = this.CONSUME(T.Identifier);
    return this.ACTION(() => ({ op: 'getschema' as const, keywordSpan: tokenSpan(kw), span: tokenSpan(kw) }));
  });

  /** as [hint.materialized=true] Name */
  private asOp = this.RULE('asOp', (): A.AsOp => {
    const kw = this.CONSUME(T.Identifier);
    const params = this.SUBRULE(this.operatorParams);
    const name = this.SUBRULE(this.identifier);
    return this.ACTION(() => ({ op: 'as' as const, params, name: name.name, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), name.span) }));
  });

  /** render visualization [with (name = value, ...)]; a column-list property takes several comma-separated names. */
  private renderOp = this.RULE('renderOp', (): A.RenderOp => {
    const kw = this.CONSUME(T.Identifier);
    const vis = this.CONSUME2(T.Identifier);
    const properties: A.RenderOp['properties'] = [];
    let last: IToken = vis;
    this.OPTION(() => {
      this.CONSUME(T.Kw.with);
      this.CONSUME(T.LParen);
      const property = () => {
        const name = this.CONSUME3(T.Identifier);
        this.CONSUME(T.Eq);
        const value = this.SUBRULE(this.orExpr);
        this.ACTION(() => properties.push({ name: name.image, values: [value], span: joinSpans(tokenSpan(name), value.span) }));
      };
      this.OPTION2(() => {
        property();
        this.MANY(() => {
          this.CONSUME(T.Comma);
          this.OR([
            {
              GATE: () => this.LA(2).tokenType === T.Eq,
              ALT: () => {
                const name = this.CONSUME4(T.Identifier);
                this.CONSUME2(T.Eq);
                const value = this.SUBRULE2(this.orExpr);
                this.ACTION(() => properties.push({ name: name.image, values: [value], span: joinSpans(tokenSpan(name), value.span) }));
              },
            },
            {
              ALT: () => {
                const value = this.SUBRULE3(this.orExpr);
                this.ACTION(() => properties[properties.length - 1].values.push(value));
              },
            },
          ]);
        });
      });
      last = this.CONSUME(T.RParen);
    });
    return this.ACTION(() => {
      if (!RENDER_KINDS.has(vis.image)) {
        throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `'${vis.image}' is not a render visualization (expected one of ${[...RENDER_KINDS].join(', ')})`, tokenSpan(vis));
      }
      for (const p of properties) {
        if (!RENDER_PROPERTIES.has(p.name)) throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `'${p.name}' is not a render property`, p.span);
      }
      return { op: 'render' as const, visualization: vis.image, properties, keywordSpan: tokenSpan(kw), span: spanOf(kw, last) };
    });
  });

  /** sample N; sample-distinct N of Column */
  private sampleOp = this.RULE('sampleOp', (): A.SampleOp | A.SampleDistinctOp => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Hyphenated.other) }]);
    const count = this.SUBRULE(this.additiveExpr);
    let column: A.Expr | undefined;
    this.OPTION({
      GATE: () => kw.image === 'sample-distinct',
      DEF: () => {
        this.SUBRULE(this.ofWord);
        column = this.SUBRULE2(this.additiveExpr);
      },
    });
    return this.ACTION(() => {
      if (kw.image === 'sample') return { op: 'sample' as const, count, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), count.span) };
      return { op: 'sample-distinct' as const, count, column: column!, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), column!.span) };
    });
  });

  /** The word `of` (top-hitters, sample-distinct, top-nested). */
  private ofWord = this.RULE('ofWord', (): IToken => {
    const t = this.CONSUME(T.Identifier);
    this.ACTION(() => {
      if (t.image !== 'of') throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `Expected 'of', not '${t.image}'`, tokenSpan(t));
    });
    return t;
  });

  /** top-hitters N of Expr [by Expr] */
  private topHittersOp = this.RULE('topHittersOp', (): A.TopHittersOp => {
    const kw = this.CONSUME(T.Hyphenated.other);
    const count = this.SUBRULE(this.additiveExpr);
    this.SUBRULE(this.ofWord);
    const of = this.SUBRULE2(this.additiveExpr);
    let by: A.Expr | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Kw.by);
      by = this.SUBRULE3(this.additiveExpr);
    });
    return this.ACTION(() => ({ op: 'top-hitters' as const, count, of, by, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), (by ?? of).span) }));
  });

  /** project-by-names "Name", dynamic(["A", "B"]), "C*", column_names_of(T) */
  private projectByNamesOp = this.RULE('projectByNamesOp', (): A.ProjectByNamesOp => {
    const kw = this.CONSUME(T.Hyphenated.other);
    const items: A.Expr[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE(this.orExpr)) });
    return this.ACTION(() => ({ op: 'project-by-names' as const, items, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), items[items.length - 1].span) }));
  });

  /** consume [decodeblocks=true] */
  private consumeOp = this.RULE('consumeOp', (): A.ConsumeOp => {
    const kw = this.CONSUME(T.Identifier);
    const params = this.SUBRULE(this.operatorParams);
    return this.ACTION(() => ({ op: 'consume' as const, params, keywordSpan: tokenSpan(kw), span: params.length ? joinSpans(tokenSpan(kw), params[params.length - 1].span) : tokenSpan(kw) }));
  });

  /** invoke function(args): the pipe input is the function's first (tabular) argument. */
  private invokeOp = this.RULE('invokeOp', (): A.InvokeOp => {
    const kw = this.CONSUME(T.Identifier);
    const call = this.SUBRULE(this.nameOrCall);
    return this.ACTION(() => {
      if (call.kind !== 'Call') throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, 'invoke expects a function call such as f()', call.span);
      return { op: 'invoke' as const, call, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), call.span) };
    });
  });

  /** top-nested [N] of [Name =] Expr [with others = Expr] by [Name =] Aggregation [asc|desc], top-nested ... */
  private topNestedOp = this.RULE('topNestedOp', (): A.TopNestedOp => {
    const clauses: A.TopNestedClause[] = [];
    let kw!: IToken;
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const k = this.CONSUME(T.Hyphenated.other);
        let count: A.Expr | undefined;
        this.OPTION({ GATE: () => this.LA(1).image !== 'of', DEF: () => { count = this.SUBRULE(this.additiveExpr); } });
        this.SUBRULE(this.ofWord);
        const of = this.SUBRULE(this.assignment);
        let others: A.Expr | undefined;
        this.OPTION2(() => {
          this.CONSUME(T.Kw.with);
          const o = this.CONSUME(T.Identifier);
          this.CONSUME(T.Eq);
          others = this.SUBRULE2(this.additiveExpr);
          this.ACTION(() => { if (o.image !== 'others') throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `Expected 'others', not '${o.image}'`, tokenSpan(o)); });
        });
        this.CONSUME(T.Kw.by);
        const by = this.SUBRULE2(this.assignment);
        let descending = true;
        let last: Span | undefined;
        this.OPTION3(() => {
          this.OR([
            { ALT: () => { last = tokenSpan(this.CONSUME(T.Kw.asc)); descending = false; } },
            { ALT: () => { last = tokenSpan(this.CONSUME(T.Kw.desc)); descending = true; } },
          ]);
        });
        this.ACTION(() => {
          if (k.image !== 'top-nested') throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `Expected 'top-nested', not '${k.image}'`, tokenSpan(k));
          kw ??= k;
          clauses.push({ count, of, others, by, descending, span: joinSpans(tokenSpan(k), last ?? by.span) });
        });
      },
    });
    return this.ACTION(() => ({ op: 'top-nested' as const, clauses, keywordSpan: tokenSpan(kw), span: joinSpans(tokenSpan(kw), clauses[clauses.length - 1].span) }));
  });

  /** parse-kv Expr as (Key:type, ...) [with (name = value, ...)] */
  private parseKvOp = this.RULE('parseKvOp', (): A.ParseKvOp => {
    const kw = this.CONSUME(T.Hyphenated.other);
    const source = this.SUBRULE(this.additiveExpr);
    const as = this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    const keys: A.ParseKvOp['keys'] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const name = this.SUBRULE(this.identifier);
        this.CONSUME(T.Colon);
        const type = this.SUBRULE(this.typeName);
        this.ACTION(() => keys.push({ name: name.name, type, span: name.span }));
      },
    });
    let last = this.CONSUME(T.RParen);
    const options: A.ParseKvOp['options'] = [];
    this.OPTION(() => {
      this.CONSUME(T.Kw.with);
      this.CONSUME2(T.LParen);
      this.MANY_SEP({
        SEP: T.Comma,
        DEF: () => {
          const name = this.CONSUME2(T.Identifier);
          this.CONSUME(T.Eq);
          const value = this.SUBRULE(this.literal);
          this.ACTION(() => options.push({ name: name.image, value: value.value as string | boolean, span: joinSpans(tokenSpan(name), value.span) }));
        },
      });
      last = this.CONSUME2(T.RParen);
    });
    return this.ACTION(() => {
      if (as.image !== 'as') throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `Expected 'as', not '${as.image}'`, tokenSpan(as));
      for (const o of options) {
        const ok = ['pair_delimiter', 'kv_delimiter', 'quote', 'escape', 'regex'].includes(o.name) ? typeof o.value === 'string' : o.name === 'greedy' && typeof o.value === 'boolean';
        if (!ok) throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `'${o.name}' is not a parse-kv option of this type`, o.span);
      }
      return { op: 'parse-kv' as const, source, keys, options, keywordSpan: tokenSpan(kw), span: spanOf(kw, last) };
    });
  });

  /** partition [hint.strategy=...] by Column (operators over each partition) */
  private partitionOp = this.RULE('partitionOp', (): A.PartitionOp => {
    const kw = this.CONSUME(T.Identifier);
    const params = this.SUBRULE(this.operatorParams);
    this.CONSUME(T.Kw.by);
    const by = this.SUBRULE(this.identifier);
    this.CONSUME(T.LParen);
    const subquery = this.SUBRULE(this.operatorChain);
    const close = this.CONSUME(T.RParen);
    return this.ACTION(() => ({ op: 'partition' as const, params, by, subquery, keywordSpan: tokenSpan(kw), span: spanOf(kw, close) }));
  });

  /** scan [with_match_id = Name] [declare (Col:type [= default], ...)] with (step Name [output = all|last|none]: Condition [=> Col = Expr, ...]; ...) */
  private scanOp = this.RULE('scanOp', (): A.ScanOp => {
    const kw = this.CONSUME(T.Identifier);
    let matchId: string | undefined;
    this.OPTION({
      GATE: () => this.LA(1).image === 'with_match_id',
      DEF: () => { this.CONSUME2(T.Identifier); this.CONSUME(T.Eq); matchId = this.SUBRULE(this.identifier).name; },
    });
    const declared: A.ScanOp['declared'] = [];
    this.OPTION2(() => {
      this.CONSUME(T.Kw.declare);
      this.CONSUME(T.LParen);
      this.AT_LEAST_ONE_SEP({
        SEP: T.Comma,
        DEF: () => {
          const name = this.SUBRULE2(this.identifier);
          this.CONSUME(T.Colon);
          const type = this.SUBRULE(this.typeName);
          let def: A.Expr | undefined;
          this.OPTION3(() => { this.CONSUME2(T.Eq); def = this.SUBRULE(this.additiveExpr); });
          this.ACTION(() => declared.push({ name: name.name, type, default: def, span: name.span }));
        },
      });
      this.CONSUME(T.RParen);
    });
    this.CONSUME(T.Kw.with);
    this.CONSUME2(T.LParen);
    const steps: A.ScanStep[] = [];
    this.AT_LEAST_ONE(() => {
      const stepKw = this.CONSUME(T.Kw.step);
      const name = this.SUBRULE3(this.identifier);
      let output: A.ScanStep['output'] = 'all';
      this.OPTION4(() => {
        const o = this.CONSUME3(T.Identifier);
        this.CONSUME3(T.Eq);
        const v = this.CONSUME4(T.Identifier);
        this.ACTION(() => {
          if (o.image !== 'output' || !['all', 'last', 'none'].includes(v.image)) throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, "A scan step takes 'output = all | last | none'", tokenSpan(o));
          output = v.image as A.ScanStep['output'];
        });
      });
      this.CONSUME2(T.Colon);
      this.scanCondition++;
      let condition!: A.Expr;
      try {
        condition = this.SUBRULE(this.orExpr);
      } finally {
        this.scanCondition--;
      }
      let assignments: A.Assignment[] = [];
      this.OPTION5(() => {
        this.CONSUME(T.GtEq); // `=>`
        assignments = this.SUBRULE(this.assignmentList);
      });
      const semi = this.CONSUME(T.Semicolon);
      this.ACTION(() => steps.push({ name: name.name, output, condition, assignments, span: spanOf(stepKw, semi) }));
    });
    const close = this.CONSUME3(T.RParen);
    return this.ACTION(() => {
      const names = new Set<string>();
      for (const s of steps) {
        if (names.has(s.name)) throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `The scan step name '${s.name}' is used twice`, s.span);
        names.add(s.name);
      }
      return { op: 'scan' as const, matchId, declared, steps, keywordSpan: tokenSpan(kw), span: spanOf(kw, close) };
    });
  });
  /** fork [name =] (operators) [name =] (operators) ... */
  private forkOp = this.RULE('forkOp', (): A.ForkOp => {
    const kw = this.CONSUME(T.Identifier);
    const legs: A.ForkOp['legs'] = [];
    let last: IToken = kw;
    this.AT_LEAST_ONE(() => {
      let name: { name: string; span: Span } | undefined;
      this.OPTION(() => { name = this.SUBRULE(this.identifier); this.CONSUME(T.Eq); });
      const open = this.CONSUME(T.LParen);
      const ops = this.SUBRULE(this.operatorChain);
      last = this.CONSUME(T.RParen);
      this.ACTION(() => legs.push({ name: name?.name, ops, span: spanOf(name?.span ?? open, last) }));
    });
    return this.ACTION(() => ({ op: 'fork' as const, legs, keywordSpan: tokenSpan(kw), span: spanOf(kw, last) }));
  });

  /** facet by Col, ... [with (operators)] */
  private facetOp = this.RULE('facetOp', (): A.FacetOp => {
    const kw = this.CONSUME(T.Identifier);
    this.CONSUME(T.Kw.by);
    const columns: A.FacetOp['columns'] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => columns.push(this.SUBRULE(this.identifier)) });
    let withOps: A.TabularOperator[] | undefined;
    let last: Span | IToken = columns[columns.length - 1]?.span ?? kw;
    this.OPTION(() => {
      this.CONSUME(T.Kw.with);
      this.CONSUME(T.LParen);
      withOps = this.SUBRULE(this.operatorChain);
      last = this.CONSUME(T.RParen);
    });
    return this.ACTION(() => ({ op: 'facet' as const, columns, with: withOps, keywordSpan: tokenSpan(kw), span: spanOf(kw, last) }));
  });

  /** reduce [kind=source] by Expr [with [threshold=R] [, characters="..."]]; the options' values are checked by the binder. */
  private reduceOp = this.RULE('reduceOp', (): A.ReduceOp => {
    const kw = this.CONSUME(T.Identifier);
    const params = this.SUBRULE(this.operatorParams);
    this.CONSUME(T.Kw.by);
    const by = this.SUBRULE(this.orExpr);
    const options: A.ReduceOp['options'] = [];
    this.OPTION(() => {
      this.CONSUME(T.Kw.with);
      this.AT_LEAST_ONE_SEP({
        SEP: T.Comma,
        DEF: () => {
          const name = this.CONSUME2(T.Identifier);
          this.CONSUME(T.Eq);
          const value = this.SUBRULE(this.additiveExpr);
          this.ACTION(() => { options.push({ name: name.image, value, span: joinSpans(tokenSpan(name), value.span) }); });
        },
      });
    });
    return this.ACTION(() => ({
      op: 'reduce' as const, params, by, options, keywordSpan: tokenSpan(kw),
      span: joinSpans(tokenSpan(kw), options.length ? options[options.length - 1].span : by.span),
    }));
  });

  /** After `search` / `find`: the next token can start the operator (so `search` alone is still a name). */
  private startsSourceOperator(): boolean {
    const t = this.LA(2).tokenType;
    return !(t.name === 'EOF' || t === T.Pipe || t === T.Semicolon || t === T.RParen || t === T.RBracket || t === T.RBrace
      || t === T.Comma || t === T.Dot || t === T.LBracket || t === T.Eq);
  }

  /** Inside a scan step's condition, `=>` starts the assignments instead of comparing. */
  private scanCondition = 0;

  /**
   * Any other word after a pipe: an operator mini-kql does not model. Its arguments are skipped up to the
   * next pipe at the same nesting depth, and the binder reports it as unsupported (a semantic error).
   */
  private unknownOp = this.RULE('unknownOp', (): A.GenericOp => {
    const kw = this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.Hyphenated.other) },
    ]);
    return this.ACTION(() => {
      // A known operator keyword lands here only when what follows it does not fit its syntax.
      const known = kw.tokenType !== T.Identifier && kw.tokenType !== T.Hyphenated.other;
      if (known) {
        const next = this.LA(1);
        const where = next.tokenType.name === 'EOF' ? 'the end of the query' : `'${next.image}'`;
        throw new KqlSyntaxError(ErrorCodes.SYN_UNEXPECTED_TOKEN, `The '${kw.image}' operator is incomplete or malformed before ${where}`, tokenSpan(kw));
      }
      let last: IToken = kw;
      let depth = 0;
      for (;;) {
        const t = this.LA(1);
        if (t.tokenType.name === 'EOF') break;
        if (depth === 0 && (t.tokenType === T.Pipe || t.tokenType === T.RParen || t.tokenType === T.RBracket || t.tokenType === T.RBrace || t.tokenType === T.Semicolon)) break;
        if (t.tokenType === T.LParen || t.tokenType === T.LBracket || t.tokenType === T.LBrace) depth++;
        if (t.tokenType === T.RParen || t.tokenType === T.RBracket || t.tokenType === T.RBrace) depth--;
        last = this.SKIP_TOKEN();
      }
      return { op: 'unsupported' as const, name: kw.image, keywordSpan: tokenSpan(kw), span: spanOf(kw, last) };
    });
  });

  // ---------- assignments ----------

  private assignmentList = this.RULE('assignmentList', (): A.Assignment[] => {
    const items: A.Assignment[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE(this.assignment)) });
    return items;
  });

  private assignment = this.RULE('assignment', (): A.Assignment => {
    const names: { name: string; span: Span }[] = [];
    this.OPTION({
      GATE: () => this.isAssignmentAhead(),
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.LParen);
              this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => names.push(this.SUBRULE(this.identifier)) });
              this.CONSUME(T.RParen);
            },
          },
          { ALT: () => { names.push(this.SUBRULE2(this.identifier)); } },
        ]);
        this.CONSUME(T.Eq);
      },
    });
    const expr = this.SUBRULE(this.orExpr);
    return this.ACTION(() => ({ names, expr, span: names.length ? joinSpans(names[0].span, expr.span) : expr.span }));
  });

  /** `Name =` or `(A, B) =` (but not `Name ==`). */
  private isAssignmentAhead(): boolean {
    const t1 = this.LA(1);
    if (T.isIdentifierToken(t1) || t1.tokenType === T.BracketIdentifier) return this.LA(2).tokenType === T.Eq;
    if (t1.tokenType !== T.LParen) return false;
    let i = 2;
    for (;;) {
      const t = this.LA(i);
      if (!(T.isIdentifierToken(t) || t.tokenType === T.BracketIdentifier)) return false;
      const sep = this.LA(i + 1).tokenType;
      if (sep === T.RParen) return this.LA(i + 2).tokenType === T.Eq;
      if (sep !== T.Comma) return false;
      i += 2;
    }
  }

  private identifier = this.RULE('identifier', (): { name: string; span: Span } => {
    return this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(T.Identifier);
          return this.ACTION(() => ({ name: t.image, span: tokenSpan(t) }));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.BracketIdentifier);
          return this.ACTION(() => ({ name: bracketName(t.image), span: tokenSpan(t) }));
        },
      },
    ]);
  });

  // ---------- scalar expressions (lowest precedence first) ----------

  public orExpr = this.RULE('orExpr', (): A.Expr => {
    let left = this.SUBRULE(this.andExpr);
    this.MANY(() => {
      const op = this.CONSUME(T.Kw.or);
      const right = this.SUBRULE2(this.andExpr);
      this.ACTION(() => { left = binary('or', op, left, right); });
    });
    return left;
  });

  private andExpr = this.RULE('andExpr', (): A.Expr => {
    let left = this.SUBRULE(this.compareExpr);
    this.MANY(() => {
      const op = this.CONSUME(T.Kw.and);
      const right = this.SUBRULE2(this.compareExpr);
      this.ACTION(() => { left = binary('and', op, left, right); });
    });
    return left;
  });

  private compareExpr = this.RULE('compareExpr', (): A.Expr => {
    let left = this.SUBRULE(this.additiveExpr);
    this.MANY({ GATE: () => this.scanCondition === 0 || this.LA(1).image !== '=>', DEF: () => {
      this.OR([
        {
          // ==, !=, =~, <, ...
          ALT: () => {
            const op = this.OR2(this.compareChoice ??= COMPARE_TOKENS.map((tt) => ({ ALT: () => this.CONSUME(tt) })));
            const right = this.SUBRULE2(this.additiveExpr);
            this.ACTION(() => { left = binary(op.image === '<>' ? '!=' : op.image === '=>' ? '>=' : op.image, op, left, right); });
          },
        },
        {
          // has, !contains, in~ (...), between (a .. b), matches regex
          ALT: () => {
            const op = this.SUBRULE(this.wordOperator);
            this.OR3([
              {
                GATE: () => LIST_OPS.has(op.text),
                ALT: () => {
                  this.CONSUME(T.LParen);
                  const items: A.Expr[] = [];
                  this.MANY_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE(this.pipeExpr)) });
                  const close = this.CONSUME(T.RParen);
                  this.ACTION(() => {
                    left = { kind: 'List', op: op.text, opSpan: op.span, left, items, span: joinSpans(left.span, tokenSpan(close)) };
                  });
                },
              },
              {
                GATE: () => op.text === 'between' || op.text === '!between',
                ALT: () => {
                  this.CONSUME2(T.LParen);
                  const low = this.SUBRULE3(this.additiveExpr);
                  this.CONSUME(T.DotDot);
                  const high = this.SUBRULE4(this.additiveExpr);
                  const close = this.CONSUME2(T.RParen);
                  this.ACTION(() => {
                    left = { kind: 'Between', negated: op.text === '!between', left, low, high, span: joinSpans(left.span, tokenSpan(close)) };
                  });
                },
              },
              {
                ALT: () => {
                  const right = this.SUBRULE5(this.additiveExpr);
                  this.ACTION(() => {
                    left = { kind: 'Binary', op: op.text, opSpan: op.span, left, right, span: joinSpans(left.span, right.span) };
                  });
                },
              },
            ]);
          },
        },
      ]);
    } });
    return left;
  });

  private wordOperator = this.RULE('wordOperator', (): { text: string; span: Span } => {
    return this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(T.NegatedWordOperator);
          return this.ACTION(() => ({ text: t.image, span: tokenSpan(t) }));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.InTilde);
          return this.ACTION(() => ({ text: 'in~', span: tokenSpan(t) }));
        },
      },
      {
        ALT: () => {
          const m = this.CONSUME(T.WordOp.matches);
          const r = this.CONSUME(T.Kw.regex);
          return this.ACTION(() => ({ text: 'matches regex', span: spanOf(m, r) }));
        },
      },
      ...Object.entries(T.WordOp)
        .filter(([w]) => w !== 'matches')
        .map(([w, tt]) => ({
          ALT: () => {
            const t = this.CONSUME(tt);
            return this.ACTION(() => ({ text: w, span: tokenSpan(t) }));
          },
        })),
    ]);
  });

  private additiveExpr = this.RULE('additiveExpr', (): A.Expr => {
    let left = this.SUBRULE(this.multiplicativeExpr);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      const right = this.SUBRULE2(this.multiplicativeExpr);
      this.ACTION(() => { left = binary(op.image, op, left, right); });
    });
    return left;
  });

  private multiplicativeExpr = this.RULE('multiplicativeExpr', (): A.Expr => {
    let left = this.SUBRULE(this.unaryExpr);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Slash) },
        { ALT: () => this.CONSUME(T.Percent) },
      ]);
      const right = this.SUBRULE2(this.unaryExpr);
      this.ACTION(() => { left = binary(op.image, op, left, right); });
    });
    return left;
  });

  private unaryExpr = this.RULE('unaryExpr', (): A.Expr => {
    return this.OR([
      {
        ALT: () => {
          const op = this.OR2([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
          const operand = this.SUBRULE(this.unaryExpr);
          return this.ACTION((): A.Expr => {
            if (operand.kind === 'Literal' && op.image === '-') {
              const negated = negateLiteral(operand);
              if (negated) return { ...negated, span: joinSpans(tokenSpan(op), operand.span) };
            }
            return { kind: 'Unary', op: op.image as '-' | '+', operand, span: joinSpans(tokenSpan(op), operand.span) };
          });
        },
      },
      { ALT: () => this.SUBRULE(this.postfixExpr) },
    ]);
  });

  private postfixExpr = this.RULE('postfixExpr', (): A.Expr => {
    let expr = this.SUBRULE(this.primaryExpr);
    this.MANY(() => {
      this.OR([
        {
          // `x.[0]`: an index written after a dot (`x.['key']` is member access through identifier).
          ALT: () => {
            this.CONSUME2(T.Dot);
            this.CONSUME2(T.LBracket);
            const index = this.SUBRULE2(this.pipeExpr);
            const close = this.CONSUME2(T.RBracket);
            this.ACTION(() => { expr = { kind: 'Index', target: expr, index, span: joinSpans(expr.span, tokenSpan(close)) }; });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            const name = this.SUBRULE(this.identifier);
            this.ACTION(() => { expr = { kind: 'Member', target: expr, name: name.name, span: joinSpans(expr.span, name.span) }; });
          },
        },
        {
          ALT: () => {
            // x['key'] lexes as a bracket identifier: it is member access.
            const t = this.CONSUME(T.BracketIdentifier);
            this.ACTION(() => { expr = { kind: 'Member', target: expr, name: bracketName(t.image), span: joinSpans(expr.span, tokenSpan(t)) }; });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LBracket);
            const index = this.SUBRULE(this.pipeExpr);
            const close = this.CONSUME(T.RBracket);
            this.ACTION(() => { expr = { kind: 'Index', target: expr, index, span: joinSpans(expr.span, tokenSpan(close)) }; });
          },
        },
      ]);
    });
    return expr;
  });

  private primaryExpr = this.RULE('primaryExpr', (): A.Expr => {
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.literal) },
        { ALT: () => this.SUBRULE(this.dynamicLiteral) },
        {
          ALT: () => {
            const t = this.CONSUME(T.DatetimeNow);
            return this.ACTION((): A.Expr => {
              const span = tokenSpan(t);
              const now: A.Expr = { kind: 'Call', name: 'now', nameSpan: span, args: [], span };
              return t.image.includes('today') ? { kind: 'Call', name: 'startofday', nameSpan: span, args: [now], span } : now;
            });
          },
        },
        { ALT: () => this.SUBRULE(this.datatableExpr) },
        { ALT: () => this.SUBRULE(this.printExpr) },
        { ALT: () => this.SUBRULE(this.rangeExpr) },
        { ALT: () => this.SUBRULE(this.externalDataExpr) },
        {
          ALT: () => {
            const u = this.SUBRULE(this.unionBody);
            return this.ACTION((): A.Expr => ({ kind: 'Union', params: u.params, tables: u.tables, span: u.span }));
          },
        },
        {
          GATE: () => this.LA(1).image === 'search' && this.startsSourceOperator(),
          ALT: () => {
            const b = this.SUBRULE(this.searchBody);
            return this.ACTION((): A.Expr => ({ kind: 'Search', params: b.params, tables: b.tables, predicate: b.predicate, span: b.span }));
          },
        },
        { GATE: () => this.LA(1).image === 'find' && this.startsSourceOperator(), ALT: () => this.SUBRULE(this.findExpr) },
        {
          // `Col: "term"` inside a search predicate: a Binary ':' that src/operators/search.ts turns into a term.
          GATE: () => this.searchDepth > 0 && this.LA(2).tokenType === T.Colon,
          ALT: () => {
            const id = this.SUBRULE2(this.identifier);
            const colon = this.CONSUME2(T.Colon);
            const term = this.SUBRULE2(this.stringLiterals);
            return this.ACTION((): A.Expr => ({
              kind: 'Binary', op: ':', opSpan: tokenSpan(colon), left: { kind: 'Name', name: id.name, span: id.span }, right: term, span: joinSpans(id.span, term.span),
            }));
          },
        },
        {
          ALT: () => {
            const open = this.CONSUME(T.LParen);
            const inner = this.SUBRULE(this.pipeExpr);
            const close = this.CONSUME(T.RParen);
            return this.ACTION((): A.Expr => ({ kind: 'Paren', inner, span: spanOf(open, close) }));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.Star);
            return this.ACTION((): A.Expr => ({ kind: 'Star', span: tokenSpan(t) }));
          },
        },
        {
          GATE: () => this.LA(2).tokenType === T.LParen,
          ALT: () => {
            const kw = this.CONSUME(T.Kw.typeof);
            this.CONSUME2(T.LParen);
            const type = this.SUBRULE(this.typeName);
            const close = this.CONSUME2(T.RParen);
            return this.ACTION((): A.Expr => ({ kind: 'TypeLiteral', type, span: spanOf(kw, close) }));
          },
        },
        { ALT: () => this.SUBRULE(this.nameOrCall) },
      ],
    });
  });

  private nameOrCall = this.RULE('nameOrCall', (): A.Expr => {
    const id = this.SUBRULE(this.identifier);
    let call: { args: A.Expr[]; names: (string | undefined)[]; close: IToken } | undefined;
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      const args: A.Expr[] = [];
      const names: (string | undefined)[] = [];
      this.MANY_SEP({
        SEP: T.Comma,
        DEF: () => {
          // A named argument: `name = value` (e.g. ASIM parsers: _Im_Dns(starttime=ago(1d))).
          let argName: string | undefined;
          this.OPTION2({
            GATE: () => T.isIdentifierToken(this.LA(1)) && this.LA(2).tokenType === T.Eq,
            DEF: () => { argName = this.CONSUME(T.Identifier).image; this.CONSUME(T.Eq); },
          });
          args.push(this.SUBRULE(this.pipeExpr));
          names.push(argName);
        },
      });
      const close = this.CONSUME(T.RParen);
      call = { args, names, close };
    });
    return this.ACTION((): A.Expr => {
      if (!call) return { kind: 'Name', name: id.name, span: id.span };
      const named = call.names.some((n) => n !== undefined) ? { argNames: call.names } : {};
      return { kind: 'Call', name: id.name, nameSpan: id.span, args: call.args, ...named, span: joinSpans(id.span, tokenSpan(call.close)) };
    });
  });

  private literal = this.RULE('literal', (): A.Literal => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.stringLiterals) },
      { ALT: () => this.SUBRULE(this.otherLiteral) },
    ]);
  });

  /** One or more adjacent string literals: Kusto concatenates "a" "b" into "ab". */
  private stringLiterals = this.RULE('stringLiterals', (): A.Literal => {
    const parts: IToken[] = [];
    this.AT_LEAST_ONE(() => {
      parts.push(this.OR([
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.MultilineString) },
      ]));
    });
    return this.ACTION(() => ({
      kind: 'Literal' as const,
      type: 'string' as const,
      value: parts.map((p) => parseLiteralToken(p.image).value as string).join(''),
      span: spanOf(parts[0], parts[parts.length - 1]),
    }));
  });

  private otherLiteral = this.RULE('otherLiteral', (): A.Literal => {
    const t = this.OR([
      { ALT: () => this.CONSUME(T.TimespanLiteral) },
      { ALT: () => this.CONSUME(T.RealLiteral) },
      { ALT: () => this.CONSUME(T.HexLiteral) },
      { ALT: () => this.CONSUME(T.LongLiteral) },
      { ALT: () => this.CONSUME(T.Kw.true) },
      { ALT: () => this.CONSUME(T.Kw.false) },
      { ALT: () => this.CONSUME(T.TypedLiteral) },
    ]);
    return this.ACTION(() => {
      const span = tokenSpan(t);
      const parsed = t.tokenType === T.TypedLiteral ? parseTypedLiteral(t.image, span) : parseLiteralToken(t.image, span);
      return { kind: 'Literal' as const, type: parsed.type, value: parsed.value, span };
    });
  });

  /** dynamic([1, "a"]), dynamic({"k": 1}), dynamic(null), dynamic("text"). */
  private dynamicLiteral = this.RULE('dynamicLiteral', (): A.Literal => {
    const kw = this.CONSUME(T.Kw.dynamic);
    this.CONSUME(T.LParen);
    const value = this.SUBRULE(this.jsonValue);
    const close = this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'Literal' as const, type: 'dynamic' as const, value, span: spanOf(kw, close) }));
  });

  private jsonValue = this.RULE('jsonValue', (): unknown => {
    return this.OR({ IGNORE_AMBIGUITIES: true, DEF: [
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          const items: unknown[] = [];
          this.MANY_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE(this.jsonValue)) });
          this.CONSUME(T.RBracket);
          return items;
        },
      },
      {
        // ["x"] lexes as a bracketed identifier; inside dynamic(...) it is an array holding one string.
        ALT: () => {
          const t = this.CONSUME(T.BracketIdentifier);
          return this.ACTION(() => [bracketName(t.image)]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          const entries: [string, unknown][] = [];
          this.MANY_SEP2({
            SEP: T.Comma,
            DEF: () => {
              const key = this.OR2([{ ALT: () => this.CONSUME(T.StringLiteral) }, { ALT: () => this.CONSUME(T.Identifier) }]);
              this.CONSUME(T.Colon);
              const v = this.SUBRULE2(this.jsonValue);
              this.ACTION(() => entries.push([key.tokenType === T.StringLiteral ? (parseLiteralToken(key.image).value as string) : key.image, v]));
            },
          });
          this.CONSUME(T.RBrace);
          return this.ACTION(() => {
            const obj: Record<string, unknown> = {};
            for (const [k, v] of entries) Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
            return obj;
          });
        },
      },
      {
        ALT: () => {
          const minus = this.OPTION(() => this.CONSUME(T.Minus));
          const lit = this.SUBRULE(this.literal);
          return this.ACTION(() => {
            let value = lit.value;
            if (minus) {
              const negated = negateLiteral(lit);
              value = negated ? negated.value : typeof lit.value === 'number' ? -lit.value : lit.value;
            } else if (typeof lit.value === 'bigint' && lit.value > INT64_MAX) {
              throw new KqlSyntaxError(ErrorCodes.SYN_BAD_LITERAL, `'${lit.value}' is not a valid long literal (outside -9223372036854775808 .. 9223372036854775807)`, lit.span);
            }
            // Typed literals inside a dynamic literal: Kusto refuses int(...) and decimal(...) there; a datetime or
            // timespan becomes its text (datetime(2020-01-01) -> "2020-01-01T00:00:00.0000000Z"), as in any dynamic.
            if (lit.type === 'int' || lit.type === 'decimal') {
              throw new KqlSyntaxError(ErrorCodes.SYN_BAD_LITERAL, `${lit.type} values are not supported in dynamic literals`, lit.span);
            }
            return toDynamic(value, lit.type);
          });
        },
      },
      {
        // A dynamic literal nested in another: dynamic([dynamic({"a": 1})]).
        GATE: () => this.LA(2).tokenType === T.LParen,
        ALT: () => this.SUBRULE(this.dynamicLiteral).value,
      },
      {
        ALT: () => {
          const t = this.CONSUME2(T.Identifier); // null
          return this.ACTION(() => {
            if (t.image !== 'null') throw new KqlSyntaxError(ErrorCodes.SYN_BAD_LITERAL, `'${t.image}' is not a valid dynamic value`, tokenSpan(t));
            return null;
          });
        },
      },
    ] });
  });

  /** `(a:string, b:long)`: the declared columns of datatable and externaldata. */
  private columnDeclarations = this.RULE('columnDeclarations', (): A.DatatableExpr['columns'] => {
    this.CONSUME(T.LParen);
    const columns: A.DatatableExpr['columns'] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const name = this.SUBRULE(this.identifier);
        this.CONSUME(T.Colon);
        const type = this.SUBRULE(this.typeName);
        this.ACTION(() => columns.push({ name: name.name, type, span: name.span }));
      },
    });
    this.CONSUME(T.RParen);
    return columns;
  });

  /** datatable(a:string, b:long) [ "x", 1, "y", 2 ] */
  private datatableExpr = this.RULE('datatableExpr', (): A.Expr => {
    const kw = this.CONSUME(T.Kw.datatable);
    const columns = this.SUBRULE(this.columnDeclarations);
    const values: A.Expr[] = [];
    const close = this.OR2([
      {
        // datatable(a:string) ["x"]: one string value lexes as a bracketed-identifier token.
        ALT: () => {
          const t = this.CONSUME(T.BracketIdentifier);
          this.ACTION(() => values.push({ kind: 'Literal', type: 'string', value: bracketName(t.image), span: tokenSpan(t) }));
          return t;
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          // Values are comma-separated; a trailing comma before `]` is allowed (the docs' examples use it).
          this.OPTION3(() => {
            values.push(this.SUBRULE(this.orExpr));
            this.MANY2({
              GATE: () => this.LA(2).tokenType !== T.RBracket,
              DEF: () => { this.CONSUME3(T.Comma); values.push(this.SUBRULE2(this.orExpr)); },
            });
            this.OPTION4(() => this.CONSUME4(T.Comma));
          });
          return this.CONSUME(T.RBracket);
        },
      },
    ]);
    return this.ACTION((): A.Expr => ({ kind: 'Datatable', columns, values, span: spanOf(kw, close) }));
  });

  private printExpr = this.RULE('printExpr', (): A.Expr => {
    const kw = this.CONSUME(T.Kw.print);
    const items = this.SUBRULE(this.assignmentList);
    return this.ACTION((): A.Expr => ({ kind: 'Print', items, span: joinSpans(tokenSpan(kw), items[items.length - 1].span) }));
  });

  /** externaldata(a:string, b:long) [ "https://..." ] with (format="csv", ignoreFirstRecord=true) */
  private externalDataExpr = this.RULE('externalDataExpr', (): A.Expr => {
    const kw = this.CONSUME(T.Kw.externaldata);
    const columns = this.SUBRULE(this.columnDeclarations);
    const urls: string[] = [];
    let last = this.OR([
      {
        // A single URL `[ "https://..." ]` lexes as one bracketed-identifier token.
        ALT: () => {
          const t = this.CONSUME(T.BracketIdentifier);
          this.ACTION(() => urls.push(bracketName(t.image)));
          return t;
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.AT_LEAST_ONE_SEP2({
            SEP: T.Comma,
            DEF: () => {
              const lit = this.SUBRULE(this.stringLiterals);
              this.ACTION(() => urls.push(lit.value as string));
            },
          });
          return this.CONSUME(T.RBracket);
        },
      },
    ]);
    const properties: A.OperatorParam[] = [];
    this.OPTION(() => {
      this.CONSUME(T.Kw.with);
      this.CONSUME2(T.LParen);
      this.MANY_SEP3({
        SEP: T.Comma,
        DEF: () => {
          const name = this.CONSUME(T.Identifier);
          this.CONSUME(T.Eq);
          const value = this.SUBRULE(this.otherOrStringLiteral);
          this.ACTION(() => properties.push({ name: name.image, value: value.value as string | number | boolean, span: joinSpans(tokenSpan(name), value.span) }));
        },
      });
      last = this.CONSUME2(T.RParen);
    });
    return this.ACTION((): A.Expr => ({ kind: 'ExternalData', columns, urls, properties, span: spanOf(kw, last) }));
  });

  /** A literal value, or a bare word (format=csv) taken as its text. */
  private otherOrStringLiteral = this.RULE('otherOrStringLiteral', (): A.Literal => {
    return this.OR({ IGNORE_AMBIGUITIES: true, DEF: [
      { ALT: () => this.SUBRULE(this.literal) },
      {
        ALT: () => {
          const t = this.CONSUME(T.Identifier);
          return this.ACTION(() => ({ kind: 'Literal' as const, type: 'string' as const, value: t.image, span: tokenSpan(t) }));
        },
      },
    ] });
  });

  /** range x from 1 to 10 step 1 */
  private rangeExpr = this.RULE('rangeExpr', (): A.Expr => {
    const kw = this.CONSUME(T.Kw.range);
    const column = this.SUBRULE(this.identifier);
    this.CONSUME(T.Kw.from);
    const from = this.SUBRULE(this.additiveExpr);
    this.CONSUME(T.Kw.to);
    const to = this.SUBRULE2(this.additiveExpr);
    this.CONSUME(T.Kw.step);
    const step = this.SUBRULE3(this.additiveExpr);
    return this.ACTION((): A.Expr => ({ kind: 'Range', column: column.name, from, to, step, span: joinSpans(tokenSpan(kw), step.span) }));
  });
}

function binary(op: string, opToken: IToken, left: A.Expr, right: A.Expr): A.Expr {
  return { kind: 'Binary', op, opSpan: tokenSpan(opToken), left, right, span: joinSpans(left.span, right.span) };
}

/** Turn a join's `on` expression into conditions: `Col`, `$left.A == $right.B`, joined by `and`. */
function toJoinConditions(expr: A.Expr): A.JoinCondition[] {
  if (expr.kind === 'Name') return [{ kind: 'same', name: expr.name, span: expr.span }];
  if (expr.kind === 'Binary' && expr.op === 'and') return [...toJoinConditions(expr.left), ...toJoinConditions(expr.right)];
  if (expr.kind === 'Binary' && expr.op === '==') {
    const side = (e: A.Expr) => (e.kind === 'Member' && e.target.kind === 'Name' && (e.target.name === '$left' || e.target.name === '$right') ? { side: e.target.name, name: e.name, span: e.span } : undefined);
    const a = side(expr.left), b = side(expr.right);
    if (a && b && a.side !== b.side) {
      const [l, r] = a.side === '$left' ? [a, b] : [b, a];
      return [{ kind: 'pair', left: l.name, right: r.name, span: expr.span, leftSpan: l.span, rightSpan: r.span }];
    }
  }
  throw new KqlSyntaxError(
    ErrorCodes.SYN_UNEXPECTED_TOKEN,
    "join conditions must be column names or '$left.Column == $right.Column'",
    expr.span,
  );
}
