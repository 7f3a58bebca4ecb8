/**
 * The playground page (dist/playground/index.html) from file:// in Debian's Chromium: the default example,
 * an error at its line and column, tables set by automation, the URL round trip, and Stop. Each state is
 * saved as a screenshot in test-results/playground/.
 */
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
    expect(await page.$eval('[data-testid=query]', (e) => (e as HTMLTextAreaElement).value)).toContain('SecurityAlert');
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
    const selected = await page.$eval('[data-testid=query]', (e) => {
      const t = e as HTMLTextAreaElement;
      return t.value.slice(t.selectionStart, t.selectionEnd);
    });
    expect(selected).toBe('summarize Entitys=make_set(Entity), SystemAlertIds=make_set(SystemAlertId)');
    await page.close();
  });

  it('shows an error with its code, line and column, and selects the place in the query', async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as { playground: { setQuery(q: string): void } }).playground.setQuery('SecurityAlert\n| where NoSuchColumn > 1'));
    await clickRun(page);
    const error = await text(page, 'error');
    expect(error).toMatch(/^SEM_UNKNOWN_COLUMN: .*NoSuchColumn.*\(line 2, column 9\)/);
    expect(await text(page, 'row-count')).toBe('');
    const caret = await page.$eval('[data-testid=query]', (e) => (e as HTMLTextAreaElement).selectionStart);
    expect(caret).toBe('SecurityAlert\n| where '.length);
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
    expect(await again.$eval('[data-testid=query]', (e) => (e as HTMLTextAreaElement).value)).toBe('T | summarize total = sum(a), names = make_list(s)');
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

  it('raised no uncaught error in any page', () => {
    expect(errors).toEqual([]);
  });
});
