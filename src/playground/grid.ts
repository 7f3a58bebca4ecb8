/** The result grid: typed cells (dynamic values expandable), columns sorted by a click on their header. */
import { bigintsAsText } from './share.js';

export interface GridData {
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
}

const NUMERIC = new Set(['long', 'int', 'real', 'decimal']);

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // nulls last either way round
  if (b === null || b === undefined) return -1;
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) return a < b ? -1 : a > b ? 1 : 0;
  return cellText(a).localeCompare(cellText(b));
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v, bigintsAsText);
  return String(v);
}

function cell(value: unknown, type: string): HTMLTableCellElement {
  const td = document.createElement('td');
  if (value === null || value === undefined) {
    td.textContent = 'null';
    td.className = 'null';
  } else if (typeof value === 'object') {
    // dynamic: one line, opening to the indented JSON
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = cellText(value);
    details.append(summary, JSON.stringify(value, bigintsAsText, 2));
    td.append(details);
  } else {
    td.textContent = String(value);
    if (NUMERIC.has(type)) td.className = 'num';
  }
  return td;
}

export function renderGrid(table: HTMLTableElement, data: GridData): void {
  let sortColumn = -1;
  let descending = false;
  const draw = () => {
    const rows = sortColumn < 0 ? data.rows : [...data.rows].sort((x, y) => {
      const name = data.columns[sortColumn].name;
      const c = compare(x[name], y[name]);
      return descending && x[name] != null && y[name] != null ? -c : c;
    });
    const head = document.createElement('tr');
    data.columns.forEach((c, i) => {
      const th = document.createElement('th');
      th.textContent = c.name + (i === sortColumn ? (descending ? ' ▼' : ' ▲') : '');
      const type = document.createElement('span');
      type.className = 'type';
      type.textContent = c.type;
      th.append(type);
      th.title = `sort by ${c.name}`;
      th.onclick = () => {
        descending = sortColumn === i ? !descending : false;
        sortColumn = i;
        draw();
      };
      head.append(th);
    });
    table.tHead!.replaceChildren(head);
    const body = table.tBodies[0];
    body.replaceChildren(...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.append(...data.columns.map((c) => cell(r[c.name], c.type)));
      return tr;
    }));
  };
  draw();
}

/** The rows as CSV (RFC 4180 quoting), dynamic values as JSON text. */
export function toCsv(data: GridData): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [data.columns.map((c) => quote(c.name)).join(',')];
  for (const r of data.rows) lines.push(data.columns.map((c) => quote(cellText(r[c.name]))).join(','));
  return lines.join('\r\n') + '\r\n';
}
