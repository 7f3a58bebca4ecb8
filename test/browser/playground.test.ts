/**
 * The playground page (dist/playground/index.html) from file:// in Debian's Chromium: the default example,
 * an error at its line and column, tables set by automation, the URL round trip, and Stop. Each state is
 * saved as a screenshot in test-results/playground/.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pageUrl, screenshotDir } from './chromium.js';

let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url = pageUrl, width = 1440): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return page;
}

type Api = { getQuery(): string; selection(): string };
const query = (page: Page) => page.evaluate(() => (window as unknown as { playground: Api }).playground.getQuery());
const selection = (page: Page) => page.evaluate(() => (window as unknown as { playground: Api }).playground.selection());
const text = (page: Page, testId: string) => page.$eval(`[data-testid=${testId}]`, (e) => e.textContent ?? '');
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir()}/${name}.png` });

/** Clicks Run and waits until the run has ended (a row count or an error is shown). */
async function clickRun(page: Page): Promise<void> {
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => {
    const count = document.querySelector('[data-testid=row-count]')?.textContent ?? '';
    return /^\d+ rows?$/.test(count) || !(document.querySelector('[data-testid=error]') as HTMLElement).hidden;
  });
}

describe('the playground in Chromium, from file://', () => {
  it('runs the seed rule on its bundled sample on the first click: 10 rows, and every stage with its rows', async () => {
    const page = await open();
    expect(await query(page)).toContain('SecurityAlert');
    await clickRun(page);
    expect(await text(page, 'row-count')).toBe('10 rows');
    expect(await page.$$eval('[data-testid=result] tbody tr', (rows) => rows.length)).toBe(10);
    expect(await page.$$eval('[data-testid=result] thead th', (ths) => ths.length)).toBe(27);
    const stages = await page.$$eval('[data-testid=stages] > *', (els) => els.map((e) => ({ text: e.textContent ?? '', rowsOut: (e as HTMLElement).dataset.rowsOut })));
    expect(stages[0]).toEqual({ text: expect.stringMatching(/^table SecurityAlert\s+line 2/), rowsOut: '20' });
    expect(stages.at(-1)).toEqual({ text: expect.stringMatching(/^extend\s+line 66.*10 → 10$/), rowsOut: '10' });
    for (const s of stages) expect(s.text).toContain(s.rowsOut);
    await shot(page, 'default-example');
    await page.setViewport({ width: 420, height: 900 });
    await shot(page, 'default-example-narrow');

    // Clicking a stage selects its text in the query: the summarize at line 22.
    const summarize = await page.$$('[data-testid=stages] > *');
    const index = stages.findIndex((s) => s.text.startsWith('summarize'));
    await summarize[index].click();
    expect(await selection(page)).toBe('summarize Entitys=make_set(Entity), SystemAlertIds=make_set(SystemAlertId)');
    await page.close();
  });

  it('shows an error with its code, line and column, and selects the place in the query', async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as { playground: { setQuery(q: string): void } }).playground.setQuery('SecurityAlert\n| where NoSuchColumn > 1'));
    await clickRun(page);
    const error = await text(page, 'error');
    expect(error).toMatch(/^SEM_UNKNOWN_COLUMN: .*NoSuchColumn.*\(line 2, column 9\)/);
    expect(await text(page, 'row-count')).toBe('');
    expect(await selection(page)).toBe('NoSuchColumn > 1');
    // The editor underlines it as soon as the text is there, before any run.
    await page.waitForSelector('[data-testid=query] .cm-lintRange-error');
    expect(await page.$eval('[data-testid=query] .cm-lintRange-error', (e) => e.textContent)).toBe('NoSuchColumn');
    await shot(page, 'error');
    await page.close();
  });

  it('runs over tables given by automation and answers run() with the columns and rows', async () => {
    const page = await open();
    const result = await page.evaluate(async () => {
      const pg = (window as unknown as { playground: { setQuery(q: string): void; setTables(t: object): void; run(): Promise<unknown> } }).playground;
      pg.setTables({ Logins: [{ User: 'alice', Failures: 3 }, { User: 'bob', Failures: 9 }, { User: 'carol', Failures: 12 }] });
      pg.setQuery('Logins | where Failures > 5 | order by Failures desc | project User, Failures');
      return pg.run();
    });
    expect(result).toEqual({ columns: [{ name: 'User', type: 'string' }, { name: 'Failures', type: 'long' }], rows: [{ User: 'carol', Failures: 12 }, { User: 'bob', Failures: 9 }] });
    expect(await page.$$eval('[data-testid=tables] li', (lis) => lis.map((l) => [l.querySelector('.name')?.textContent, l.querySelector('.meta')?.textContent]))).toEqual([['Logins', '3 rows · inferred schema']]);
    expect(await text(page, 'row-count')).toBe('2 rows');
    await page.close();
  });

  it('carries the query and small tables in the URL fragment: the link opens the same example', async () => {
    const page = await open();
    await page.evaluate(() => {
      const pg = (window as unknown as { playground: { setQuery(q: string): void; setTables(t: object): void } }).playground;
      pg.setTables({ T: [{ a: 1, s: 'ü ✓' }, { a: 2, s: 'x' }] });
      pg.setQuery('T | summarize total = sum(a), names = make_list(s)');
    });
    await clickRun(page);
    const url = page.url();
    expect(url).toMatch(/#s=[A-Za-z0-9_-]+$/);
    await page.close();
    const again = await open(url);
    expect(await query(again)).toBe('T | summarize total = sum(a), names = make_list(s)');
    await clickRun(again);
    // A dynamic cell shows its JSON on one line, and opens to the indented JSON.
    expect(await again.$$eval('[data-testid=result] tbody td', (tds) => tds.map((td) => td.querySelector('summary')?.textContent ?? td.textContent))).toEqual(['3', '["ü ✓","x"]']);
    expect(await again.$eval('[data-testid=result] tbody details', (d) => d.textContent)).toContain('[\n  "ü ✓",\n  "x"\n]');
    await again.close();
  });

  it('stops a long query, and the next run works', async () => {
    const page = await open();
    // Limits this query cannot reach while the test waits: only Stop ends it (range streams into count()).
    for (const [id, value] of [['timeout', '600000'], ['max-rows', '100000000000']]) {
      await page.$eval(`#${id}`, (e, v) => ((e as HTMLInputElement).value = v), value);
    }
    await page.evaluate(() => (window as unknown as { playground: { setQuery(q: string): void } }).playground.setQuery('range x from 1 to 10000000000 step 1 | summarize count()'));
    await page.click('[data-testid=run]');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=stop]') as HTMLButtonElement).disabled);
    await page.click('[data-testid=stop]');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=error]') as HTMLElement).hidden);
    expect(await text(page, 'error')).toMatch(/^Stopped/);
    await shot(page, 'stopped');
    await page.evaluate(() => (window as unknown as { playground: { setQuery(q: string): void } }).playground.setQuery('print answer = 42'));
    await clickRun(page);
    expect(await page.$$eval('[data-testid=result] tbody td', (tds) => tds.map((td) => td.textContent))).toEqual(['42']);
    await page.close();
  });

  it('adds a pasted CSV table, typed as the file loaders type it, and queries it', async () => {
    const page = await open();
    await page.click('[data-testid=add-table-form] summary');
    await page.type('[data-testid=table-name]', 'Logons');
    await page.$eval('[data-testid=table-text]', (e) => ((e as HTMLTextAreaElement).value = 'User,Failures,Admin\nalice,3,true\nbob,"1,024",false\ncarol,12,false\n'));
    await page.click('[data-testid=add-table]');
    await page.waitForSelector('[data-testid=tables] li[data-table=Logons]');
    expect(await page.$eval('li[data-table=Logons] .meta', (e) => e.textContent)).toBe('3 rows · inferred schema');
    expect(await page.$eval('li[data-table=Logons] .columns', (e) => e.textContent)).toBe('User: string, Failures: string, Admin: bool');
    await page.evaluate(() => (window as unknown as { playground: { setQuery(q: string): void } }).playground.setQuery('Logons | where Admin == false | project User, Failures'));
    await clickRun(page);
    expect(await page.$$eval('[data-testid=result] tbody tr', (trs) => trs.map((tr) => tr.textContent))).toEqual(['bob1,024', 'carol12']);
    await shot(page, 'pasted-csv');

    // A malformed paste is refused with its line; the tables stay as they were.
    await page.type('[data-testid=table-name]', 'Broken');
    await page.$eval('[data-testid=table-text]', (e) => ((e as HTMLTextAreaElement).value = 'a,b\n1,2\n3\n'));
    await page.click('[data-testid=add-table]');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=table-problem]') as HTMLElement).hidden);
    expect(await text(page, 'table-problem')).toBe('Broken: line 3: malformed CSV: wrong number of fields: expect 2, got 1');
    expect(await page.$$eval('[data-testid=tables] li', (lis) => lis.map((l) => (l as HTMLElement).dataset.table))).toEqual(['GCPAuditLogs', 'IdentityInfo', 'SecurityAlert', 'Logons']);
    await page.close();
  });

  it('takes a schema declared with pasted JSON rows, and types the rows by it', async () => {
    const page = await open();
    await page.click('[data-testid=add-table-form] summary');
    await page.type('[data-testid=table-name]', 'Custom_CL');
    const pasted = JSON.stringify({ schema: [{ name: 'Id', type: 'long' }, { name: 'At', type: 'datetime' }], rows: [{ Id: '7', At: '2024-05-01T10:00:00Z' }, { Id: 'x', At: 'soon' }] });
    await page.$eval('[data-testid=table-text]', (e, t) => ((e as HTMLTextAreaElement).value = t), pasted);
    await page.click('[data-testid=add-table]');
    await page.waitForSelector('[data-testid=tables] li[data-table=Custom_CL]');
    expect(await page.$eval('li[data-table=Custom_CL] .meta', (e) => e.textContent)).toBe('2 rows · declared schema');
    expect(await page.$eval('li[data-table=Custom_CL] .columns', (e) => e.textContent)).toBe('Id: long, At: datetime');
    // Values the declared types cannot hold are flagged, and become null.
    expect((await page.$$eval('li[data-table=Custom_CL] .warning', (ws) => ws.map((w) => w.textContent))).length).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { playground: { setQuery(q: string): void } }).playground.setQuery('Custom_CL | extend next = Id + 1, day = startofday(At)'));
    await clickRun(page);
    expect(await page.$$eval('[data-testid=result] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)))).toEqual([
      ['7', '2024-05-01T10:00:00.0000000Z', '8', '2024-05-01T00:00:00.0000000Z'],
      ['null', 'null', 'null', 'null'],
    ]);
    await page.close();
  });

  it('reads a dropped NDJSON file as its table, with the built-in schema and fixture warnings', async () => {
    const page = await open();
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      const lines = ['{"TimeGenerated":"2024-05-01T10:00:00Z","UserPrincipalName":"a@contoso.com","ResultType":"50126"}', '{"TimeGenerated":"2024-05-01T11:00:00Z","UserPrincipleName":"b@contoso.com","ResultType":"0"}'];
      transfer.items.add(new File([lines.join('\n')], 'SigninLogs.ndjson'));
      document.getElementById('tables-section')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('[data-testid=tables] li[data-table=SigninLogs]');
    expect(await page.$eval('li[data-table=SigninLogs] .meta', (e) => e.textContent)).toBe('2 rows · built-in schema');
    const warnings = await page.$$eval('li[data-table=SigninLogs] .warning', (ws) => ws.map((w) => w.textContent));
    expect(warnings).toEqual([expect.stringMatching(/UserPrincipleName.*UserPrincipalName/)]);
    await page.evaluate(() => (window as unknown as { playground: { setQuery(q: string): void } }).playground.setQuery('SigninLogs | where ResultType != "0" | project UserPrincipalName'));
    await clickRun(page);
    expect(await page.$$eval('[data-testid=result] tbody td', (tds) => tds.map((td) => td.textContent))).toEqual(['a@contoso.com']);
    await shot(page, 'dropped-ndjson');
    await page.close();
  });

  it('runs a pasted rule file at a time: its query, queryPeriod window and trigger say whether it fired', async () => {
    const yaml = readFileSync('queries/suspicious-vm-creation/rule.yaml', 'utf8');
    const page = await open();
    await page.click('[data-testid=rule-form] summary');
    await page.$eval('[data-testid=rule-text]', (e, y) => ((e as HTMLTextAreaElement).value = y), yaml);
    await page.click('[data-testid=load-rule]');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=rule]') as HTMLElement).hidden);
    expect(await text(page, 'rule')).toContain('Suspicious VM Instance Creation Activity Detected');
    expect(await text(page, 'rule')).toContain('looks back 1d · fires when rows gt 0');
    // By default it runs at the midnight after the sample's latest TimeGenerated.
    expect(await page.$eval('[data-testid=rule-now]', (e) => (e as HTMLInputElement).value)).toBe('2024-05-02T00:00:00Z');
    await clickRun(page);
    // The sample spans 2024-04-30 and 05-01: the one-day window keeps 2 of the 10 rows the query gives over
    // all of it, as `mini-kql run rule.yaml --data ... --now 2024-05-02T00:00:00Z` says.
    expect(await text(page, 'verdict')).toMatch(/^The rule fired2 rows gt 0 · rows with TimeGenerated in \(2024-05-01T00:00:00.000Z, 2024-05-02T00:00:00.000Z\]$/);
    expect(await text(page, 'row-count')).toBe('2 rows');
    await shot(page, 'rule-fired');

    // A month later the window holds none of the sample: the first table read shows 0 rows, and it does not fire.
    await page.$eval('[data-testid=rule-now]', (e) => ((e as HTMLInputElement).value = '2024-06-01T00:00:00Z'));
    await clickRun(page);
    expect(await text(page, 'verdict')).toMatch(/^The rule did not fire0 rows gt 0/);
    const first = await page.$eval('[data-testid=stages] > *', (e) => ({ rowsOut: (e as HTMLElement).dataset.rowsOut, empty: e.classList.contains('empty') }));
    expect(first).toEqual({ rowsOut: '0', empty: true });
    await shot(page, 'rule-quiet');
    await page.close();
  });

  it('applies the rule\'s trigger, and refuses a broken rule file with its problem', async () => {
    const yaml = readFileSync('queries/suspicious-vm-creation/rule.yaml', 'utf8').replace('triggerThreshold: 0', 'triggerThreshold: 20');
    const page = await open();
    await page.evaluate((y) => (window as unknown as { playground: { loadRule(y: string): Promise<void> } }).playground.loadRule(y), yaml);
    await clickRun(page);
    expect(await text(page, 'verdict')).toMatch(/^The rule did not fire2 rows gt 20/);
    const problem = await page.evaluate(() => (window as unknown as { playground: { loadRule(y: string): Promise<void> } }).playground.loadRule('name: x\nquery: [unclosed').then(() => 'loaded', (e: Error) => e.message));
    expect(problem).toMatch(/RULE_INVALID_YAML|line 2/);
    expect(await text(page, 'rule-problem')).toBe(problem);
    // Unloaded, the same query runs as a plain query again: no verdict.
    await page.click('#unload-rule');
    await clickRun(page);
    expect(await page.$eval('[data-testid=verdict]', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await text(page, 'row-count')).toBe('10 rows');
    await page.close();
  });

  it('draws what render asks for, and a chart picked for any result', async () => {
    const page = await open();
    type Pg = { setQuery(q: string): void; setTables(t: object): Promise<void>; chart(): unknown };
    const painted = () => page.$eval('#chart-canvas', (c) => {
      const canvas = c as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) n++;
      return n;
    });
    await page.evaluate(() => (window as unknown as { playground: Pg }).playground.setQuery(
      "datatable(t:datetime, user:string, n:long)[datetime(2024-05-01 10:00), 'alice', 1, datetime(2024-05-01 11:00), 'alice', 3, datetime(2024-05-01 10:00), 'bob', 2]\n| render timechart with (title='Sign-ins')",
    ));
    await clickRun(page);
    expect(await page.evaluate(() => (window as unknown as { playground: Pg }).playground.chart())).toEqual({ kind: 'timechart', series: 2, points: 3 });
    expect(await page.$eval('[data-testid=chart-kind]', (e) => (e as HTMLSelectElement).value)).toBe('timechart');
    expect(await page.$eval('[data-testid=chart]', (e) => (e as HTMLElement).hidden)).toBe(false);
    expect(await painted()).toBeGreaterThan(1000);
    await shot(page, 'timechart');

    // No render: the user picks a pie for a summarize.
    await page.evaluate(() => (window as unknown as { playground: Pg }).playground.setQuery('SecurityAlert | summarize alerts = count() by ProductName'));
    await clickRun(page);
    await page.select('[data-testid=chart-kind]', 'piechart');
    const products = Number((await text(page, 'row-count')).split(' ')[0]);
    expect(products).toBeGreaterThan(2);
    // One slice per product.
    expect(await page.evaluate(() => (window as unknown as { playground: Pg }).playground.chart())).toEqual({ kind: 'piechart', series: 1, points: products });
    expect(await painted()).toBeGreaterThan(1000);
    await shot(page, 'piechart');

    // Nothing numeric to draw: a note instead of a chart.
    await page.evaluate(() => (window as unknown as { playground: Pg }).playground.setQuery('SecurityAlert | distinct ProductName'));
    await clickRun(page);
    expect(await page.evaluate(() => (window as unknown as { playground: Pg }).playground.chart())).toBe(null);
    expect(await text(page, 'chart-note')).toBe('nothing to draw: the result has no numeric column');
    await page.close();
  });

  it('edits the query in a code editor: KQL highlighted, names completed, Ctrl+Enter runs', async () => {
    const page = await open();
    // Operators and functions are highlighted once the language's names are known: a span of their own.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=query] .cm-line span')].some((s) => s.textContent === 'mv-apply'));
    const tokens = await page.$$eval('[data-testid=query] .cm-line span', (spans) => spans.map((s) => s.textContent));
    expect(tokens).toEqual(expect.arrayContaining(['where', 'mv-apply', 'summarize', 'parse_json', 'tostring', '"Microsoft 365 Defender"', "'ip'", '// Extract and process IP entities']));
    await page.evaluate(() => (window as unknown as { playground: { setQuery(q: string): void } }).playground.setQuery(''));
    await page.click('[data-testid=query] .cm-content');
    await page.keyboard.type('SecurityAl');
    // Enter takes the selected completion once the list has settled on SecurityAlert.
    await page.waitForFunction(() => document.querySelector('.cm-tooltip-autocomplete li[aria-selected]')?.textContent?.startsWith('SecurityAlert'));
    // CodeMirror ignores Enter for its interactionDelay (75 ms) after the list opens, so a fast typist does
    // not take a completion by accident: wait past it (a wait, not a timing assertion).
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.keyboard.press('Enter');
    await page.keyboard.type(' | summarize n = cou');
    await page.waitForFunction(() => [...document.querySelectorAll('.cm-tooltip-autocomplete li')].some((l) => l.textContent?.startsWith('count')));
    await page.keyboard.press('Escape');
    await page.keyboard.type('nt() by AlertSeverity');
    expect(await query(page)).toBe('SecurityAlert | summarize n = count() by AlertSeverity');
    await shot(page, 'editor');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await page.waitForFunction(() => /^\d+ rows?$/.test(document.querySelector('[data-testid=row-count]')?.textContent ?? ''));
    expect(await page.$$eval('[data-testid=result] thead th', (ths) => ths.map((th) => th.firstChild?.textContent))).toEqual(['AlertSeverity', 'n']);
    await page.close();
  });

  it('raised no uncaught error in any page', () => {
    expect(errors).toEqual([]);
  });
});
