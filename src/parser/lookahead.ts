/**
 * How the parser gets its lookahead functions (which alternative of an OR to take, whether to enter an
 * OPTION or MANY). Chevrotain computes the LL(k) lookahead paths of every decision in
 * performSelfAnalysis; for this grammar that took most of the start-up time (the tabular-operator choice
 * alone, whose alternatives start with soft keywords of the Identifier category, tens of ms). Instead:
 *
 * - the paths are computed ahead of time by scripts/gen-lookahead.ts into lookahead.generated.ts, with
 *   a fingerprint of the grammar and tokens; the parser builds each decision's function from its stored
 *   paths (cheap), the same function Chevrotain builds from the same paths;
 * - if the fingerprint does not match (the grammar changed and the table was not regenerated), Chevrotain
 *   computes the paths as before, but one decision at a time when the parser first reaches it: correct,
 *   only slower to start. test/parser/grammar.test.ts fails until the table is regenerated.
 */
import {
  Alternation,
  Alternative,
  GAstVisitor,
  LLkLookaheadStrategy,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
  getLookaheadPaths,
  tokenMatcher,
  type ILookaheadStrategy,
  type IProduction,
  type IToken,
  type LookaheadProductionType,
  type Rule,
  type TokenType,
} from 'chevrotain';

type AlternationFn = ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']>;
type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
/** The parser, as the lookahead functions see it (`this`). LA_FAST is Chevrotain's protected unchecked LA. */
interface Lookahead {
  LA_FAST(howMuch: number): IToken;
}
/** Paths of one decision: for an OR one list of paths per alternative, for an OPTION/MANY... one list. */
type Paths = TokenType[][];

/** The generated table: token names, and per decision the paths as token indexes (JSON). */
export interface LookaheadTable {
  fingerprint: string;
  tokens: readonly string[];
  decisions: Readonly<Record<string, string>>;
}

/** Key of one decision in the table. */
export function decisionKey(ruleName: string, prodType: string, occurrence: number, maxLookahead: number): string {
  return `${ruleName}/${prodType}/${occurrence}/${maxLookahead}`;
}

/**
 * A fingerprint of everything Chevrotain's lookahead paths depend on: the recorded grammar, the default
 * lookahead depth, and the token types with their categories (a keyword added to the Identifier
 * category changes the paths even where the grammar does not name it). Computed on every start, so it
 * is kept cheap: a compact walk of the grammar (not serializeGrammar + JSON, several times the text),
 * hashed.
 */
export function grammarFingerprint(rules: Rule[], tokens: readonly TokenType[], maxLookahead: number): string {
  const parts: string[] = [String(maxLookahead)];
  for (const t of tokens) parts.push(t.CATEGORIES?.length ? `${t.name}<${t.CATEGORIES.map((c) => c.name).join('<')}` : t.name);
  // maxLookahead (an OR's MAX_LOOKAHEAD) is on the recorded nodes, though not in Chevrotain's types.
  const k = (node: IProduction) => (node as { maxLookahead?: number }).maxLookahead ?? '';
  const walk = (nodes: IProduction[]): void => {
    for (const node of nodes) {
      if (node instanceof Terminal) parts.push(`t${node.idx}${node.terminalType.name}`);
      else if (node instanceof NonTerminal) parts.push(`n${node.idx}${node.nonTerminalName}`);
      else {
        let tag: string;
        if (node instanceof Alternation) tag = `a${node.idx}/${k(node)}`;
        else if (node instanceof Alternative) tag = 'l';
        else if (node instanceof Option) tag = `o${node.idx}/${k(node)}`;
        else if (node instanceof RepetitionMandatoryWithSeparator) tag = `R${node.idx}/${k(node)}${node.separator.name}`;
        else if (node instanceof RepetitionWithSeparator) tag = `S${node.idx}/${k(node)}${node.separator.name}`;
        else if (node instanceof RepetitionMandatory) tag = `M${node.idx}/${k(node)}`;
        else if (node instanceof Repetition) tag = `r${node.idx}/${k(node)}`;
        else tag = '?';
        parts.push(`${tag}(`);
        walk((node as unknown as { definition: IProduction[] }).definition);
        parts.push(')');
      }
    }
  };
  for (const rule of rules) {
    parts.push(`${rule.name}{`);
    walk(rule.definition);
    parts.push('}');
  }
  const text = parts.join(' ');
  // Two 32-bit FNV-1a style hashes: a 64-bit fingerprint, plenty to notice a change.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Chevrotain's LL(k) strategy with stored paths (see the file comment). Without a table (or with a stale
 * one) it is Chevrotain's own, each function built when first used.
 */
export class StoredLookaheadStrategy extends LLkLookaheadStrategy {
  private decisions: Readonly<Record<string, string>> | undefined;
  private tokenTypes: TokenType[] = [];
  private readonly k: number;

  constructor(
    options: { maxLookahead: number },
    private readonly table: LookaheadTable | undefined,
    private readonly tokens: readonly TokenType[],
  ) {
    super(options);
    this.k = options.maxLookahead;
  }

  override initialize(options: { rules: Rule[] }): void {
    if (!this.table || grammarFingerprint(options.rules, this.tokens, this.k) !== this.table.fingerprint) return;
    const byName = new Map(this.tokens.map((t) => [t.name, t]));
    const types = this.table.tokens.map((name) => byName.get(name));
    if (types.some((t) => t === undefined)) return;
    this.tokenTypes = types as TokenType[];
    this.decisions = this.table.decisions;
  }

  /** The stored paths of a decision, or undefined (no valid table, or a decision it does not have). */
  private storedPaths(key: string): Paths[] | undefined {
    const json = this.decisions?.[key];
    if (json === undefined) return undefined;
    return (JSON.parse(json) as number[][][]).map((paths) => paths.map((path) => path.map((i) => this.tokenTypes[i])));
  }

  override buildLookaheadForAlternation(options: AlternationOptions): AlternationFn {
    const stored = options.dynamicTokensEnabled
      ? undefined
      : this.storedPaths(decisionKey(options.rule.name, 'Alternation', options.prodOccurrence, options.maxLookahead));
    if (stored) return alternationFunction(stored, options.hasPredicates);
    // No table: Chevrotain computes the paths, when the parser first reaches this decision.
    let fn: AlternationFn | undefined;
    const build = (): AlternationFn => (fn = super.buildLookaheadForAlternation(options));
    return function (this: unknown, orAlts) {
      return (fn ?? build()).call(this, orAlts);
    };
  }

  override buildLookaheadForOptional(options: OptionalOptions): () => boolean {
    const stored = options.dynamicTokensEnabled
      ? undefined
      : this.storedPaths(decisionKey(options.rule.name, options.prodType, options.prodOccurrence, options.maxLookahead));
    if (stored) return optionalFunction(stored[0]);
    let fn: (() => boolean) | undefined;
    const build = (): (() => boolean) => (fn = super.buildLookaheadForOptional(options));
    return function (this: unknown) {
      return (fn ?? build()).call(this);
    };
  }
}

type Matcher = (token: IToken, type: TokenType) => boolean;

/** Chevrotain's choice of token matcher: the plain type comparison unless a path has a token category. */
function matcherFor(paths: Paths[]): Matcher {
  const categories = paths.some((alt) => alt.some((path) => path.some((type) => type.categoryMatches?.length)));
  return categories ? tokenMatcher : (token, type) => token.tokenTypeIdx === type.tokenTypeIdx;
}

/**
 * What Chevrotain's buildAlternativesLookAheadFunc returns for these paths (without dynamic tokens),
 * written the same way: these functions run for every OR the parser meets.
 */
function alternationFunction(alts: Paths[], hasPredicates: boolean): AlternationFn {
  const numOfAlts = alts.length;
  const tokenMatcher = matcherFor(alts);
  /** The first alternative (whose gate, if any, is open) with a path matching the next tokens. */
  const firstMatching = (parser: Lookahead, orAlts?: Parameters<AlternationFn>[0]): number | undefined => {
    for (let t = 0; t < numOfAlts; t++) {
      const gate = orAlts?.[t].GATE;
      if (gate !== undefined && gate.call(parser) === false) continue;
      const currAlt = alts[t];
      nextPath: for (let j = 0; j < currAlt.length; j++) {
        const currPath = currAlt[j];
        for (let i = 0; i < currPath.length; i++) {
          if (!tokenMatcher(parser.LA_FAST(i + 1), currPath[i])) continue nextPath;
        }
        return t;
      }
    }
    return undefined;
  };
  if (hasPredicates) {
    return function (this: unknown, orAlts) {
      return firstMatching(this as Lookahead, orAlts);
    };
  }
  if (alts.every((paths) => paths.every((path) => path.length === 1))) {
    // The next token's type (or a category it belongs to) -> the first alternative that starts with it.
    const choiceToAlt: Record<number, number> = {};
    alts.forEach((paths, idx) => {
      for (const [type] of paths) {
        if (!(type.tokenTypeIdx! in choiceToAlt)) choiceToAlt[type.tokenTypeIdx!] = idx;
        for (const sub of type.categoryMatches ?? []) if (!(sub in choiceToAlt)) choiceToAlt[sub] = idx;
      }
    });
    return function (this: unknown) {
      return choiceToAlt[(this as Lookahead).LA_FAST(1).tokenTypeIdx];
    };
  }
  return function (this: unknown) {
    return firstMatching(this as Lookahead);
  };
}

/** What Chevrotain's buildSingleAlternativeLookaheadFunction returns for these paths (without dynamic tokens). */
function optionalFunction(paths: Paths): () => boolean {
  if (paths.every((path) => path.length === 1)) {
    const types = paths.map(([type]) => type);
    if (types.length === 1 && !types[0].categoryMatches?.length) {
      const expected = types[0].tokenTypeIdx;
      return function (this: unknown) {
        return (this as Lookahead).LA_FAST(1).tokenTypeIdx === expected;
      };
    }
    const accept: boolean[] = [];
    for (const type of types) {
      accept[type.tokenTypeIdx!] = true;
      for (const sub of type.categoryMatches ?? []) accept[sub] = true;
    }
    return function (this: unknown) {
      return accept[(this as Lookahead).LA_FAST(1).tokenTypeIdx] === true;
    };
  }
  const tokenMatcher = matcherFor([paths]);
  return function (this: unknown) {
    const parser = this as Lookahead;
    nextPath: for (let j = 0; j < paths.length; j++) {
      const currPath = paths[j];
      for (let i = 0; i < currPath.length; i++) {
        if (!tokenMatcher(parser.LA_FAST(i + 1), currPath[i])) continue nextPath;
      }
      return true;
    }
    return false;
  };
}

/**
 * Computes the table for a recorded grammar with Chevrotain's own path computation (getLookaheadPaths,
 * what LLkLookaheadStrategy uses). Run by scripts/gen-lookahead.ts, and by the test that checks the
 * committed table is current.
 */
export function computeLookaheadTable(rules: Rule[], tokens: readonly TokenType[], maxLookahead: number): LookaheadTable {
  const decisions: [string, TokenType[][][]][] = [];
  for (const rule of rules) {
    const visitor = new (class extends GAstVisitor {
      private add(prodType: LookaheadProductionType, node: { idx: number; maxLookahead?: number }): void {
        const k = node.maxLookahead || maxLookahead;
        const paths = getLookaheadPaths({ occurrence: node.idx, rule, prodType, maxLookahead: k });
        // An OR keeps a list of paths per alternative; OPTION, MANY, ... keep only the paths into the
        // production (the first entry), as Chevrotain's buildLookaheadFuncForOptionalProd does.
        decisions.push([decisionKey(rule.name, prodType, node.idx, k), prodType === 'Alternation' ? paths : [paths[0]]]);
      }
      override visitNonTerminal(): void {}
      override visitAlternative(): void {}
      override visitTerminal(): void {}
      override visitRule(): void {}
      override visitAlternation(node: Alternation): void {
        this.add('Alternation', node);
      }
      override visitOption(node: Option): void {
        this.add('Option', node);
      }
      override visitRepetition(node: Repetition): void {
        this.add('Repetition', node);
      }
      override visitRepetitionMandatory(node: RepetitionMandatory): void {
        this.add('RepetitionMandatory', node);
      }
      override visitRepetitionMandatoryWithSeparator(node: RepetitionMandatoryWithSeparator): void {
        this.add('RepetitionMandatoryWithSeparator', node);
      }
      override visitRepetitionWithSeparator(node: RepetitionWithSeparator): void {
        this.add('RepetitionWithSeparator', node);
      }
    })();
    rule.accept(visitor);
  }
  const names: string[] = [];
  const index = new Map<string, number>();
  const known = new Set(tokens.map((t) => t.name));
  const encoded: Record<string, string> = {};
  for (const [key, alts] of decisions.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    encoded[key] = JSON.stringify(
      alts.map((paths) =>
        paths.map((path) =>
          path.map((t) => {
            if (!known.has(t.name)) throw new Error(`lookahead path of ${key} has token ${t.name}, which is not a grammar token`);
            let i = index.get(t.name);
            if (i === undefined) index.set(t.name, (i = names.push(t.name) - 1));
            return i;
          }),
        ),
      ),
    );
  }
  return { fingerprint: grammarFingerprint(rules, tokens, maxLookahead), tokens: names, decisions: encoded };
}
