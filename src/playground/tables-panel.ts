/**
 * The tables panel: each table's name, row count, schema (built-in or inferred) and fixture warnings;
 * tables added by pasting text (JSON, NDJSON or CSV, read as the file loaders read them) or by dropping
 * files, and removed with their × button.
 */
import type { TableInfo } from './protocol.js';
import type { TableTextFormat } from '../tables/table-text.js';

export interface TablesPanel {
  show(tables: TableInfo[]): void;
}

export interface TablesPanelHandlers {
  /** Reads `text` as table `name`; rejects with the problem to show. */
  add(name: string, text: string, format: TableTextFormat | undefined): Promise<void>;
  remove(name: string): void;
}

const FORMAT_OF_EXTENSION: Record<string, TableTextFormat> = { json: 'json', ndjson: 'ndjson', jsonl: 'ndjson', csv: 'csv' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  e.textContent = text;
  return e;
}

export function createTablesPanel(handlers: TablesPanelHandlers): TablesPanel {
  const list = document.getElementById('tables') as HTMLUListElement;
  const nameInput = document.getElementById('table-name') as HTMLInputElement;
  const textInput = document.getElementById('table-text') as HTMLTextAreaElement;
  const formatInput = document.getElementById('table-format') as HTMLSelectElement;
  const problem = document.getElementById('table-problem') as HTMLParagraphElement;
  const addButton = document.getElementById('add-table') as HTMLButtonElement;
  const dropZone = document.getElementById('tables-section') as HTMLElement;

  const report = (message: string) => {
    problem.textContent = message;
    problem.hidden = message === '';
  };
  const add = async (name: string, text: string, format: TableTextFormat | undefined) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      report(`'${name}' is not a table name: letters, digits and _, not starting with a digit`);
      return false;
    }
    try {
      await handlers.add(name, text, format);
      report('');
      return true;
    } catch (err) {
      report(`${name}: ${(err as { message?: string }).message ?? String(err)}`);
      return false;
    }
  };

  addButton.onclick = async () => {
    const format = formatInput.value === 'auto' ? undefined : (formatInput.value as TableTextFormat);
    if (await add(nameInput.value.trim(), textInput.value, format)) {
      textInput.value = '';
      nameInput.value = '';
    }
  };
  dropZone.addEventListener('dragover', (e) => {
    e.preventDefault();
    dropZone.classList.add('dropping');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dropping'));
  dropZone.addEventListener('drop', async (e) => {
    e.preventDefault();
    dropZone.classList.remove('dropping');
    for (const file of Array.from(e.dataTransfer?.files ?? [])) {
      const dot = file.name.lastIndexOf('.');
      const name = dot > 0 ? file.name.slice(0, dot) : file.name;
      await add(name, await file.text(), FORMAT_OF_EXTENSION[file.name.slice(dot + 1).toLowerCase()]);
    }
  });

  return {
    show(tables) {
      list.replaceChildren(...tables.map((t) => {
        const li = element('li', 'table');
        li.dataset.table = t.name;
        const head = element('div', 'table-head');
        const remove = element('button', 'remove', '×');
        remove.title = `remove ${t.name}`;
        remove.onclick = () => handlers.remove(t.name);
        head.append(element('span', 'name', t.name), element('span', 'meta', `${t.rows.length} row${t.rows.length === 1 ? '' : 's'} · ${t.schemaSource} schema`), remove);
        const schema = element('details', 'schema');
        schema.append(element('summary', '', `${t.columns.length} columns`), element('div', 'columns', t.columns.map((c) => `${c.name}: ${c.type}`).join(', ')));
        li.append(head, schema, ...t.warnings.map((w) => element('p', 'warning', w)));
        return li;
      }));
    },
  };
}
