/**
 * GraphiQL is served offline by the router: loaded in headless Chromium, it runs a query through the supergraph
 * and no request leaves localhost.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
let browser: Browser;

beforeAll(async () => {
  sg = await startTestSupergraph();
  await sg.gql(`mutation { createProject(input: {name: "Browser project", templateId: "basic_agent"}) { id } }`);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await sg?.close();
});

it('loads GraphiQL at /graphql and runs a query with no request leaving localhost', async () => {
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  // GraphiQL introspects the schema first; the page is usable once that answer has arrived.
  const introspected = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST', { timeout: 30_000 });
  await page.goto(`${sg.url}/graphql`, { waitUntil: 'load' });
  await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
  await introspected;
  // The page opens on our dashboard query (projects with their components' names from the registry): run it.
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-response', { hasText: 'Browser project' }).waitFor({ timeout: 30_000 });
  const response = await page.locator('.graphiql-response').textContent();
  expect(response).toContain('"LLM"');
  const external = requested.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|http:\/\/localhost[:/]|data:|blob:|about:)/.test(u));
  expect(external).toEqual([]);
  expect(requested.some((u) => u.endsWith('/graphql'))).toBe(true);
});
