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
    expect(await page.$$eval('[data-testid=tables] li', (lis) => lis.map((l) => l.textContent))).toEqual(['Logins3 rows']);
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

  it('raised no uncaught error in any page', () => {
    expect(errors).toEqual([]);
  });
});
