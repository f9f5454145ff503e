/**
 * The web app (issue 19) in headless Chromium against the whole supergraph: every flow goes through the router's
 * public API only. One test per feature; each saves a screenshot under test-artifacts/web-app/ and the main screens
 * pass an axe-core check with no serious or critical violation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { ARTIFACTS, expectAccessible, openProject as open, poll, projectApi, shot, startWebSuite, type WebSuite } from '../support/web-app';

let suite: WebSuite | undefined;
let sg: TestSupergraph;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  suite = await startWebSuite();
  ({ sg, browser, context } = suite);
}, 120_000);
afterAll(() => suite?.close());

const createProject = (name: string, templateId?: string) => projectApi(sg).create(name, templateId);
const edits = (projectId: string, list: unknown[]) => projectApi(sg).edits(projectId, list);
const projectGraph = (projectId: string) => projectApi(sg).graph(projectId);
const openProject = (projectId: string, page?: Page) => open(sg, context, projectId, page);

it('serves the app at / with immutable hashed assets, no inline script, and GraphiQL still at /graphql', async () => {
  const index = await fetch(`${sg.url}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const csp = index.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("unsafe-inline' 'self'"); // scripts: 'self' only
  const html = await index.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
  const js = await fetch(`${sg.url}${asset}`);
  expect(js.status).toBe(200);
  expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect((await fetch(`${sg.url}/assets/missing-123.js`)).status).toBe(404);
  const graphiql = await fetch(`${sg.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(await graphiql.text()).toContain('graphiql');
  // The icon the page names, and the one browsers ask for on pages that name none (GraphiQL, the API docs).
  expect(html).toContain('href="/favicon.svg"');
  for (const iconPath of ['/favicon.svg', '/favicon.ico']) {
    const icon = await fetch(`${sg.url}${iconPath}`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  }
});

it('projects: search, create from a template (showing what it needs) and empty, open, rename', async () => {
  await createProject('Alpha searchable');
  const page = await context.newPage();
  await page.goto(`${sg.url}/`);
  await page.getByTestId('project-list').getByText('Alpha searchable').waitFor();
  await page.getByRole('searchbox', { name: 'Search projects' }).fill('zzz-no-match');
  await expect(page.getByTestId('project-list').getByText('Alpha searchable').count()).resolves.toBe(0);
  await page.getByRole('searchbox', { name: 'Search projects' }).fill('alpha');
  await page.getByTestId('project-list').getByText('Alpha searchable').waitFor();
  await page.getByTestId('new-project').click();
  const template = page.getByTestId('template-order_totals');
  await expect(template.textContent()).resolves.toContain('lines: array<object>');
  await expectAccessible(page);
  await shot(page, '01-projects');
  await page.getByRole('textbox', { name: 'Name' }).fill('From template');
  await template.click();
  await page.waitForURL(/#\/p\//);
  await page.getByTestId('node-total').waitFor();
  const projectId = decodeURIComponent(page.url().split('#/p/')[1]);
  expect((await projectGraph(projectId)).components.length).toBe(8);
  await page.goto(`${sg.url}/#/`);
  await page.getByTestId(`project-${projectId}`).waitFor();
  await page.getByTestId('new-project').click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Empty one');
  await page.getByTestId('create-empty').click();
  await page.waitForURL(/#\/p\//);
  await page.getByTestId('palette').waitFor();
  // No name typed: the project is named after its template, not "Untitled workflow".
  await page.goto(`${sg.url}/#/`);
  await page.getByTestId('new-project').click();
  await page.getByTestId('template-order_totals').click();
  await page.waitForURL(/#\/p\//);
  await page.getByRole('heading', { level: 1, name: 'Order totals' }).waitFor();
  await page.goto(`${sg.url}/#/`);
  page.once('dialog', (d) => void d.accept('Renamed project'));
  await page
    .getByTestId(`project-${projectId}`)
    .getByRole('button', { name: /Rename/ })
    .click();
  await page.getByTestId(`project-${projectId}`).getByText('Renamed project').waitFor();
  await page.close();
});

it('canvas: palette search, drag onto the canvas, connect (TYPE_MISMATCH shown), move, delete', async () => {
  const projectId = await createProject('Canvas');
  // One by one: a batch that leaves required inputs unconnected is refused.
  for (const [id, componentId, x] of [
    ['len', 'core/length', 0],
    ['sp', 'core/split', 350],
    ['jn', 'core/join', 700],
  ] as const) {
    const added = await sg.gql(
      `mutation($p: ID!, $c: ID!, $id: ID!, $x: Float!) { addComponent(projectId: $p, componentId: $c, id: $id, position: {x: $x, y: 0}) { component { id } } }`,
      { p: projectId, c: componentId, id, x },
    );
    expect(added.errors).toBeUndefined();
  }
  const page = await openProject(projectId);
  await page.getByTestId('node-jn').waitFor();
  // Palette: search narrows the list; drag a component onto the canvas.
  await page.getByRole('searchbox', { name: 'Search components' }).fill('constant');
  await expect(page.getByTestId('palette-item-core/split').count()).resolves.toBe(0);
  await page.dragAndDrop('[data-testid="palette-item-core/constant"]', '[data-testid="canvas"] .react-flow__pane', { targetPosition: { x: 300, y: 400 } });
  await poll(
    async () => (await projectGraph(projectId)).components.some((n: any) => n.componentId === 'core/constant'),
    (v) => v === true,
  );
  // Connect number → string: refused while dragging with TYPE_MISMATCH.
  const handle = (nodeId: string, port: string) => page.locator(`.react-flow__handle[data-nodeid="${nodeId}"][data-handleid="${port}"]`);
  const drag = async (from: string, fromPort: string, to: string, toPort: string, during?: () => Promise<void>) => {
    const a = (await handle(from, fromPort).boundingBox())!;
    const b = (await handle(to, toPort).boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await during?.();
    await page.mouse.up();
  };
  await drag('len', 'length', 'sp', 'text', async () => {
    await expect(page.getByTestId('connection-feedback').textContent()).resolves.toContain('TYPE_MISMATCH');
    await shot(page, '02-type-mismatch');
  });
  expect((await projectGraph(projectId)).connections).toEqual([]);
  await drag('sp', 'items', 'jn', 'items');
  expect(
    await poll(
      async () => (await projectGraph(projectId)).connections,
      (v) => v.length > 0,
    ),
  ).toEqual([{ sourceId: 'sp', sourcePort: 'items', targetId: 'jn', targetPort: 'items' }]);
  await page.locator('.react-flow__edge').first().waitFor({ state: 'attached' });
  // Move: drag the node by its title.
  const title = (await page.getByTestId('node-len').locator('.wf-node-title').boundingBox())!;
  await page.mouse.move(title.x + 5, title.y + 5);
  await page.mouse.down();
  await page.mouse.move(title.x + 60, title.y + 150, { steps: 10 });
  await page.mouse.up();
  await poll(
    async () => (await projectGraph(projectId)).components.find((n: any) => n.id === 'len').position.y,
    (v) => v > 50,
  );
  // Delete: select and press Delete.
  await page.getByTestId('node-len').click();
  await page.keyboard.press('Delete');
  await poll(
    async () => (await projectGraph(projectId)).components.some((n: any) => n.id === 'len'),
    (v) => v === false,
  );
  await expectAccessible(page);
  await shot(page, '03-canvas');
  await page.close();
});

it('config panel: a form from the JSON Schema, saved through the API, with the server validation message on the field', async () => {
  const projectId = await createProject('Config');
  await edits(projectId, [{ op: 'addNode', node: { id: 'in', componentId: 'core/input', position: { x: 0, y: 0 }, config: { name: 'who' } } }]);
  const page = await openProject(projectId);
  await page.getByTestId('node-in').click();
  const panel = page.getByTestId('config-panel');
  await panel.getByLabel('name *').fill('1 bad name');
  await page.getByTestId('config-save').click();
  await expect(page.getByTestId('field-error-name').textContent()).resolves.toMatch(/pattern/);
  await shot(page, '04-config-invalid');
  await panel.getByLabel('name *').fill('person');
  await panel.getByLabel('type').fill('string');
  await page.getByTestId('config-save').click();
  await panel.getByRole('status').getByText('Saved').waitFor();
  const config = (await projectGraph(projectId)).components[0].config;
  expect(config).toMatchObject({ name: 'person', type: 'string' });
  await expectAccessible(page);
  await page.close();
});

it('run: inputs form, nodes light up from runEvents, run output', async () => {
  const projectId = await createProject('Run me', 'order_totals');
  const page = await openProject(projectId);
  await page.getByTestId('tab-run').click();
  await page.getByTestId('run-inputs').waitFor();
  await page.getByTestId('run-input-lines').fill(
    JSON.stringify([
      { sku: 'pen', price: 2.5, qty: 4 },
      { sku: 'lamp', price: 10, qty: 1 },
      { sku: 'tape', price: 1.25, qty: 2 },
    ]),
  );
  await page.getByTestId('run-button').click();
  await page.locator('[data-testid="run-output"][data-run-status="succeeded"]').waitFor({ timeout: 20_000 });
  await expect(page.getByTestId('run-output').textContent()).resolves.toContain('22.5');
  for (const id of ['lines', 'total', 'out_total']) await expect(page.getByTestId(`node-${id}`).getAttribute('data-status')).resolves.toBe('succeeded');
  // A node's inputs and outputs from the run.
  await page.getByTestId('node-total').click();
  await page.getByTestId('tab-run').click();
  await expect(page.getByTestId('node-run-details').textContent()).resolves.toContain('22.5');
  await page.getByTestId('run-history').locator('li').first().waitFor();
  await expectAccessible(page);
  await shot(page, '05-run');
  await page.close();
});

it('together: two browsers co-edit one project — remote edits and presence appear live', async () => {
  const projectId = await createProject('Shared', 'order_totals');
  const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const [a, b] = await Promise.all([openProject(projectId), openProject(projectId, await other.newPage())]);
  await Promise.all([a.getByTestId('presence').locator('li').first().waitFor(), b.getByTestId('presence').locator('li').first().waitFor()]);
  // A adds a component (palette, keyboard): B sees it without reloading.
  const before = (await projectGraph(projectId)).components.length;
  await a.getByTestId('palette-item-core/constant').focus();
  await a.keyboard.press('Enter');
  await poll(
    async () => (await projectGraph(projectId)).components.length,
    (v) => v === before + 1,
  );
  const added = (await projectGraph(projectId)).components.find((n: any) => n.componentId === 'core/constant').id;
  await b.getByTestId(`node-${added}`).waitFor({ timeout: 10_000 });
  // B relabels a node: A sees the new label.
  await b.getByTestId('node-total').click();
  await b.getByTestId('config-panel').getByLabel('Label').fill('Grand total');
  await b.getByTestId('config-save').click();
  await a.getByTestId('node-total').getByText('Grand total').waitFor({ timeout: 10_000 });
  // B's selection shows in A's presence list.
  await a.getByTestId('presence').getByText('total').waitFor({ timeout: 10_000 });
  await shot(a, '06-together-a');
  await shot(b, '06-together-b');
  await other.close();
  await a.close();
});

it('code: generate in the five languages with highlighting, download the zip', async () => {
  const projectId = await createProject('Codegen', 'order_totals');
  const page = await openProject(projectId);
  await page.getByTestId('tab-code').click();
  const languages = await page
    .getByTestId('codegen-language')
    .locator('option:not([disabled])')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(languages.length).toBeGreaterThanOrEqual(5);
  for (const language of languages) {
    await page.getByTestId('codegen-language').selectOption(language);
    await page.getByTestId('codegen-generate').click();
    await page.getByText(new RegExp(`lines · \\d+ files`)).waitFor();
    await page.locator('.cm-editor .cm-line span').first().waitFor();
    await expect(page.locator('.cm-editor').getAttribute('class')).resolves.toBeTruthy();
  }
  const download = page.waitForEvent('download');
  await page.getByTestId('codegen-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.zip$/);
  const saved = path.join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
  await expectAccessible(page);
  await shot(page, '07-code');
  await page.close();
});

it('debug: breakpoint, continue, variables, step over, run to the end — driven by debugEvents', async () => {
  const projectId = await createProject('Debug', 'order_totals');
  const page = await openProject(projectId);
  await page.getByTestId('tab-run').click();
  await page.getByTestId('run-input-lines').fill(JSON.stringify([{ sku: 'pen', price: 2, qty: 3 }]));
  await page.getByTestId('debug-toggle').click();
  await page.getByTestId('breakpoint-total').click();
  await page.locator('[data-testid="breakpoint-total"][aria-pressed="true"]').waitFor();
  await page.getByTestId('continue').click();
  await page.locator('[data-testid="debug-state"][data-state="paused"]').waitFor({ timeout: 15_000 });
  await expect(page.getByTestId('debug-current').textContent()).resolves.toBe('total');
  await expect(page.getByTestId('node-total').getAttribute('data-current')).resolves.toBe('true');
  await expect(page.getByTestId('variables').textContent()).resolves.toContain('pen');
  await shot(page, '08-debug-paused');
  await page.getByTestId('step-over').click();
  await poll(
    () =>
      page
        .getByTestId('debug-current')
        .textContent({ timeout: 1000 })
        .catch(() => null),
    (v) => v !== 'total',
  );
  const settled = () =>
    page.locator('[data-testid="debug-state"][data-state="paused"], [data-testid="debug-state"][data-state="completed"]').waitFor({ timeout: 15_000 });
  await settled();
  await page.getByTestId('step-into').click();
  await settled();
  if ((await page.getByTestId('debug-state').getAttribute('data-state')) === 'paused') {
    await page.getByTestId('continue').click();
  }
  await page.locator('[data-testid="debug-state"][data-state="completed"]').waitFor({ timeout: 15_000 });
  await expect(page.getByTestId('debug-outputs').textContent()).resolves.toContain('6');
  await expectAccessible(page);
  await page.close();
});

it('deploy: LOCAL deployment with its status followed live', async () => {
  const projectId = await createProject('Deploy', 'order_totals');
  const page = await openProject(projectId);
  await page.getByTestId('tab-deploy').click();
  await page.getByTestId('deploy-button').click();
  await page
    .locator(
      '[data-testid="deployment-status"][data-status="running"], [data-testid="deployment-status"][data-status="ready"], [data-testid="deployment-status"][data-status="failed"]',
    )
    .waitFor({ timeout: 60_000 });
  await shot(page, '09-deploy');
  await expect(page.getByTestId('deployment-status').textContent()).resolves.toMatch(/RUNNING|READY/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.locator('[data-testid="deployment-status"][data-status="stopped"]').waitFor({ timeout: 20_000 });
  await expectAccessible(page);
  await page.close();
}, 90_000);

it('assistant: findings as node badges, apply a fix previewed on the canvas first, ask a question', async () => {
  const projectId = await createProject('Assist');
  await edits(projectId, [
    { op: 'addNode', node: { id: 'who', componentId: 'core/input', position: { x: 0, y: 0 }, config: { name: 'who', type: 'string' } } },
    { op: 'addNode', node: { id: 'greet', componentId: 'core/template', position: { x: 300, y: 0 }, config: { template: 'Hello {{value}}' } } },
    { op: 'connect', connection: { id: 'c1', sourceId: 'who', sourcePort: 'value', targetId: 'greet', targetPort: 'value' } },
  ]);
  const page = await openProject(projectId);
  await page.getByTestId('tab-assistant').click();
  await page.getByTestId('analyze').click();
  await page.getByTestId('suggestions').getByText('Project has no output', { exact: true }).waitFor();
  await page.getByTestId('finding-greet').waitFor();
  const suggestionId = await page.locator('[data-testid^="apply-suggestion-"]').first().getAttribute('data-testid');
  await shot(page, '10-assistant');
  // Apply fix: previewed on the canvas first (a ghost output node and a dashed connection), nothing changed yet.
  const before = (await projectGraph(projectId)).version;
  await page.getByTestId(suggestionId!).click();
  await page.getByTestId('ghost-node-out_greet').waitFor();
  await page.locator('[data-testid^="rf__edge-ghost-"]').first().waitFor({ state: 'attached' });
  await expect(page.getByTestId('fix-preview').textContent()).resolves.toContain('1 node added, 1 connection added');
  expect((await projectGraph(projectId)).version).toBe(before);
  await shot(page, '10-assistant-preview');
  await expectAccessible(page);
  // Cancel clears the ghosts; apply again and confirm.
  await page.getByTestId('cancel-preview').click();
  await page.getByTestId('ghost-node-out_greet').waitFor({ state: 'detached' });
  await page.getByTestId(suggestionId!).click();
  await page.getByTestId('confirm-apply').click();
  await page.getByTestId('node-out_greet').waitFor({ timeout: 10_000 });
  await expect(page.locator('[data-testid^="ghost-node-"]').count()).resolves.toBe(0);
  expect((await projectGraph(projectId)).components.some((n: any) => n.componentId === 'core/output')).toBe(true);
  // Ask a question: the page shows what askAssistant answers for this project.
  const question = 'How do I handle errors here?';
  await page.getByLabel('Ask the assistant').fill(question);
  await page.getByLabel('Ask the assistant').press('Enter');
  await page.getByTestId('assistant-answer').waitFor();
  const asked = await sg.gql(`mutation($p: ID!, $q: String!) { askAssistant(projectId: $p, query: $q) { category suggestion } }`, {
    p: projectId,
    q: question,
  });
  const shown = await page.getByTestId('assistant-answer').textContent();
  expect(shown).toContain(asked.data.askAssistant.category);
  expect(shown).toContain(asked.data.askAssistant.suggestion.split('\n')[0].trim());
  await expectAccessible(page);
  await page.close();
});

it('auto-layout, minimap and zoom to fit', async () => {
  const projectId = await createProject('Layout', 'order_totals');
  await edits(
    projectId,
    (await projectGraph(projectId)).components.map((n: any) => ({ op: 'moveNode', nodeId: n.id, position: { x: 0, y: 0 } })),
  );
  const page = await openProject(projectId);
  await page.locator('.react-flow__minimap').waitFor();
  await page.getByTestId('auto-layout').click();
  await poll(
    async () => new Set((await projectGraph(projectId)).components.map((n: any) => `${n.position.x},${n.position.y}`)).size,
    (v) => v === 8,
  );
  await page.getByTestId('zoom-to-fit').click();
  await shot(page, '11-layout');
  await page.close();
});

describe('with authentication on', () => {
  const SECRET = 'web-app-test-secret-0123456789abcdef-xyz';
  let secured: TestSupergraph;
  beforeAll(async () => {
    secured = await startTestSupergraph({ env: { AUTH_JWT_SECRET: SECRET } });
  }, 120_000);
  afterAll(() => secured?.close());

  it('sign-in: the app asks for a credential, then lists the signed-in user’s projects', async () => {
    const token = await new SignJWT({ name: 'Ada' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ada')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));
    await secured.gql(`mutation { createProject(input: {name: "Ada's flow"}) { id } }`, undefined, { authorization: `Bearer ${token}` });
    const page = await context.newPage();
    await page.goto(`${secured.url}/`);
    await page.getByTestId('sign-in').waitFor();
    await expectAccessible(page);
    await page.getByTestId('credential').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('project-list').getByText("Ada's flow").waitFor();
    await shot(page, '12-signed-in');
    await page.close();
  });
});
