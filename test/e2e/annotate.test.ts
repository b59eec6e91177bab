// `tsnative annotate` as a user runs it, and its page in a real browser: the
// OS's Chromium driven by playwright-core (no browser download). A machine
// without Chromium fails here on purpose: .ci/run installs it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeProject, REPO, tsnative, type CliRun } from './cli-project';
import { ANNOTATE_SOURCE, LINES } from './annotate-source';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = path.join(REPO, 'test', '.cache', 'annotate', 'report.png');
// `UPDATE_DOCS_SCREENSHOT=1 npx jest test/e2e/annotate` refreshes the README's picture.
const DOCS_SCREENSHOT = path.join(REPO, 'docs', 'annotate.png');

const CLEAN = `/** @native */
export function twice(x: number): number {
  return 2 * x;
}
`;

let dir: string;
let run: CliRun;
let browser: Browser;
let page: Page;
const offline: string[] = [];

beforeAll(async () => {
  dir = makeProject('tsn-annotate-', {
    'package.json': '{"name":"app","private":true}',
    'src/stats.ts': ANNOTATE_SOURCE,
    'src/clean.ts': CLEAN,
  });
  run = tsnative(dir, ['annotate', 'src/stats.ts', '-o', 'report/stats.html']);
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: the annotate page is tested in a real browser. Install it: apt-get install -y --no-install-recommends chromium`,
    );
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
  // The page must work offline: anything but the file itself is refused and remembered.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    offline.push(url);
    return route.abort();
  });
  await page.goto(`file://${path.join(dir, 'report', 'stats.html')}`);
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the command', () => {
  it('writes the page, prints the diagnostics, and exits 1 for them', () => {
    expect(run.stdout.trim()).toMatch(/^wrote report\/stats\.html: 4 functions, \d+ lines with run-time work$/);
    expect(run.stderr).toMatch(/^src\/stats\.ts:38:10 - error TSN1209: `Math\.random`/m);
    expect(run.status).toBe(1);
  });

  it('exits 0 for a clean file and writes beside the source by default', () => {
    const r = tsnative(dir, ['annotate', 'src/clean.ts']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'src', 'clean.html'))).toBe(true);
  });

  it('exits 2 for a missing or non-TypeScript file', () => {
    expect(tsnative(dir, ['annotate', 'src/missing.ts']).status).toBe(2);
    expect(tsnative(dir, ['annotate', 'package.json']).status).toBe(2);
  });
});

describe('the page in Chromium', () => {
  it('renders every source line, shaded by its work, with no network request', async () => {
    expect(await page.locator('.code > .line').count()).toBe(ANNOTATE_SOURCE.split('\n').length - 1);
    const shade = await page
      .locator(`#L${LINES.histogramStore} > summary`)
      .evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
    expect(shade).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
    expect(await page.locator('#L1').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('table').innerText()).toMatch(/sumsq[^]*line 21: prange, reduces s \(\+\)/);
    expect(offline).toEqual([]);
  });

  it('expands a line to the C++ it became when clicked', async () => {
    const cpp = page.locator(`#L${LINES.histogramStore} pre.cpp`);
    expect(await cpp.isVisible()).toBe(false);
    await page.locator(`#L${LINES.histogramStore} > summary`).click();
    expect(await cpp.isVisible()).toBe(true);
    expect(await cpp.innerText()).toMatch(/TSN_AT\(counts, tsn::to_index\(b\), 31\)/);
    expect(await page.locator(`#L${LINES.diagnostic} + .diag`).innerText()).toMatch(/error TSN1209[^]*hint:/);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1') fs.copyFileSync(SCREENSHOT, DOCS_SCREENSHOT);
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
  });

  it('expands and collapses every line from the buttons', async () => {
    await page.click('#expand-all');
    expect(await page.locator('details.line:not([open])').count()).toBe(0);
    await page.click('#collapse-all');
    expect(await page.locator('details.line[open]').count()).toBe(0);
  });
});
