/**
 * The performance probes of `npm run bench` (bench/web.bench.ts) exercised in the browser test suite: a 500-node
 * project opens with only its visible nodes mounted, panning records frames, "Zoom to fit" mounts every node, and
 * the initial JavaScript (the entry and what it preloads) holds neither CodeMirror nor elkjs. Figures are printed by
 * the bench, not asserted here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { TestSupergraph } from '../support/supergraph';
import { expectAccessible, poll, shot, startWebSuite, type WebSuite } from '../support/web-app';
import { initialJsGzipBytes, measureFirstRender, measurePanFrames, measureZoomToFit, seedLargeProject } from '../support/web-perf';

let suite: WebSuite | undefined;
let sg: TestSupergraph;
let browser: Browser;

beforeAll(async () => {
  suite = await startWebSuite();
  ({ sg, browser } = suite);
}, 120_000);
afterAll(() => suite?.close());

it('a 500-node project: opens with the visible nodes mounted, pans, zooms to fit every node', async () => {
  const projectId = await seedLargeProject(sg.gql, 500);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const first = await measureFirstRender(page, `${sg.url}/#/p/${projectId}`, 500);
  expect(first.renderedNodes).toBeGreaterThan(10);
  expect(first.renderedNodes).toBeLessThan(500);
  await page.getByTestId('node-c0n0').waitFor();
  const frames = await measurePanFrames(page, { sweeps: 2, steps: 20 });
  expect(frames.length).toBeGreaterThan(20);
  expect(await measureZoomToFit(page, 500)).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="canvas"] .react-flow__node').count()).resolves.toBe(500);
  await page.locator('.react-flow__minimap').waitFor();
  await shot(page, '20-large-project');
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

it('opening a project asks for the catalog alongside the project, not one round trip after it', async () => {
  const { createProject } = (await sg.gql(`mutation { createProject(input: { name: "catalog timing" }) { id } }`)).data;
  const context = await browser.newContext();
  const page = await context.newPage();
  // The order the browser issues and completes the GraphQL requests, by operation name.
  const events: string[] = [];
  const operation = (request: import('playwright-core').Request) => (request.url().endsWith('/graphql') ? request.postDataJSON()?.operationName : undefined);
  page.on('request', (request) => operation(request) && events.push(`sent ${operation(request)}`));
  page.on('requestfinished', (request) => operation(request) && events.push(`answered ${operation(request)}`));
  await page.goto(`${sg.url}/#/p/${createProject.id}`);
  await page.getByTestId('palette').waitFor();
  // Playwright reports a request as finished asynchronously: wait for the report, then compare the order.
  await poll(
    async () => events,
    (seen) => seen.includes('answered Project') && seen.includes('sent Catalog'),
  );
  expect(events.indexOf('sent Catalog')).toBeLessThan(events.indexOf('answered Project'));
  await context.close();
});

it('the initial JavaScript holds neither CodeMirror nor elkjs (they load on first use)', () => {
  const dist = path.join(__dirname, '..', '..', 'web', 'dist');
  const js = initialJsGzipBytes(dist);
  // The entry script plus whatever the bundler preloads with it (Rolldown may split its runtime into a small chunk).
  expect(js.files.filter((file) => /^assets\/index-[\w-]+\.js$/.test(file))).toHaveLength(1);
  expect(js.bytes).toBeGreaterThan(10_000);
  for (const file of js.files) {
    const source = fs.readFileSync(path.join(dist, file), 'utf8');
    expect(source).not.toContain('cm-editor'); // CodeMirror's editor class
    expect(source).not.toContain('org.eclipse.elk'); // elkjs' layout algorithms
  }
  const lazy = fs.readdirSync(path.join(dist, 'assets')).filter((file) => file.endsWith('.js') && !js.files.includes(`assets/${file}`));
  const lazySource = lazy.map((file) => fs.readFileSync(path.join(dist, 'assets', file), 'utf8')).join('\n');
  expect(lazySource).toContain('cm-editor');
  expect(lazySource).toContain('org.eclipse.elk');
});
