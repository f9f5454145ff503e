/**
 * /docs (Swagger UI for the legacy REST shim) in headless Chromium: it renders every operation of /openapi.json with
 * no warning and no request leaving localhost.
 */
import type { Browser } from 'playwright-core';
import { request } from 'undici';
import { launchChromium } from '../support/browser';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
let browser: Browser;

beforeAll(async () => {
  sg = await startTestSupergraph();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await sg?.close();
});

it('renders the REST operations without warnings', async () => {
  const document = JSON.parse(await (await request(`${sg.url}/openapi.json`)).body.text()) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.values(document.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
  const page = await browser.newPage();
  const requested: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(`${sg.url}/docs/`, { waitUntil: 'load' });
  await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
  expect(await page.locator('.opblock').count()).toBe(operations);
  const text = (await page.locator('#swagger-ui').textContent()) ?? '';
  expect(text).not.toMatch(/not supported|Warning|Unable to render|Errors/);
  expect(consoleErrors).toEqual([]);
  expect(requested.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|http:\/\/localhost[:/]|data:|blob:)/.test(u))).toEqual([]);
});
