/**
 * Helpers shared by the web app's browser tests (tests/e2e/web-*.test.ts): the built app, screenshots as artefacts,
 * an axe-core check, polling the server side of a gesture, and the project fixtures every flow starts from.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { toEditInputs } from '../../engine/model/edit-input';
import type { GraphEdit } from '../../engine/model/edits';
import { launchChromium } from './browser';
import { startTestSupergraph, type TestSupergraph } from './supergraph';

const ROOT = path.join(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'web-app');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js', { paths: [path.join(ROOT, 'web')] }), 'utf8');

/** What one browser-test file runs against: the whole supergraph, Chromium, and a desktop-sized context. */
export interface WebSuite {
  sg: TestSupergraph;
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function startWebSuite(contextOptions: BrowserContextOptions = {}): Promise<WebSuite> {
  ensureWebBuilt();
  const [sg, browser] = await Promise.all([startTestSupergraph(), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...contextOptions });
  return {
    sg,
    browser,
    context,
    close: async () => {
      await browser.close();
      await sg.close();
    },
  };
}

/** The app the router serves: built when web/dist is missing or stale (as `npm install` / `npm start` do). */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'web', 'ensure-built.mjs')], { stdio: 'ignore' });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** axe-core in the page (evaluated over the DevTools protocol, so the app's CSP stays as served). */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}

/** Polls until the value satisfies the check (the server side of a gesture settles asynchronously). */
export async function poll<T>(read: () => Promise<T>, check: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`poll timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Project fixtures through the router's public API. */
export function projectApi(sg: TestSupergraph) {
  return {
    async create(name: string, templateId?: string): Promise<string> {
      const result = await sg.gql(`mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input: { name, templateId } });
      return result.data.createProject.id;
    },
    /** Edits as the engine writes them (`{op: 'addNode', node}`), sent as applyGraphEdits' typed input. */
    async edits(projectId: string, list: unknown[]): Promise<void> {
      const result = await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
        p: projectId,
        e: toEditInputs(list as GraphEdit[]),
      });
      expect(result.errors).toBeUndefined();
    },
    async graph(projectId: string) {
      const result = await sg.gql(
        `query($id: ID!) { project(id: $id) { version components { id componentId label position { x y } config } connections { sourceId sourcePort targetId targetPort } } }`,
        { id: projectId },
      );
      return result.data.project;
    },
  };
}

/** Opens a project's editor and waits for the canvas. */
export async function openProject(sg: TestSupergraph, context: BrowserContext, projectId: string, page?: Page): Promise<Page> {
  page ??= await context.newPage();
  await page.goto(`${sg.url}/#/p/${projectId}`);
  await page.getByTestId('canvas').locator('.react-flow__node').first().or(page.getByTestId('canvas').locator('.react-flow__pane')).first().waitFor();
  return page;
}

/**
 * Holds back what the server pushes to a page over its WebSocket (a slow link) while `holding` is set, so the page
 * keeps editing a version that is no longer current; `release()` delivers what was held. Call before opening the page.
 */
export async function slowLink(page: Page): Promise<{ hold(): void; release(): void }> {
  let holding = false;
  const held: (() => void)[] = [];
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => (holding ? held.push(() => ws.send(m)) : ws.send(m)));
  });
  return {
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      for (const send of held.splice(0)) send();
    },
  };
}

/** The operation names of the GraphQL requests a page sends over HTTP, as they happen. */
export function graphqlOperations(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/graphql')) return;
    const body = request.postDataJSON() as { operationName?: string } | null;
    if (body?.operationName) names.push(body.operationName);
  });
  return names;
}
