/**
 * The web app's editing flows (issue 19) in headless Chromium against the whole supergraph, through the router's
 * public API only: CodeMirror expression/template fields, switch cases, co-editing conflicts, and more. Split from web-app.test.ts
 * to keep each file's runtime short. Screenshots under test-artifacts/web-app/, axe-core on each screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EXPRESSION_FUNCTIONS } from '../../engine/expressions';
import type { TestSupergraph } from '../support/supergraph';
import { expectAccessible, openProject as open, poll, projectApi, shot, slowLink, startWebSuite, type WebSuite } from '../support/web-app';

let suite: WebSuite | undefined;
let sg: TestSupergraph;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  suite = await startWebSuite();
  ({ sg, browser, context } = suite);
}, 120_000);
afterAll(() => suite?.close());

const api = () => projectApi(sg);
const openProject = (projectId: string, page?: Page) => open(sg, context, projectId, page);

/** The labels of the open completion list. */
const completionLabels = (page: Page) => page.locator('.cm-tooltip-autocomplete li[role="option"] .cm-completionLabel').allTextContents();

/** Accepts `label` once it is the selected completion (the list re-renders while typing; Enter too early is a newline). */
/**
 * CodeMirror ignores Enter for `interactionDelay` (75 ms) after the list opens, so a quick Enter would type a newline
 * instead of accepting (seen on a loaded CI machine): wait past it, as a person does.
 */
async function accept(page: Page, label: string) {
  await page.locator('.cm-tooltip-autocomplete li[role="option"][aria-selected="true"] .cm-completionLabel', { hasText: new RegExp(`^${label}$`) }).waitFor();
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
}

it('expression and template fields: CodeMirror with highlighting, the engine’s functions and the field’s scope completed', async () => {
  const projectId = await api().create('Expressions');
  await api().edits(projectId, [
    { op: 'addNode', node: { id: 'who', componentId: 'core/input', position: { x: 0, y: 0 }, config: { name: 'who', type: 'string' } } },
    { op: 'addNode', node: { id: 'shout', componentId: 'core/transform', position: { x: 320, y: 0 }, config: { expression: 'value' } } },
    { op: 'addNode', node: { id: 'greet', componentId: 'core/template', position: { x: 640, y: 0 }, config: { template: 'Hi {{value}}' } } },
    { op: 'connect', connection: { id: 'c1', sourceId: 'who', sourcePort: 'value', targetId: 'shout', targetPort: 'value' } },
    { op: 'connect', connection: { id: 'c2', sourceId: 'shout', sourcePort: 'value', targetId: 'greet', targetPort: 'value' } },
  ]);
  const page = await openProject(projectId);
  await page.getByTestId('node-shout').click();
  const field = page.getByTestId('code-field-expression');
  await field.locator('.cm-content').waitFor();
  await expect(field.locator('.tok-variable').first().textContent()).resolves.toBe('value');
  // Functions: every name the engine's table has is offered, with its signature.
  await field.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  const names = Object.keys(EXPRESSION_FUNCTIONS);
  const rare = names[names.length - 1];
  await page.keyboard.type(rare.slice(0, 3));
  await poll(
    () => completionLabels(page),
    (labels) => labels.includes(rare),
  );
  await page.keyboard.press('Control+A');
  await page.keyboard.type('upp');
  await poll(
    () => completionLabels(page),
    (labels) => labels[0] === 'upper',
  );
  await shot(page, '13-expression-completion');
  await accept(page, 'upper');
  // Scope variables of this field (transform: inputs, config, value).
  await page.keyboard.type('va');
  await poll(
    () => completionLabels(page),
    (labels) => labels.includes('value'),
  );
  await accept(page, 'value');
  await page.keyboard.type(') + inputs.');
  // Members of `inputs`: the node's input ports.
  await poll(
    () => completionLabels(page),
    (labels) => labels.includes('value'),
  );
  await accept(page, 'value');
  await expect(field.locator('.cm-content').textContent()).resolves.toBe('upper(value) + inputs.value');
  await expect(field.locator('.tok-function').first().textContent()).resolves.toBe('upper');
  await expect(field.locator('.tok-property').first().textContent()).resolves.toBe('value');
  await page.getByTestId('config-save').click();
  await page.getByTestId('config-panel').getByRole('status').getByText('Saved').waitFor();
  expect((await api().graph(projectId)).components.find((n: any) => n.id === 'shout').config.expression).toBe('upper(value) + inputs.value');
  // An unknown function is marked while typing (the server's graph validation does not parse expressions yet).
  await field.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('nosuch(value)');
  await page.keyboard.press('Escape');
  await expect(field.locator('.tok-invalid').first().textContent()).resolves.toBe('nosuch');
  await expectAccessible(page);
  // Template: completion only inside a placeholder, from the template's scope.
  await page.getByTestId('node-greet').click();
  const template = page.getByTestId('code-field-template');
  await template.locator('.cm-content').waitFor();
  await expect(template.locator('.tok-brace').count()).resolves.toBe(2);
  await template.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(', {{va');
  await poll(
    () => completionLabels(page),
    (labels) => labels.includes('value') && !labels.includes('upper'),
  );
  await accept(page, 'value');
  await page.keyboard.type('}}');
  await page.getByTestId('config-save').click();
  await poll(
    async () => (await api().graph(projectId)).components.find((n: any) => n.id === 'greet').config.template,
    (v) => v === 'Hi {{value}}, {{value}}',
  );
  await shot(page, '14-template-field');
  await expectAccessible(page);
  await page.close();
});

it('together: a stale edit gets CONFLICT, the tab catches up from the change log and re-applies the gesture — no edit lost', async () => {
  const projectId = await api().create('Conflicts');
  await api().edits(projectId, [
    { op: 'addNode', node: { id: 'who', componentId: 'core/input', position: { x: 0, y: 0 }, config: { name: 'who', type: 'string' } } },
    { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 320, y: 0 }, config: { name: 'result' } } },
    { op: 'connect', connection: { id: 'c1', sourceId: 'who', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
  ]);
  const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const b = await other.newPage();
  // B's live updates are held back (a slow link), so B edits a version that is no longer current.
  const link = await slowLink(b);
  const [a] = await Promise.all([openProject(projectId), openProject(projectId, b)]);
  for (const page of [a, b]) await page.getByTestId('node-who').click();
  link.hold();
  // A changes the node's type and saves: the project moves on.
  await a.getByTestId('config-panel').getByLabel('type').fill('number');
  await a.getByTestId('config-save').click();
  await a.getByTestId('config-panel').getByRole('status').getByText('Saved').waitFor();
  await expect(b.getByTestId('config-panel').getByLabel('type').inputValue()).resolves.toBe('string');
  // B, still on the old version, sets another field of the same node: CONFLICT → reload → re-applied on top of A's.
  await b.getByTestId('config-panel').getByLabel('default').fill('41');
  await b.getByTestId('config-save').click();
  await b.getByTestId('conflict-notice').waitFor();
  await expect(b.getByTestId('conflict-notice').textContent()).resolves.toContain('who');
  await poll(
    async () => (await api().graph(projectId)).components.find((n: any) => n.id === 'who').config,
    (c) => c.default === 41,
  );
  expect((await api().graph(projectId)).components.find((n: any) => n.id === 'who').config).toMatchObject({ name: 'who', type: 'number', default: 41 });
  // B's form shows A's change (reloaded) next to its own.
  await poll(
    () => b.getByTestId('config-panel').getByLabel('type').inputValue(),
    (v) => v === 'number',
  );
  // A moves a node while B (still held back) moves another: B's move is re-applied after its CONFLICT.
  await a.getByTestId('node-out').click();
  const drag = async (page: Page, nodeId: string, dy: number) => {
    const title = (await page.getByTestId(`node-${nodeId}`).locator('.wf-node-title').boundingBox())!;
    await page.mouse.move(title.x + 5, title.y + 5);
    await page.mouse.down();
    await page.mouse.move(title.x + 5, title.y + 5 + dy, { steps: 8 });
    await page.mouse.up();
  };
  await drag(a, 'out', 120);
  await poll(
    async () => (await api().graph(projectId)).components.find((n: any) => n.id === 'out').position.y,
    (y) => y > 40,
  );
  await drag(b, 'who', 160);
  const moved = await poll(
    async () => (await api().graph(projectId)).components,
    (nodes) => nodes.find((n: any) => n.id === 'who').position.y > 40,
  );
  expect(moved.find((n: any) => n.id === 'out').position.y).toBeGreaterThan(40);
  await shot(b, '15-conflict-reapplied');
  await expectAccessible(b);
  // Once B's link catches up, A sees B's value in its own form.
  link.release();
  await a.getByTestId('node-who').click();
  await poll(
    () => a.getByTestId('config-panel').getByLabel('default').inputValue(),
    (v) => v === '41',
  );
  await other.close();
  await a.close();
}, 120_000);

it('switch cases: a list editor (add, remove, reorder by keyboard; expressions in CodeMirror with the server’s messages) that routes a run', async () => {
  const projectId = await api().create('Switch');
  const output = (id: string, name: string, y: number) => ({
    op: 'addNode',
    node: { id, componentId: 'core/output', position: { x: 640, y }, config: { name } },
  });
  await api().edits(projectId, [
    { op: 'addNode', node: { id: 'n', componentId: 'core/input', position: { x: 0, y: 120 }, config: { name: 'n', type: 'number' } } },
    {
      op: 'addNode',
      node: { id: 'route', componentId: 'core/switch', position: { x: 300, y: 120 }, config: { cases: [{ name: 'big', expression: 'value > 100' }] } },
    },
    output('bigOut', 'big', 0),
    output('mediumOut', 'medium', 140),
    output('smallOut', 'small', 280),
    { op: 'connect', connection: { id: 'c1', sourceId: 'n', sourcePort: 'value', targetId: 'route', targetPort: 'value' } },
    { op: 'connect', connection: { id: 'c2', sourceId: 'route', sourcePort: 'big', targetId: 'bigOut', targetPort: 'value' } },
    { op: 'connect', connection: { id: 'c3', sourceId: 'route', sourcePort: 'default', targetId: 'smallOut', targetPort: 'value' } },
  ]);
  const page = await openProject(projectId);
  const cases = async () => (await api().graph(projectId)).components.find((n: any) => n.id === 'route').config.cases;
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  /** Replaces the text of a CodeMirror field (closing the completion list it may open). */
  const typeInto = async (testId: string, text: string) => {
    await page.getByTestId(testId).locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
  };
  const save = async () => {
    await page.getByTestId('config-save').click();
    await page.getByTestId('config-panel').getByRole('status').getByText('Saved').waitFor();
  };
  // The case port feeds its output on the canvas: every case is a port of the node.
  await page.locator('.react-flow__handle[data-nodeid="route"][data-handleid="big"]').waitFor();
  await page.getByTestId('node-route').click();
  const list = page.getByTestId('list-cases');
  await expect(list.getByLabel('Case 1 name').inputValue()).resolves.toBe('big');
  await expect(page.getByTestId('code-field-cases-0-expression').locator('.cm-content').textContent()).resolves.toBe('value > 100');
  // The server's validation of a case's expression shows on that case's field.
  await typeInto('code-field-cases-0-expression', 'vaule > 100');
  await page.getByTestId('config-save').click();
  await expect(page.getByTestId('field-error-cases-0-expression').textContent()).resolves.toContain('vaule');
  await typeInto('code-field-cases-0-expression', 'value > 100');
  // Keyboard only: add a case (focus goes to its name), name it, Tab into its expression.
  await page.getByTestId('add-cases').focus();
  await page.keyboard.press('Enter');
  await poll(focused, (id) => id === 'cfg-cases-1-name');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('medium');
  await page.keyboard.press('Tab');
  await page.keyboard.type('value > 10');
  await page.keyboard.press('Escape');
  // Add a third and remove it again: the focus lands on the remove button of the case before.
  await page.getByTestId('add-cases').press('Enter');
  await list.getByLabel('Case 3 name').waitFor();
  await list.getByRole('button', { name: 'Remove case 3' }).press('Enter');
  await poll(focused, (id) => id === 'cfg-cases-1-remove');
  await expect(list.getByLabel('Case 3 name').count()).resolves.toBe(0);
  await save();
  expect(await cases()).toEqual([
    { name: 'big', expression: 'value > 100' },
    { name: 'medium', expression: 'value > 10' },
  ]);
  await expect(page.getByTestId('field-error-cases-0-expression').count()).resolves.toBe(0);
  await shot(page, '19-switch-cases');
  await expectAccessible(page);
  // The new case's port appears on the node; wire it to its output by dragging.
  const handle = (nodeId: string, port: string) => page.locator(`.react-flow__handle[data-nodeid="${nodeId}"][data-handleid="${port}"]`);
  const from = (await handle('route', 'medium').boundingBox())!;
  const to = (await handle('mediumOut', 'value').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await poll(
    async () => (await api().graph(projectId)).connections.some((c: any) => c.sourcePort === 'medium' && c.targetId === 'mediumOut'),
    (wired) => wired,
  );
  const run = async (n: number) => {
    await page.getByTestId('tab-run').click();
    await page.getByTestId('run-input-n').fill(String(n));
    await page.getByTestId('run-button').click();
    await page.locator('[data-testid="run-output"][data-run-status="succeeded"]').waitFor({ timeout: 20_000 });
    const outputs = JSON.parse((await page.getByTestId('run-output').locator('pre').textContent())!);
    await page.getByTestId('tab-config').click();
    return outputs;
  };
  // Cases are tried in order: 50 is not > 100, but > 10.
  expect(await run(50)).toEqual({ medium: 50 });
  // Reorder by keyboard: "medium" first now takes 500 too (the focus follows the moved case).
  await page.getByTestId('node-route').click();
  await list.getByRole('button', { name: 'Move case 2 up' }).press('Enter');
  await poll(focused, (id) => id === 'cfg-cases-0-down');
  await expect(list.getByLabel('Case 1 name').inputValue()).resolves.toBe('medium');
  await save();
  expect((await cases()).map((c: any) => c.name)).toEqual(['medium', 'big']);
  expect(await run(500)).toEqual({ medium: 500 });
  expect(await run(5)).toEqual({ small: 5 });
  await page.close();
}, 120_000);

it('debug: conditional breakpoints, watches, set a variable and continue', async () => {
  const projectId = await api().create('Debug more', 'order_totals');
  const page = await openProject(projectId);
  await page.getByTestId('tab-run').click();
  await page.getByTestId('run-input-lines').fill(JSON.stringify([{ sku: 'pen', price: 2, qty: 3 }]));
  await page.getByTestId('debug-toggle').click();
  // total: unconditional; out_total: only when its input is over 50; out_count: only when over 5 (it is 1: never).
  for (const [nodeId, condition] of [
    ['total', null],
    ['out_total', 'inputs.value > 50'],
    ['out_count', 'inputs.value > 5'],
  ] as const) {
    await page.getByTestId(`breakpoint-${nodeId}`).click();
    await page.locator(`[data-testid="breakpoint-${nodeId}"][aria-pressed="true"]`).waitFor();
    if (condition) {
      // The condition is a CodeMirror expression field: `vars.` completes the project's node ids.
      await page.getByTestId(`node-${nodeId}`).click();
      const field = page.getByTestId('breakpoint-condition').locator('.cm-content');
      await field.click();
      if (nodeId === 'out_total') {
        await page.keyboard.type('vars.');
        await poll(
          () => completionLabels(page),
          (labels) => labels.includes('total') && labels.includes('line_count'),
        );
        await page.keyboard.press('Control+A');
      }
      await page.keyboard.type(condition);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
    }
  }
  // A watch added before the session starts is sent with it.
  await page.getByTestId('watch-expression').fill('vars.total.value * 2');
  await page.getByTestId('add-watch').click();
  await page.getByTestId('continue').click();
  await page.locator('[data-testid="debug-state"][data-state="paused"]').waitFor({ timeout: 15_000 });
  await expect(page.getByTestId('debug-current').textContent()).resolves.toBe('total');
  // Step over total: its output (6) is now a variable, and the watch sees it.
  await page.getByTestId('step-over').click();
  await poll(
    () => page.getByTestId('watches').getByTestId('watch-value').first().textContent(),
    (v) => v === '12',
  );
  // Set total.value to 100 and continue: out_total's condition (> 50) now holds, out_count's (> 5) never does.
  await page.getByTestId('set-var-node').selectOption('total');
  await page.getByTestId('set-var-port').selectOption('value');
  await page.getByTestId('set-var-value').fill('100');
  await page.getByTestId('set-var-apply').click();
  await poll(
    () => page.getByTestId('watches').getByTestId('watch-value').first().textContent(),
    (v) => v === '200',
  );
  // A watch added while paused is evaluated at once.
  await page.getByTestId('watch-expression').fill('runInputs.lines[0].sku');
  await page.getByTestId('add-watch').click();
  await poll(
    () => page.getByTestId('watches').getByTestId('watch-value').nth(1).textContent(),
    (v) => v === '"pen"',
  );
  await shot(page, '16-debug-watches');
  await expectAccessible(page);
  await page.getByTestId('continue').click();
  await poll(
    () =>
      page
        .getByTestId('debug-current')
        .textContent({ timeout: 1000 })
        .catch(() => null),
    (v) => v === 'out_total',
    15_000,
  );
  await expect(page.getByTestId('debug-state').getAttribute('data-reason')).resolves.toBe('breakpoint');
  await page.getByTestId('continue').click();
  await page.locator('[data-testid="debug-state"][data-state="completed"]').waitFor({ timeout: 15_000 });
  await expect(page.getByTestId('debug-outputs').textContent()).resolves.toMatch(/"total": 100/);
  await page.close();
});

it('debug: pause a running session, step out, stop', async () => {
  const projectId = await api().create('Debug pause');
  await api().edits(projectId, [
    { op: 'addNode', node: { id: 'who', componentId: 'core/input', position: { x: 0, y: 0 }, config: { name: 'who', type: 'string' } } },
    { op: 'addNode', node: { id: 'wait', componentId: 'core/delay', position: { x: 300, y: 0 }, config: { ms: 8000 } } },
    { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 600, y: 0 }, config: { name: 'result' } } },
    { op: 'connect', connection: { id: 'c1', sourceId: 'who', sourcePort: 'value', targetId: 'wait', targetPort: 'value' } },
    { op: 'connect', connection: { id: 'c2', sourceId: 'wait', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
  ]);
  const page = await openProject(projectId);
  await page.getByTestId('tab-run').click();
  await page.getByTestId('run-input-who').fill('Ada');
  await page.getByTestId('debug-toggle').click();
  // Start without breakpoints: the delay keeps it running; Pause stops it at the next node.
  await page.getByTestId('continue').click();
  await poll(
    () =>
      page
        .getByTestId('debug-state')
        .getAttribute('data-state', { timeout: 1000 })
        .catch(() => null),
    (state) => state === 'running',
    15_000,
  );
  await page.getByTestId('pause').click();
  await page.locator('[data-testid="debug-state"][data-state="paused"]').waitFor({ timeout: 15_000 });
  await expect(page.getByTestId('debug-state').getAttribute('data-reason')).resolves.toBe('pause');
  // Step out of the top-level frame: runs on to the end.
  await page.getByTestId('step-out').click();
  await page.locator('[data-testid="debug-state"][data-state="completed"], [data-testid="debug-state"][data-state="paused"]').waitFor({ timeout: 15_000 });
  // A new session (Start) paused before its first node, then stopped.
  await page.getByTestId('step-over').click();
  await page.locator('[data-testid="debug-state"][data-state="paused"]').waitFor({ timeout: 15_000 });
  await page.getByTestId('stop').click();
  await page.locator('[data-testid="debug-state"][data-state="stopped"]').waitFor({ timeout: 15_000 });
  await shot(page, '17-debug-stopped');
  await expectAccessible(page);
  await page.close();
});

it('deploy: try a LOCAL deployment through the router endpoint path, deploy a change, roll back', async () => {
  const projectId = await api().create('Deploy twice', 'order_totals');
  const page = await openProject(projectId);
  await page.getByTestId('tab-deploy').click();
  const running = () =>
    page
      .locator('[data-testid="deployment-status"][data-status="running"], [data-testid="deployment-status"][data-status="failed"]')
      .waitFor({ timeout: 60_000 });
  const tryIt = async () => {
    await page.getByTestId('try-body').fill(JSON.stringify({ lines: [{ sku: 'pen', price: 2, qty: 3 }] }));
    await page.getByTestId('try-endpoint').click();
    await page.getByTestId('endpoint-response').waitFor();
    expect(await page.getByTestId('endpoint-response').textContent()).toMatch(/^200 /);
    const body = JSON.parse((await page.getByTestId('endpoint-response').textContent())!.replace(/^\d+ /, ''));
    return { outputs: body.outputs ?? body };
  };
  await page.getByTestId('deploy-button').click();
  await running();
  await expect(page.getByTestId('deployment-status').textContent()).resolves.toBe('RUNNING');
  const first = (await page.locator('[data-testid="deployment-history"] li').first().getAttribute('data-deployment-id'))!;
  expect((await tryIt()).outputs).toMatchObject({ total: 6 });
  // A change (the output renamed), deployed: the endpoint answers with the new name.
  const renamed = await sg.gql(
    `mutation($p: ID!) { updateComponentConfig(projectId: $p, nodeId: "out_total", config: {name: "sum"}) { project { version } } }`,
    { p: projectId },
  );
  expect(renamed.errors).toBeUndefined();
  await page.getByTestId('deploy-button').click();
  await page
    .locator('[data-testid="deployment-status"][data-status="running"]')
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await running();
  await poll(
    () => page.locator('[data-testid="deployment-history"] li').count(),
    (n) => n === 2,
  );
  expect((await tryIt()).outputs).toMatchObject({ sum: 6 });
  // Roll back: a new deployment of the first one's program.
  await page.getByTestId('rollback-button').click();
  await page.locator(`[data-testid="deployment-history"] li[data-rollback-of="${first}"]`).waitFor({ timeout: 10_000 });
  await running();
  await expect(page.getByTestId('deployment-status').textContent()).resolves.toBe('RUNNING');
  expect((await tryIt()).outputs).toMatchObject({ total: 6 });
  await shot(page, '18-deploy-rollback');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.locator('[data-testid="deployment-status"][data-status="stopped"]').waitFor({ timeout: 20_000 });
  await page.close();
}, 180_000);
