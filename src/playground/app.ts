/**
 * The playground page (src/playground/index.html): a query, its tables, Run in a worker, then the rows,
 * the stages with their row counts, and any error at its line and column. Automation and tests drive it
 * through `window.playground` and the `data-testid` attributes (docs/playground.md).
 */
import type { RuleInfo, RunError, RunResult, Rows, TableInfo, TableInput } from './protocol.js';
import { defaultRuleTime } from './rule-time.js';
import { CHART_KINDS, ChartView, type ChartKind } from './chart.js';
import { QueryEditor } from './editor.js';
import type { Diagnostic, Names } from './protocol.js';
import { decodeState, encodeState, bigintsAsText } from './share.js';
import { renderGrid, toCsv, type GridData } from './grid.js';
import { WorkerClient } from './worker-client.js';
import { createTablesPanel } from './tables-panel.js';

/** Injected by scripts/build-playground.mjs: the worker bundle's source, and the seed rule with its sample tables. */
declare const __PLAYGROUND_WORKER__: string;
declare const __PLAYGROUND_EXAMPLE__: { query: string; tables: Record<string, Record<string, unknown>[]> };

type Tables = Record<string, Rows>;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const queryBox = byId<HTMLDivElement>('query');
const runButton = byId<HTMLButtonElement>('run');
const stopButton = byId<HTMLButtonElement>('stop');
const errorBox = byId<HTMLPreElement>('error');
const stagesList = byId<HTMLOListElement>('stages');
const resultTable = byId<HTMLTableElement>('result');
const rowCount = byId<HTMLSpanElement>('row-count');
const elapsed = byId<HTMLSpanElement>('elapsed');
const exportJson = byId<HTMLButtonElement>('export-json');
const exportCsv = byId<HTMLButtonElement>('export-csv');
const verdictBox = byId<HTMLDivElement>('verdict');
const ruleBar = byId<HTMLDivElement>('rule-bar');
const ruleNow = byId<HTMLInputElement>('rule-now');
const ruleText = byId<HTMLTextAreaElement>('rule-text');
const ruleProblem = byId<HTMLParagraphElement>('rule-problem');

const chartKind = byId<HTMLSelectElement>('chart-kind');
const chartBox = byId<HTMLDivElement>('chart');
const chartNote = byId<HTMLSpanElement>('chart-note');
const chart = new ChartView(byId<HTMLCanvasElement>('chart-canvas'));
let lastRender: RunResult['render'];

/** Draws the last result as the chosen kind (none: no chart), or says why there is nothing to draw. */
function drawChart(): void {
  const kind = chartKind.value as ChartKind | '';
  chart.clear();
  chartBox.hidden = true;
  chartNote.textContent = '';
  if (!kind || !lastResult) return;
  const properties = lastRender?.kind === kind ? lastRender.properties : undefined;
  if (chart.draw(lastResult, kind, properties)) chartBox.hidden = false;
  else chartNote.textContent = 'nothing to draw: the result has no numeric column';
}

/** The rule loaded, if any: its YAML (run with the query as edited on the page) and what it says. */
let rule: { yaml: string; info: RuleInfo } | undefined;

/** The tables by name, as the worker read them (rows, schema, warnings). */
const tables = new Map<string, TableInfo>();
let lastResult: GridData | undefined;

// The worker, from a blob: URL (pages opened from file:// may not load worker files), replaced on Stop.
const worker = new WorkerClient(URL.createObjectURL(new Blob([__PLAYGROUND_WORKER__], { type: 'text/javascript' })));

function tableRows(): Tables {
  const out: Tables = {};
  for (const [name, t] of tables) out[name] = t.rows;
  return out;
}

/** The tables as runKql takes them: a declared schema goes with its rows. */
function tableInputs(): Record<string, TableInput> {
  const out: Record<string, TableInput> = {};
  for (const [name, t] of tables) out[name] = t.schemaSource === 'declared' ? { schema: t.columns, rows: t.rows } : t.rows;
  return out;
}

const panel = createTablesPanel({
  async add(name, text, format) {
    const { table } = (await worker.request({ kind: 'table', name, text, format })) as { table: TableInfo };
    tables.set(name, table);
    panel.show([...tables.values()]);
  },
  remove(name) {
    tables.delete(name);
    panel.show([...tables.values()]);
  },
});

/** The last replacement of the tables: a run waits for it, so it sees the tables just set. */
let tablesReady: Promise<void> = Promise.resolve();

/** Replaces every table (rows, or `{ schema, rows }` with a declared schema), described by the worker (schema, warnings). */
function setTables(next: Record<string, TableInput>): Promise<void> {
  tablesReady = (async () => {
    const described = await Promise.all(Object.entries(next).map(([name, input]) =>
      worker.request(Array.isArray(input) ? { kind: 'table', name, rows: input } : { kind: 'table', name, rows: input.rows, schema: input.schema })));
    tables.clear();
    for (const r of described) {
      const { table } = r as { table: TableInfo };
      tables.set(table.name, table);
    }
    panel.show([...tables.values()]);
  })();
  return tablesReady;
}

function numberInput(id: string, fallback: number): number {
  const n = Number(byId<HTMLInputElement>(id).value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

async function execute(query: string): Promise<RunResult> {
  const limits = { timeoutMs: numberInput('timeout', 30_000), maxRows: numberInput('max-rows', 1_000_000) };
  const response = rule
    ? await worker.request({ kind: 'rule', yaml: rule.yaml, now: ruleNow.value.trim(), query, tables: tableInputs(), ...limits })
    : await worker.request({ kind: 'run', query, tables: tableInputs(), ...limits });
  return (response as { result: RunResult }).result;
}

/** Loads a rule file: its query replaces the text, its window and trigger apply to every run until unloaded. */
async function loadRule(yaml: string): Promise<void> {
  try {
    const { rule: info } = (await worker.request({ kind: 'rule-info', yaml })) as { rule: RuleInfo };
    rule = { yaml, info };
    ruleProblem.hidden = true;
    (ruleText.closest('details') as HTMLDetailsElement).open = false;
  } catch (err) {
    ruleProblem.textContent = (err as RunError).message;
    ruleProblem.hidden = false;
    throw new Error((err as RunError).message);
  }
  editor.text = rule.info.query;
  byId('rule-name').textContent = rule.info.name;
  const { operator, threshold } = rule.info.trigger;
  byId('rule-meta').textContent = `${rule.info.queryPeriod ? `looks back ${rule.info.queryPeriod}` : 'no queryPeriod: all rows'} · fires when rows ${operator} ${threshold}`;
  ruleNow.value = defaultRuleTime([...tables.values()].map((t) => t.rows));
  ruleBar.hidden = false;
}

function unloadRule(): void {
  rule = undefined;
  ruleBar.hidden = true;
  verdictBox.hidden = true;
}

function showVerdict(result: RunResult): void {
  const v = result.verdict;
  verdictBox.hidden = !v;
  if (!v) return;
  verdictBox.className = `verdict ${v.fired ? 'fired' : 'quiet'}`;
  verdictBox.textContent = v.fired ? 'The rule fired' : 'The rule did not fire';
  const detail = document.createElement('span');
  detail.className = 'detail';
  const span = v.window ? ` · rows with TimeGenerated in (${v.window.from}, ${v.window.to}]` : '';
  detail.textContent = `${result.rows.length} row${result.rows.length === 1 ? '' : 's'} ${v.trigger.operator} ${v.trigger.threshold}${span}`;
  verdictBox.append(detail);
}

/** Selects line `line` of the query from `column` to its end: where a stage or an error is. */
function selectInQuery(line: number, column: number): void {
  editor.select(line, column);
}

function showStages(result: RunResult): void {
  stagesList.replaceChildren(...result.trace.map((s) => {
    const li = document.createElement('li');
    li.className = 'stage' + (s.rowsOut === 0 ? ' empty' : '');
    li.style.marginLeft = `${s.depth * 18}px`;
    li.dataset.rowsOut = String(s.rowsOut);
    const what = document.createElement('span');
    what.append(s.operator);
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `  line ${s.line}${s.runs > 1 ? `, ${s.runs} runs` : ''}`;
    what.append(where);
    const rows = document.createElement('span');
    rows.className = 'rows';
    rows.textContent = s.rowsIn === undefined ? String(s.rowsOut) : `${s.rowsIn} → ${s.rowsOut}`;
    li.append(what, rows);
    li.title = 'show in the query';
    li.onclick = () => selectInQuery(s.line, s.column);
    return li;
  }));
}

function clearOutput(): void {
  errorBox.hidden = true;
  errorBox.textContent = '';
  verdictBox.hidden = true;
  stagesList.replaceChildren();
  resultTable.tHead!.replaceChildren();
  resultTable.tBodies[0].replaceChildren();
  rowCount.textContent = '';
  elapsed.textContent = '';
  lastResult = undefined;
  chart.clear();
  chartBox.hidden = true;
  chartNote.textContent = '';
  exportJson.disabled = exportCsv.disabled = true;
}

function showError(error: RunError): void {
  errorBox.hidden = false;
  errorBox.textContent = error.code ? `${error.code}: ${error.message}` : error.message;
  if (error.line !== undefined && error.column !== undefined) selectInQuery(error.line, error.column);
}

async function run(): Promise<GridData> {
  clearOutput();
  const query = editor.text;
  runButton.disabled = true;
  rowCount.textContent = 'running…';
  try {
    await tablesReady.catch(() => {}); // the tables just set (a failure there is shown where they are added)
    history.replaceState(null, '', `#s=${encodeState({ query, tables: tableRows() })}`);
    stopButton.disabled = false; // from here on there is a run for Stop to end
    const result = await execute(query);
    lastResult = { columns: result.columns, rows: result.rows };
    showStages(result);
    showVerdict(result);
    renderGrid(resultTable, lastResult);
    // The query's render picks the chart; without one the kind picked on the page stays.
    lastRender = result.render;
    if (result.render) chartKind.value = (CHART_KINDS as readonly string[]).includes(result.render.kind) ? result.render.kind : '';
    drawChart();
    rowCount.textContent = `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}`;
    elapsed.textContent = `${result.elapsedMs.toFixed(1)} ms`;
    exportJson.disabled = exportCsv.disabled = false;
    return lastResult;
  } catch (err) {
    rowCount.textContent = '';
    const error = err as RunError;
    showError(error);
    throw new Error(error.message);
  } finally {
    runButton.disabled = false;
    stopButton.disabled = true;
  }
}

function download(name: string, type: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

runButton.onclick = () => void run().catch(() => {});
stopButton.onclick = () => worker.stop();
byId<HTMLButtonElement>('load-rule').onclick = () => void loadRule(ruleText.value).then(() => (ruleText.value = ''), () => {});
byId<HTMLButtonElement>('unload-rule').onclick = unloadRule;
// A rule file dropped on the query loads it.
queryBox.addEventListener('dragover', (e) => e.preventDefault());
queryBox.addEventListener('drop', async (e) => {
  const file = e.dataTransfer?.files[0];
  if (!file || !/\.ya?ml$/i.test(file.name)) return;
  e.preventDefault();
  e.stopPropagation(); // the editor would insert the file's text
  await loadRule(await file.text()).catch(() => {});
}, true);
chartKind.onchange = drawChart;
exportJson.onclick = () => lastResult && download('result.json', 'application/json', JSON.stringify(lastResult.rows, bigintsAsText, 2));
exportCsv.onclick = () => lastResult && download('result.csv', 'text/csv', toCsv(lastResult));

const shared = decodeState(location.hash);
let languageNames: Names | undefined;
const editor = new QueryEditor(queryBox, shared?.query ?? __PLAYGROUND_EXAMPLE__.query, {
  async diagnose(query) {
    const schemas = Object.fromEntries([...tables].map(([name, t]) => [name, t.columns]));
    const r = await worker.request({ kind: 'analyze', query, schemas }).catch(() => ({ diagnostics: [] }));
    return (r as { diagnostics: Diagnostic[] }).diagnostics;
  },
  names: () => ({ tables: new Map([...tables].map(([name, t]) => [name, t.columns.map((c) => c.name)])), language: languageNames }),
  run: () => void run().catch(() => {}),
});
void worker.request({ kind: 'names' }).then((r) => {
  languageNames = (r as { names: Names }).names;
  editor.refreshLanguage();
}, () => {});
void setTables(shared?.tables ?? __PLAYGROUND_EXAMPLE__.tables);

(window as unknown as { playground: unknown }).playground = {
  setQuery(text: string) {
    editor.text = text;
  },
  getQuery: () => editor.text,
  /** The text selected in the editor (a stage or an error selects its place). */
  selection: () => editor.selected,
  /** Resolves once the tables are read (their schemas and warnings shown); run() waits for it too. */
  setTables,
  run,
  stop: () => worker.stop(),
  /** Loads a rule file (YAML text): rejects with its problem. */
  loadRule,
  unloadRule,
  /** What the chart shows: its kind and how many series and points, or null without a chart. */
  chart: () => chart.summary ?? null,
};
