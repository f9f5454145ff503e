/**
 * GraphiQL is served offline by the router: loaded in headless Chromium, it runs a query through the supergraph
 * and no request leaves localhost; its Docs panel and autocomplete know the subscriptions (one public schema), and a
 * subscription typed in the editor streams live events over WebSocket.
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

it('shows queries, mutations and subscriptions in the Docs panel, autocompletes, and streams a typed subscription', async () => {
  const created = await sg.gql(`mutation { createProject(input: {name: "Live project"}) { id version } }`);
  const { id, version } = created.data.createProject;
  const page = await browser.newPage();
  // GraphiQL's graphql-ws client may connect before the first subscription: record every frame from the start.
  const sentOverWebSocket: string[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (frame) => sentOverWebSocket.push(String(frame.payload))));
  const introspected = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST', { timeout: 30_000 });
  await page.goto(`${sg.url}/graphql`, { waitUntil: 'load' });
  await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
  await introspected;

  // Docs: the three root types, and the subscription fields with their descriptions.
  await page.locator('[aria-label="Show Documentation Explorer"]').click();
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Root Types').waitFor({ timeout: 10_000 });
  for (const root of ['Query', 'Mutation', 'Subscription'])
    await docs
      .locator('a', { hasText: new RegExp(`^${root}$`) })
      .first()
      .waitFor();
  await docs
    .locator('a', { hasText: /^Subscription$/ })
    .first()
    .click();
  await docs.getByText('projectChanged').first().waitFor({ timeout: 10_000 });
  expect(await docs.textContent()).toContain("A project's changes");

  // Autocomplete: typing in the operation editor offers the subscription's fields.
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('subscription { projectCh', { delay: 20 });
  const suggestions = page.locator('.suggest-widget .monaco-list-row');
  await suggestions.filter({ hasText: 'projectChanged' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Escape');

  // The rest of the subscription, typed; run it over WebSocket, then change the project: the event arrives live.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(`subscription LiveChanges { projectChanged(projectId: "${id}", sinceVersion: ${version}) { version op replayed }`, { delay: 10 });
  await page.keyboard.press('Escape');
  // GraphiQL picks up the edited operation's name after a debounce; running sooner runs the old one (Dashboard).
  await page.waitForTimeout(1_000);
  await page.locator('.graphiql-execute-button').click();
  // The response pane is a Monaco editor: it renders spaces as no-break spaces.
  const responseText = async () => ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, ' ');
  const subscribedBy = Date.now() + 10_000;
  while (!sentOverWebSocket.some((frame) => frame.includes('"subscribe"') && frame.includes('projectChanged')) && Date.now() < subscribedBy)
    await page.waitForTimeout(100);
  expect(sentOverWebSocket.some((frame) => frame.includes('"subscribe"') && frame.includes('projectChanged'))).toBe(true);
  for (let i = 0; i < 10 && !(await responseText()).includes('"replayed": false'); i++) {
    await sg.gql(`mutation($id: ID!) { updateProject(id: $id, input: {description: "live ${i}"}) { version } }`, { id });
    await page.waitForTimeout(1_000);
  }
  const text = await responseText();
  expect(text).toContain('"replayed": false');
  expect(text).toContain('"op": "updateProject"');
});
