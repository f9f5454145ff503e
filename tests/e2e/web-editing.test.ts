/**
 * The web app's editing flows (issue 19) in headless Chromium against the whole supergraph, through the router's
 * public API only: CodeMirror expression/template fields, co-editing conflicts, and more. Split from web-app.test.ts
 * to keep each file's runtime short. Screenshots under test-artifacts/web-app/, axe-core on each screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EXPRESSION_FUNCTIONS } from '../../engine/expressions';
import { launchChromium } from '../support/browser';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { ensureWebBuilt, expectAccessible, openProject as open, poll, projectApi, shot } from '../support/web-app';

let sg: TestSupergraph;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  ensureWebBuilt();
  [sg, browser] = await Promise.all([startTestSupergraph(), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await sg?.close();
});

const api = () => projectApi(sg);
const openProject = (projectId: string, page?: Page) => open(sg, context, projectId, page);

/** The labels of the open completion list. */
const completionLabels = (page: Page) => page.locator('.cm-tooltip-autocomplete li[role="option"] .cm-completionLabel').allTextContents();

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
  await poll(() => completionLabels(page), (labels) => labels.includes(rare));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('upp');
  await poll(() => completionLabels(page), (labels) => labels[0] === 'upper');
  await shot(page, '13-expression-completion');
  await page.keyboard.press('Enter');
  // Scope variables of this field (transform: inputs, config, value).
  await page.keyboard.type('va');
  await poll(() => completionLabels(page), (labels) => labels.includes('value'));
  await page.keyboard.press('Enter');
  await page.keyboard.type(') + inputs.');
  // Members of `inputs`: the node's input ports.
  await poll(() => completionLabels(page), (labels) => labels.includes('value'));
  await page.keyboard.press('Enter');
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
  await poll(() => completionLabels(page), (labels) => labels.includes('value') && !labels.includes('upper'));
  await page.keyboard.press('Enter');
  await page.keyboard.type('}}');
  await page.getByTestId('config-save').click();
  await poll(async () => (await api().graph(projectId)).components.find((n: any) => n.id === 'greet').config.template, (v) => v === 'Hi {{value}}, {{value}}');
  await shot(page, '14-template-field');
  await expectAccessible(page);
  await page.close();
});
