/**
 * The query editor (CodeMirror 6): KQL highlighting, errors and warnings underlined as you type (the
 * worker's analyzeKql against the tables' schemas), and completion of table, column, function and
 * operator names. Ctrl+Enter (Cmd+Enter) runs.
 */
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { StreamLanguage, HighlightStyle, syntaxHighlighting, defaultHighlightStyle, bracketMatching, type StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { autocompletion, completionKeymap, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import type { Diagnostic as QueryDiagnostic, Names } from './protocol.js';

/** Words of the language that are not operators or functions. */
const KEYWORDS = ['let', 'and', 'or', 'not', 'by', 'on', 'kind', 'with', 'true', 'false', 'asc', 'desc', 'nulls', 'first', 'last', 'in', 'has', 'contains', 'startswith', 'endswith', 'matches', 'regex', 'between', 'has_any', 'has_all', 'has_cs', 'hasprefix', 'hassuffix', 'contains_cs', 'startswith_cs', 'endswith_cs', 'in~', 'declare', 'query_parameters', 'set', 'inner', 'leftouter', 'rightouter', 'fullouter', 'leftanti', 'rightanti', 'leftsemi', 'rightsemi', 'innerunique', 'typeof', 'datatable', 'dynamic', 'datetime', 'timespan', 'materialize', 'toscalar', 'range', 'print', 'union', 'step', 'from', 'to'];

interface KqlState {
  inString: string | undefined;
}

/** The rest of a string literal on this line (it may go on on the next): `\` escapes except in @'verbatim' text. */
function readString(stream: StringStream, state: KqlState): string {
  const quote = state.inString!;
  while (!stream.eol()) {
    const ch = stream.next();
    if (ch === '\\' && !quote.startsWith('@')) stream.next();
    else if (ch === quote.slice(-1)) {
      state.inString = undefined;
      break;
    }
  }
  return 'string';
}

/** A small stream tokenizer: comments, strings (verbatim @'...' too), numbers and timespans, words, operators. */
function kqlLanguage(isOperator: (w: string) => boolean, isFunction: (w: string) => boolean) {
  const keywords = new Set(KEYWORDS);
  return StreamLanguage.define<KqlState>({
    name: 'kql',
    startState: () => ({ inString: undefined }),
    token(stream: StringStream, state: KqlState) {
      if (state.inString) return readString(stream, state);
      if (stream.eatSpace()) return null;
      if (stream.match('//')) {
        stream.skipToEnd();
        return 'comment';
      }
      const verbatim = stream.match(/^[@hH]?['"]/);
      if (verbatim) {
        const opening = (verbatim as RegExpMatchArray)[0];
        state.inString = opening.startsWith('@') ? `@${opening.slice(-1)}` : opening.slice(-1);
        return readString(stream, state);
      }
      if (stream.match(/^\d+(\.\d+)?(e[+-]?\d+)?(d|h|m|s|ms|microsecond|tick|day|hour|minute|second)?\b/i)) return 'number';
      const word = stream.match(/^[A-Za-z_][\w-]*/);
      if (word) {
        let w = (word as RegExpMatchArray)[0];
        // A hyphen belongs to a word only in operator names (mv-apply, project-away): give it back otherwise.
        if (w.includes('-') && !isOperator(w)) {
          stream.backUp(w.length - w.indexOf('-'));
          w = w.slice(0, w.indexOf('-'));
        }
        if (isOperator(w)) return 'keyword';
        if (keywords.has(w)) return 'keyword';
        if (stream.match(/^\s*\(/, false) && isFunction(w)) return 'variableName.function';
        return 'variableName';
      }
      if (stream.match(/^(\||==|!=|=~|!~|<=|>=|=>|<|>|\+|-|\*|\/|%|=)/)) return 'operator';
      stream.next();
      return null;
    },
  });
}

/** Function names in a colour of their own (the default style leaves them plain), under the default style. */
const kqlHighlight = HighlightStyle.define([{ tag: tags.function(tags.variableName), color: '#7048e8' }]);

export interface EditorHooks {
  /** The query's problems (from the worker). */
  diagnose(text: string): Promise<QueryDiagnostic[]>;
  /** Names to complete: table names with their columns, and the language's names. */
  names(): { tables: Map<string, string[]>; language: Names | undefined };
  run(): void;
}

export class QueryEditor {
  readonly view: EditorView;
  private readonly language = new Compartment();

  constructor(parent: HTMLElement, text: string, private readonly hooks: EditorHooks) {
    const kql = this.kql();
    const complete = (context: CompletionContext) => {
      const word = context.matchBefore(/[\w-]*/);
      if (!word || (word.from === word.to && !context.explicit)) return null;
      const { tables, language: names } = hooks.names();
      const options: Completion[] = [];
      for (const [table, columns] of tables) {
        options.push({ label: table, type: 'class', detail: 'table' });
        for (const c of columns) options.push({ label: c, type: 'property', detail: table });
      }
      for (const t of names?.tables ?? []) if (!tables.has(t)) options.push({ label: t, type: 'class', detail: 'built-in table', boost: -10 });
      for (const o of names?.operators ?? []) options.push({ label: o, type: 'keyword', detail: 'operator' });
      for (const f of names?.functions ?? []) options.push({ label: f, type: 'function', detail: 'function', apply: `${f}(` });
      for (const f of names?.aggregates ?? []) options.push({ label: f, type: 'function', detail: 'aggregate', apply: `${f}(` });
      return { from: word.from, options, validFor: /^[\w-]*$/ };
    };
    const lint = linter(async (view): Promise<Diagnostic[]> => {
      const text = view.state.doc.toString();
      if (text.trim() === '') return [];
      const found = await hooks.diagnose(text);
      return found.map((d) => ({ from: Math.min(d.from, view.state.doc.length), to: Math.min(d.to, view.state.doc.length), severity: d.severity, message: d.message }));
    }, { delay: 300 });
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          this.language.of(kql),
          syntaxHighlighting(kqlHighlight),
          syntaxHighlighting(defaultHighlightStyle),
          autocompletion({ override: [complete] }),
          lint,
          lintGutter(),
          keymap.of([{ key: 'Mod-Enter', run: () => (hooks.run(), true) }, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
          EditorView.theme({ '&': { height: '100%' }, '.cm-scroller': { fontFamily: 'var(--mono)' } }),
        ],
      }),
    });
  }

  /** The highlighter over the names known now (operators, functions). */
  private kql() {
    const names = () => this.hooks.names().language;
    return kqlLanguage((w) => names()?.operators.includes(w) ?? false, (w) => {
      const l = names();
      return l ? l.functions.includes(w) || l.aggregates.includes(w) : false;
    });
  }

  /** Highlights the text again, once the language's names have come from the worker. */
  refreshLanguage(): void {
    this.view.dispatch({ effects: this.language.reconfigure(this.kql()) });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  set text(value: string) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: value } });
  }

  /** Selects from line:column to the end of that line, and scrolls it into view. */
  select(line: number, column: number): void {
    const doc = this.view.state.doc;
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    const from = Math.min(l.from + Math.max(0, column - 1), l.to);
    this.view.dispatch({ selection: { anchor: from, head: l.to }, scrollIntoView: true });
    this.view.focus();
  }

  /** The selected text. */
  get selected(): string {
    const { from, to } = this.view.state.selection.main;
    return this.view.state.sliceDoc(from, to);
  }
}
