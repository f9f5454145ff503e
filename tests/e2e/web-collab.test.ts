/**
 * Co-editing in the web app (issue 19) with two browser contexts against the whole supergraph: a gesture refused with
 * CONFLICT catches up from the change log (`Project.changes`), not by reloading the project, and is re-applied on top —
 * edits of different nodes both survive, the same field ends with the later writer's value (and that person is
 * told), and a gesture on a node a collaborator deleted is reported with a way to restore it. Live updates of both
 * tabs are held back (a slow link) so that both really edit the same version.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestSupergraph } from '../support/supergraph';
import { expectAccessible, graphqlOperations, openProject as open, poll, projectApi, shot, slowLink, startWebSuite, type WebSuite } from '../support/web-app';

let suite: WebSuite | undefined;
let sg: TestSupergraph;
let browser: Browser;
let context: BrowserContext;
let otherContext: BrowserContext;

beforeAll(async () => {
  suite = await startWebSuite();
  ({ sg, browser, context } = suite);
  otherContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
}, 120_000);
afterAll(() => suite?.close());

const api = () => projectApi(sg);
const nodeConfig = async (projectId: string, nodeId: string) => (await api().graph(projectId)).components.find((n: any) => n.id === nodeId)?.config;
const panel = (page: Page) => page.getByTestId('config-panel');

/** A project with an input wired to an output, open in two tabs (A and B) whose live updates can be held back. */
async function twoTabs(name: string) {
  const projectId = await api().create(name);
  await api().edits(projectId, [
    { op: 'addNode', node: { id: 'who', componentId: 'core/input', position: { x: 0, y: 0 }, config: { name: 'who', type: 'any' } } },
    { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 320, y: 0 }, config: { name: 'result' } } },
    { op: 'connect', connection: { id: 'c1', sourceId: 'who', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
  ]);
  const [a, b] = await Promise.all([context.newPage(), otherContext.newPage()]);
  const links = await Promise.all([slowLink(a), slowLink(b)]);
  const operations = [graphqlOperations(a), graphqlOperations(b)];
  await Promise.all([open(sg, context, projectId, a), open(sg, otherContext, projectId, b)]);
  for (const names of operations) names.splice(0);
  const hold = () => links.forEach((l) => l.hold());
  const release = () => links.forEach((l) => l.release());
  return { projectId, a, b, operations, hold, release };
}

const viewport = (page: Page) => page.locator('.react-flow__viewport').getAttribute('style');

it('both tabs edit different nodes from the same version: both edits survive, the stale tab catches up from the change log — no reload', async () => {
  const { projectId, a, b, operations, hold, release } = await twoTabs('Together, different nodes');
  await a.getByTestId('node-who').click();
  await b.getByTestId('node-out').click();
  for (const page of [a, b]) await panel(page).waitFor();
  const version = (await api().graph(projectId)).version;
  const viewports = await Promise.all([viewport(a), viewport(b)]);
  hold();
  await panel(a).getByLabel('default').fill('41');
  await panel(b).getByLabel('name').fill('answer');
  // Both save at once from the same version: the server takes one, the other gets CONFLICT and is re-applied.
  await Promise.all([panel(a).getByTestId('config-save').click(), panel(b).getByTestId('config-save').click()]);
  await poll(
    async () => [(await nodeConfig(projectId, 'who'))?.default, (await nodeConfig(projectId, 'out'))?.name],
    ([who, out]) => who === 41 && out === 'answer',
  );
  expect((await api().graph(projectId)).version).toBe(version + 2);
  for (const page of [a, b]) await panel(page).getByRole('status').getByText('Saved').waitFor();
  // Exactly one tab was refused; it fetched the changes since its version, never the whole project again.
  const caughtUp = operations.map((names) => names.filter((n) => n === 'ProjectChangesSince').length);
  expect([...caughtUp].sort()).toEqual([0, 1]);
  for (const names of operations) expect(names.filter((n) => n === 'Project')).toEqual([]);
  const stale = caughtUp[0] === 1 ? a : b;
  const [staleNode, otherNode] = stale === a ? ['who', 'out'] : ['out', 'who'];
  // Its canvas and panel stayed as they were (same viewport, same selection)…
  await expect(Promise.all([viewport(a), viewport(b)])).resolves.toEqual(viewports);
  await expect(stale.locator('.react-flow__node.selected').getAttribute('data-id')).resolves.toBe(staleNode);
  await expect(panel(stale).getAttribute('aria-label')).resolves.toBe(`Configuration of ${staleNode}`);
  // …and it shows the other tab's edit and the current version although its live updates are still held back.
  await expect(stale.getByTestId('project-version').textContent()).resolves.toBe(`v${version + 2}`);
  await stale.getByTestId(`node-${otherNode}`).click();
  await expect(
    panel(stale)
      .getByLabel(otherNode === 'who' ? 'default' : 'name')
      .inputValue(),
  ).resolves.toBe(otherNode === 'who' ? '41' : 'answer');
  // Different nodes: nothing to tell.
  await expect(stale.getByTestId('conflict-notice').count()).resolves.toBe(0);
  release();
  await Promise.all([a.close(), b.close()]);
}, 120_000);

it('both tabs edit the same field: the later save is re-applied on top and its author told; a deleted target is reported and can be restored', async () => {
  const { projectId, a, b, operations, hold, release } = await twoTabs('Together, same node');
  for (const page of [a, b]) await page.getByTestId('node-who').click();
  hold();
  // A sets two fields of `who` and saves first.
  await panel(a).getByLabel('type').fill('number');
  await panel(a).getByLabel('default').fill('41');
  await panel(a).getByTestId('config-save').click();
  await panel(a).getByRole('status').getByText('Saved').waitFor();
  // B, on the version before, sets one of them: CONFLICT → caught up → B's value goes on top, A's other field stays.
  await panel(b).getByLabel('type').fill('string');
  await panel(b).getByTestId('config-save').click();
  const notice = b.getByTestId('conflict-notice');
  await notice.waitFor();
  await expect(notice.textContent()).resolves.toMatch(/updateComponentConfig .*changed who while you were editing it: .*replaced theirs for type/);
  await expect(b.getByRole('status').filter({ has: notice }).count()).resolves.toBe(1);
  await poll(
    () => nodeConfig(projectId, 'who'),
    (config) => config?.type === 'string',
  );
  expect(await nodeConfig(projectId, 'who')).toMatchObject({ name: 'who', type: 'string', default: 41 });
  await expect(panel(b).getByLabel('default').inputValue()).resolves.toBe('41');
  await shot(b, '25-conflict-same-field');
  await expectAccessible(b);

  // A collaborator deletes `out` while B (still behind) renames it: B is told, and can restore it with the rename.
  await b.getByTestId('conflict-notice').getByRole('button', { name: 'Dismiss' }).click();
  await b.getByTestId('node-out').click();
  await api().edits(projectId, [{ op: 'removeNode', nodeId: 'out' }]);
  await panel(b).getByLabel('name').fill('answer');
  await panel(b).getByTestId('config-save').click();
  await expect(notice.textContent()).resolves.toContain('Your change to out was not saved: out was deleted in v');
  await b.getByTestId('node-out').waitFor({ state: 'detached' });
  await shot(b, '26-conflict-target-deleted');
  await expectAccessible(b);
  await notice.getByRole('button', { name: 'Restore out with your change' }).click();
  const restored = await poll(
    () => api().graph(projectId),
    (graph) => graph.components.some((n: any) => n.id === 'out'),
  );
  expect(restored.components.find((n: any) => n.id === 'out').config).toMatchObject({ name: 'answer' });
  expect(restored.connections).toEqual([{ sourceId: 'who', sourcePort: 'value', targetId: 'out', targetPort: 'value' }]);
  await b.getByTestId('node-out').waitFor();
  for (const names of operations) expect(names.filter((n) => n === 'Project')).toEqual([]);
  release();
  await Promise.all([a.close(), b.close()]);
}, 120_000);
