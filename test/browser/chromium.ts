/** The Chromium the browser tests drive: $MINI_KQL_CHROMIUM, else Debian's package (apt-get install -y chromium). */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function chromiumPath(): string {
  const path = process.env.MINI_KQL_CHROMIUM || CANDIDATES.find((p) => existsSync(p));
  if (!path) throw new Error(`No Chromium found (looked for ${CANDIDATES.join(', ')}): run apt-get install -y chromium, or set MINI_KQL_CHROMIUM`);
  return path;
}

export function launch(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  return puppeteer.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The built page (npm run test:browser builds it first), as a file:// URL: the way a user opens it from disk. */
export const pageUrl = pathToFileURL(`${root}dist/playground/index.html`).href;

/** Where screenshots of each state go, to look at after a run. */
export function screenshotDir(): string {
  const dir = `${root}test-results/playground`;
  mkdirSync(dir, { recursive: true });
  return dir;
}
