/**
 * The playground page (src/playground/index.html): a query, its tables, Run in a worker, then the rows,
 * the stages with their row counts, and any error at its line and column. Automation and tests drive it
 * through `window.playground` and the `data-testid` attributes (docs/playground.md).
 */
import type { RunError, RunRequest, RunResponse, RunResult } from './protocol.js';
import { decodeState, encodeState, bigintsAsText } from './share.js';
import { renderGrid, toCsv, type GridData } from './grid.js';

/** Injected by scripts/build-playground.mjs: the worker bundle's source, and the seed rule with its sample tables. */
declare const __PLAYGROUND_WORKER__: string;
declare const __PLAYGROUND_EXAMPLE__: { query: string; tables: Record<string, Record<string, unknown>[]> };

type Tables = Record<string, Record<string, unknown>[]>;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const queryBox = byId<HTMLTextAreaElement>('query');
const runButton = byId<HTMLButtonElement>('run');
const stopButton = byId<HTMLButtonElement>('stop');
const errorBox = byId<HTMLPreElement>('error');
const stagesList = byId<HTMLOListElement>('stages');
const resultTable = byId<HTMLTableElement>('result');
const rowCount = byId<HTMLSpanElement>('row-count');
const elapsed = byId<HTMLSpanElement>('elapsed');
const tablesList = byId<HTMLUListElement>('tables');
const exportJson = byId<HTMLButtonElement>('export-json');
const exportCsv = byId<HTMLButtonElement>('export-csv');

let tables: Tables = {};
let lastResult: GridData | undefined;

// The worker, from a blob: URL (pages opened from file:// may not load worker files), replaced on Stop.
const workerUrl = URL.createObjectURL(new Blob([__PLAYGROUND_WORKER__], { type: 'text/javascript' }));
let worker = new Worker(workerUrl);
let nextId = 1;
let pending: { id: number; resolve: (r: RunResult) => void; reject: (e: RunError) => void } | undefined;

function listen(w: Worker): void {
  w.onmessage = (event: MessageEvent<RunResponse>) => {
    const p = pending;
    if (!p || event.data.id !== p.id) return;
    pending = undefined;
    if (event.data.ok) p.resolve(event.data.result);
    else p.reject(event.data.error);
  };
}
listen(worker);

function stop(): void {
  if (!pending) return;
  worker.terminate();
  worker = new Worker(workerUrl);
  listen(worker);
  const p = pending;
  pending = undefined;
  p.reject({ message: 'Stopped: the query was cancelled before it finished.' });
}

function numberInput(id: string, fallback: number): number {
  const n = Number(byId<HTMLInputElement>(id).value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function execute(query: string): Promise<RunResult> {
  if (pending) stop();
  return new Promise((resolve, reject) => {
    const request: RunRequest = { id: nextId++, query, tables, timeoutMs: numberInput('timeout', 30_000), maxRows: numberInput('max-rows', 1_000_000) };
    pending = { id: request.id, resolve, reject };
    worker.postMessage(request);
  });
}

function showTables(): void {
  tablesList.replaceChildren(...Object.entries(tables).map(([name, rows]) => {
    const li = document.createElement('li');
    const n = document.createElement('span');
    n.className = 'name';
    n.textContent = name;
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = `${rows.length} row${rows.length === 1 ? '' : 's'}`;
    li.append(n, meta);
    return li;
  }));
}

/** Selects line `line` of the query from `column` to its end: where a stage or an error is. */
function selectInQuery(line: number, column: number): void {
  const lines = queryBox.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  const text = lines[line - 1] ?? '';
  queryBox.focus();
  queryBox.setSelectionRange(offset + Math.max(0, column - 1), offset + text.length);
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
  stagesList.replaceChildren();
  resultTable.tHead!.replaceChildren();
  resultTable.tBodies[0].replaceChildren();
  rowCount.textContent = '';
  elapsed.textContent = '';
  lastResult = undefined;
  exportJson.disabled = exportCsv.disabled = true;
}

function showError(error: RunError): void {
  errorBox.hidden = false;
  errorBox.textContent = error.code ? `${error.code}: ${error.message}` : error.message;
  if (error.line !== undefined && error.column !== undefined) selectInQuery(error.line, error.column);
}

async function run(): Promise<GridData> {
  clearOutput();
  const query = queryBox.value;
  history.replaceState(null, '', `#s=${encodeState({ query, tables })}`);
  runButton.disabled = true;
  stopButton.disabled = false;
  rowCount.textContent = 'running…';
  try {
    const result = await execute(query);
    lastResult = { columns: result.columns, rows: result.rows };
    showStages(result);
    renderGrid(resultTable, lastResult);
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
stopButton.onclick = stop;
queryBox.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    void run().catch(() => {});
  }
});
exportJson.onclick = () => lastResult && download('result.json', 'application/json', JSON.stringify(lastResult.rows, bigintsAsText, 2));
exportCsv.onclick = () => lastResult && download('result.csv', 'text/csv', toCsv(lastResult));

const shared = decodeState(location.hash);
queryBox.value = shared?.query ?? __PLAYGROUND_EXAMPLE__.query;
tables = shared?.tables ?? __PLAYGROUND_EXAMPLE__.tables;
showTables();

(window as unknown as { playground: unknown }).playground = {
  setQuery(text: string) {
    queryBox.value = text;
  },
  setTables(next: Tables) {
    tables = { ...next };
    showTables();
  },
  run,
  stop,
};
