/**
 * The web app on the canvas-grade API (issues 18/19) in headless Chromium against the whole supergraph: undo/redo
 * (buttons and Ctrl+Z / Ctrl+Shift+Z, through the API), copy/paste/duplicate, draft nodes showing what they still
 * need, export/import and delete on the project list. Screenshots under
 * test-artifacts/web-app/, axe-core on each screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestSupergraph } from '../support/supergraph';
import { ARTIFACTS, expectAccessible, openProject as open, poll, projectApi, shot, startWebSuite, type WebSuite } from '../support/web-app';

let suite: WebSuite | undefined;
let sg: TestSupergraph;
let context: BrowserContext;

beforeAll(async () => {
  suite = await startWebSuite({ acceptDownloads: true });
  ({ sg, context } = suite);
}, 120_000);
afterAll(() => suite?.close());

const api = () => projectApi(sg);
const openProject = (projectId: string, page?: Page) => open(sg, context, projectId, page);
const nodeIds = async (projectId: string): Promise<string[]> => (await api().graph(projectId)).components.map((n: any) => n.id).sort();

it('undo/redo through the API (buttons and Ctrl+Z / Ctrl+Shift+Z); a draft node shows what it still needs', async () => {
  const projectId = await api().create('Undo');
  const page = await openProject(projectId);
  // Add a Transform from the palette (keyboard): a draft — its input is not wired.
  await page.getByTestId('palette-item-core/transform').focus();
  await page.keyboard.press('Enter');
  const [added] = await poll(
    () => nodeIds(projectId),
    (ids) => ids.length === 1,
  );
  await page.getByTestId(`missing-${added}`).waitFor();
  await expect(page.getByTestId(`missing-${added}`).textContent()).resolves.toContain('input value');
  await expect(page.getByTestId(`node-${added}`).getAttribute('data-draft')).resolves.toBe('true');
  await shot(page, '21-draft-node');
  await expectAccessible(page);
  await page.getByTestId('undo').click();
  await poll(
    () => nodeIds(projectId),
    (ids) => ids.length === 0,
  );
  await page.getByTestId(`node-${added}`).waitFor({ state: 'detached' });
  await page.getByTestId('redo').click();
  await poll(
    () => nodeIds(projectId),
    (ids) => ids.length === 1,
  );
  await page.getByTestId(`node-${added}`).waitFor();
  // Keyboard, with the focus on the canvas.
  await page
    .getByTestId('canvas')
    .locator('.react-flow__pane')
    .click({ position: { x: 120, y: 600 } });
  await page.keyboard.press('Control+z');
  await poll(
    () => nodeIds(projectId),
    (ids) => ids.length === 0,
  );
  await page.keyboard.press('Control+Shift+Z');
  await poll(
    () => nodeIds(projectId),
    (ids) => ids.length === 1,
  );
  await page.getByTestId(`node-${added}`).waitFor();
  await page.close();
});

it('copy/paste (with the connections between the copied nodes) and duplicate', async () => {
  const projectId = await api().create('Copies', 'order_totals');
  const page = await openProject(projectId);
  // Select lines and total (connected), copy, paste: two new nodes and their connection, in one change.
  await page.getByTestId('node-lines').click();
  await page.getByTestId('node-total').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  const before = await api().graph(projectId);
  await page.keyboard.press('Control+v');
  const after = await poll(
    () => api().graph(projectId),
    (g: any) => g.components.length === before.components.length + 2,
  );
  expect(after.version).toBe(before.version + 1);
  const copies = after.components.filter((n: any) => !before.components.some((o: any) => o.id === n.id));
  expect(copies.map((n: any) => n.componentId).sort()).toEqual(['core/input', 'core/reduce']);
  const [lineCopy, totalCopy] = ['core/input', 'core/reduce'].map((c) => copies.find((n: any) => n.componentId === c).id);
  expect(after.connections).toContainEqual({ sourceId: lineCopy, sourcePort: 'value', targetId: totalCopy, targetPort: 'items' });
  await page.getByTestId(`node-${totalCopy}`).waitFor();
  // Duplicate (button) one node.
  await page.getByTestId('node-line_count').click();
  await page.getByTestId('duplicate').click();
  await poll(
    () => nodeIds(projectId),
    (ids) => ids.some((id) => id.startsWith('line_count_') || id === 'line_count_copy'),
  );
  await shot(page, '22-copies');
  await expectAccessible(page);
  await page.close();
});

it('export a project as a JSON document and import it back from the project list', async () => {
  const projectId = await api().create('Exported flow', 'order_totals');
  const page = await context.newPage();
  await page.goto(`${sg.url}/`);
  await page.getByTestId(`export-${projectId}`).waitFor();
  const download = page.waitForEvent('download');
  await page.getByTestId(`export-${projectId}`).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Exported_flow.json');
  const saved = path.join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(saved);
  const document = JSON.parse(fs.readFileSync(saved, 'utf8'));
  expect(document).toMatchObject({ format: 'visual-builder/project', version: 1 });
  await expectAccessible(page);
  await page.getByTestId('import-project').setInputFiles(saved);
  await page.waitForURL((url) => url.hash.startsWith('#/p/') && !url.hash.endsWith(projectId));
  await page.getByTestId('node-total').waitFor();
  const importedId = decodeURIComponent(page.url().split('#/p/')[1]);
  expect(await nodeIds(importedId)).toEqual(await nodeIds(projectId));
  await shot(page, '24-imported');
  await page.close();
});

it('delete a project from the list: cancelling the confirmation keeps it, accepting deletes it through the API', async () => {
  const projectId = await api().create('Doomed flow');
  const page = await context.newPage();
  await page.goto(`${sg.url}/`);
  const remove = page.getByRole('button', { name: 'Delete Doomed flow' });
  await remove.waitFor();
  page.once('dialog', (dialog) => void dialog.dismiss());
  await remove.click();
  await expect(api().graph(projectId)).resolves.toMatchObject({ version: expect.any(Number) });
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Delete "Doomed flow"?');
    void dialog.accept();
  });
  await remove.click();
  await page.getByTestId(`project-${projectId}`).waitFor({ state: 'detached' });
  await expect(api().graph(projectId)).resolves.toBeNull();
  await expectAccessible(page);
  await page.close();
});

it('component icons are inline SVG that draw without an emoji font, named on the nodes', async () => {
  const projectId = await api().create('Icons', 'order_totals');
  const page = await openProject(projectId);
  /** What the icon's shapes cover (getBBox measures the drawing, not the 16×16 box), and its accessible name. */
  const drawn = (selector: string) =>
    page.locator(selector).evaluate((svg) => {
      const box = (svg as SVGSVGElement).getBBox();
      return { tag: svg.tagName, icon: svg.getAttribute('data-icon'), label: svg.getAttribute('aria-label'), width: box.width, height: box.height };
    });
  const total = await drawn('[data-testid="icon-total"]');
  expect(total).toMatchObject({ tag: 'svg', icon: 'reduce', label: 'Reduce' });
  expect(total.width).toBeGreaterThan(4);
  expect(total.height).toBeGreaterThan(4);
  await expect(page.getByTestId('node-total').getByRole('img', { name: 'Reduce' }).count()).resolves.toBe(1);
  // In the palette the name is written next to the icon: decorative there.
  const llm = await drawn('[data-testid="palette-item-core/llm"] svg');
  expect(llm).toMatchObject({ icon: 'llm', label: null });
  expect(llm.width * llm.height).toBeGreaterThan(16);
  await expect(page.locator('[data-testid="palette-item-core/llm"] svg').getAttribute('aria-hidden')).resolves.toBe('true');
  // No emoji left in the node headers or the palette.
  const text = (await page.locator('.wf-node-head').allTextContents()).join('') + (await page.getByTestId('palette').textContent());
  expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
  await page.close();
});
