/**
 * The web app's run and debug tools (issue 19) in headless Chromium against the whole supergraph: pin a node's output
 * from the run view (pin the last output, edit the pinned JSON, unpin) with the node marked on the canvas, runs that
 * replay the pin, "run from here" (a partial run), and stepping into a map iteration in the debugger. Every effect is
 * checked through the public API too. Screenshots under test-artifacts/web-app/, axe-core on each screen.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { TestSupergraph } from '../support/supergraph';
import { expectAccessible, openProject as open, poll, projectApi, shot, startWebSuite, type WebSuite } from '../support/web-app';

let suite: WebSuite | undefined;
let sg: TestSupergraph;
let context: BrowserContext;

beforeAll(async () => {
  suite = await startWebSuite();
  ({ sg, context } = suite);
}, 120_000);
afterAll(() => suite?.close());

const api = () => projectApi(sg);
const openProject = (projectId: string) => open(sg, context, projectId);

/** n → double → plus → r, and n → neg → m: a chain to pin and run from, and a branch a partial run leaves alone. */
async function chainProject(): Promise<string> {
  const projectId = await api().create('Pins');
  const node = (id: string, componentId: string, x: number, y: number, config: object) => ({
    op: 'addNode',
    node: { id, componentId, position: { x, y }, config },
  });
  const wire = (id: string, sourceId: string, targetId: string) => ({
    op: 'connect',
    connection: { id, sourceId, sourcePort: 'value', targetId, targetPort: 'value' },
  });
  await api().edits(projectId, [
    node('n', 'core/input', 0, 0, { name: 'n', type: 'number' }),
    node('double', 'core/transform', 280, 0, { expression: 'value * 2' }),
    node('plus', 'core/transform', 560, 0, { expression: 'value + 1' }),
    node('r', 'core/output', 840, 0, { name: 'r' }),
    node('neg', 'core/transform', 280, 220, { expression: '0 - value' }),
    node('m', 'core/output', 560, 220, { name: 'm' }),
    wire('c1', 'n', 'double'),
    wire('c2', 'double', 'plus'),
    wire('c3', 'plus', 'r'),
    wire('c4', 'n', 'neg'),
    wire('c5', 'neg', 'm'),
  ]);
  return projectId;
}

const pinOf = async (projectId: string, nodeId: string) => {
  const result = await sg.gql(`query($id: ID!) { project(id: $id) { components { id pinnedOutput } } }`, { id: projectId });
  return result.data.project.components.find((n: any) => n.id === nodeId).pinnedOutput;
};

/** The statuses of the run the panel shows, by node, from the API (top-level steps). */
async function runSteps(page: Page): Promise<Record<string, string>> {
  const runId = await page.getByTestId('run-output').getAttribute('data-run-id');
  const result = await sg.gql(`query($id: ID!) { run(id: $id) { status steps { nodeId status frames } } }`, { id: runId });
  expect(result.data.run.status).toBe('SUCCEEDED');
  return Object.fromEntries(result.data.run.steps.filter((s: any) => s.frames.length === 0).map((s: any) => [s.nodeId, s.status]));
}

const status = (page: Page, nodeId: string) => page.getByTestId(`node-${nodeId}`).getAttribute('data-status');

/** Waits for the panel to show a finished run other than `previous`. */
async function finishedRun(page: Page, previous: string | null): Promise<string> {
  await page.locator('[data-testid="run-output"][data-run-status="succeeded"]').waitFor({ timeout: 20_000 });
  const runId = await page.getByTestId('run-output').getAttribute('data-run-id');
  expect(runId).not.toBe(previous);
  return runId!;
}

it('pin a node’s output from the run view, replay it, run from a node, unpin', async () => {
  const projectId = await chainProject();
  const page = await openProject(projectId);
  await page.getByTestId('tab-run').click();
  await page.getByTestId('run-input-n').fill('5');
  await page.getByTestId('run-button').click();
  let runId = await finishedRun(page, null);
  await expect(page.getByTestId('run-output').textContent()).resolves.toContain('"r": 11');

  // Pin the last run's output of "double" ({value: 10}): stored on the node, marked on the canvas with a name.
  await page.getByTestId('node-double').click();
  await expect(page.getByTestId('node-run-details').textContent()).resolves.toContain('10');
  expect(await page.getByTestId('pinned-double').count()).toBe(0);
  await page.getByTestId('pin-output').click();
  await poll(
    () => pinOf(projectId, 'double'),
    (pin) => pin?.value === 10,
  );
  await page.getByTestId('pinned-double').waitFor();
  await expect(page.getByTestId('node-double').getByRole('img', { name: 'Pinned output' }).count()).resolves.toBe(1);
  await expect(page.getByTestId('node-double').getAttribute('data-pinned')).resolves.toBe('true');

  // Edit the pinned JSON: a port the node does not have is refused with the server's reason; a valid edit is saved.
  await page.getByTestId('pin-json').fill('{"nope": 1}');
  await page.getByTestId('save-pin').click();
  await expect(page.getByTestId('pin-error').textContent()).resolves.toMatch(/BAD_USER_INPUT: .*no output port "nope"/);
  await page.getByTestId('pin-json').fill('{"value": 100}');
  await page.getByTestId('save-pin').click();
  await poll(
    () => pinOf(projectId, 'double'),
    (pin) => pin?.value === 100,
  );
  await page.getByTestId('pin-status').getByText('Pinned.').waitFor();
  await shot(page, '30-pinned-node');
  await expectAccessible(page);

  // A run with pinned data: "double" does not run, its pin flows on (100 + 1); the other branch runs as usual.
  await expect(page.getByTestId('use-pinned').isChecked()).resolves.toBe(true);
  await page.getByTestId('run-button').click();
  runId = await finishedRun(page, runId);
  await expect(page.getByTestId('run-output').textContent()).resolves.toContain('"r": 101');
  expect(await runSteps(page)).toEqual({ n: 'SUCCEEDED', double: 'PINNED', plus: 'SUCCEEDED', r: 'SUCCEEDED', neg: 'SUCCEEDED', m: 'SUCCEEDED' });
  await expect(status(page, 'double')).resolves.toBe('pinned');
  await expect(status(page, 'plus')).resolves.toBe('succeeded');

  // Run from "plus": only plus and what it feeds run; the pin stands in for double; n and the other branch are left out.
  await page.getByTestId('node-plus').click();
  await page.getByTestId('run-from-node').click();
  runId = await finishedRun(page, runId);
  await expect(page.getByTestId('run-output').getAttribute('data-from-node')).resolves.toBe('plus');
  expect(await runSteps(page)).toEqual({ double: 'PINNED', plus: 'SUCCEEDED', r: 'SUCCEEDED' });
  for (const [nodeId, expected] of Object.entries({ n: 'idle', neg: 'idle', m: 'idle', double: 'pinned', plus: 'succeeded', r: 'succeeded' }))
    await expect(status(page, nodeId)).resolves.toBe(expected);
  await shot(page, '31-run-from-node');
  await expectAccessible(page);

  // Unpin: the mark goes. A pin that stood in is not a result to reuse, so the next run from "plus" computes double
  // (and n) again; the run after that reuses double's computed value and runs neither.
  await page.getByTestId('node-double').click();
  await page.getByTestId('unpin').click();
  await poll(
    () => pinOf(projectId, 'double'),
    (pin) => pin === null,
  );
  await page.getByTestId('pinned-double').waitFor({ state: 'detached' });
  await page.getByTestId('node-plus').click();
  await page.getByTestId('run-from-node').click();
  runId = await finishedRun(page, runId);
  expect(await runSteps(page)).toEqual({ n: 'SUCCEEDED', double: 'SUCCEEDED', plus: 'SUCCEEDED', r: 'SUCCEEDED' });
  await expect(page.getByTestId('run-output').textContent()).resolves.toContain('"r": 11');
  await page.getByTestId('run-from-node').click();
  await finishedRun(page, runId);
  expect(await runSteps(page)).toEqual({ double: 'REUSED', plus: 'SUCCEEDED', r: 'SUCCEEDED' });
  await expect(status(page, 'double')).resolves.toBe('reused');
  await expect(status(page, 'n')).resolves.toBe('idle');
  await expect(page.getByTestId('node-run-details').getAttribute('data-step-status')).resolves.toBe('succeeded');
  await page.close();
}, 120_000);

it('debug: step into a map iteration (the call stack shows the frame), step out back to the graph', async () => {
  const projectId = await api().create('Debug a map', 'batch_greetings');
  const page = await openProject(projectId);
  await page.getByTestId('tab-run').click();
  await page.getByTestId('run-input-names').fill(JSON.stringify(['Ada', ' Grace ', 'Alan']));
  await page.getByTestId('debug-toggle').click();
  await page.getByTestId('breakpoint-greet_each').click();
  await page.locator('[data-testid="breakpoint-greet_each"][aria-pressed="true"]').waitFor();
  const current = () =>
    page
      .getByTestId('debug-current')
      .textContent({ timeout: 1000 })
      .catch(() => null);
  const pausedAt = async (nodeId: string) => {
    await poll(current, (v) => v === nodeId, 15_000);
    await page.locator('[data-testid="debug-state"][data-state="paused"]').waitFor();
  };
  const stack = () =>
    page
      .getByTestId('call-stack')
      .locator('li')
      .evaluateAll((items) => items.map((li) => [li.getAttribute('data-node-id'), li.getAttribute('data-iteration')]));
  /** The caller's newest session, from the API. */
  const session = async () => (await sg.gql(`{ debugSessions(first: 1) { state currentNodeId callStack { nodeId iteration depth } } }`)).data.debugSessions[0];

  await page.getByTestId('continue').click();
  await pausedAt('greet_each');
  expect(await stack()).toEqual([['greet_each', null]]);

  // Step into the map: paused on the first node of iteration 0; the canvas keeps the map node as the current one.
  await page.getByTestId('step-into').click();
  await pausedAt('item');
  expect(await stack()).toEqual([
    ['item', null],
    ['greet_each', '0'],
  ]);
  await expect(page.getByTestId('node-greet_each').getAttribute('data-current')).resolves.toBe('true');
  expect(await session()).toMatchObject({
    state: 'PAUSED',
    currentNodeId: 'item',
    callStack: [
      { nodeId: 'item', iteration: null, depth: 1 },
      { nodeId: 'greet_each', iteration: 0, depth: 0 },
    ],
  });
  await shot(page, '32-debug-map-iteration');
  await expectAccessible(page);

  // Step over the iteration's four nodes: the next iteration starts.
  for (const next of ['clean', 'greeting', 'result', 'item']) {
    await page.getByTestId('step-over').click();
    await pausedAt(next);
  }
  expect(await stack()).toEqual([
    ['item', null],
    ['greet_each', '1'],
  ]);

  // Step out: the map finishes its iterations and the run pauses at the next node of the graph.
  await page.getByTestId('step-out').click();
  await pausedAt('count');
  expect(await stack()).toEqual([['count', null]]);
  await expect(page.getByTestId('node-count').getAttribute('data-current')).resolves.toBe('true');
  expect(await session()).toMatchObject({ state: 'PAUSED', currentNodeId: 'count', callStack: [{ nodeId: 'count', depth: 0 }] });
  await page.getByTestId('continue').click();
  await page.locator('[data-testid="debug-state"][data-state="completed"]').waitFor({ timeout: 15_000 });
  await expect(page.getByTestId('debug-outputs').textContent()).resolves.toContain('Hello, Grace!');
  await page.close();
}, 120_000);
