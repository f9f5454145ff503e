/**
 * Web app performance probes (issue 19), shared by `npm run bench` (bench/web.bench.ts prints the figures) and the
 * browser test that checks the probes themselves work (tests/e2e/web-perf.test.ts). All figures come from headless
 * Chromium against a real supergraph: first render of a large project, frame times while panning it, and the gzip
 * size of the JavaScript the page loads before any lazy chunk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { toEditInputs } from '../../engine/model/edit-input';
import type { GraphEdit } from '../../engine/model/edits';

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: any[] }>;

/** Nodes per chain: constant → transform → transform → length → output (every required input connected). */
const CHAIN = ['core/constant', 'core/transform', 'core/transform', 'core/length', 'core/output'] as const;
const PORTS: Record<string, { in?: string; out?: string }> = {
  'core/constant': { out: 'value' },
  'core/transform': { in: 'value', out: 'value' },
  'core/length': { in: 'value', out: 'length' },
  'core/output': { in: 'value' },
};

/**
 * Creates a project of `nodeCount` nodes (a multiple of 5) in chains laid out on a square-ish grid, so "zoom to fit"
 * shows the whole graph at once — the worst case for the first render.
 */
export async function seedLargeProject(gql: Gql, nodeCount = 500): Promise<string> {
  const created = await gql(`mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input: { name: `Large (${nodeCount} nodes)` } });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const projectId: string = created.data.createProject.id;
  const chains = nodeCount / CHAIN.length;
  const columns = Math.ceil(Math.sqrt(chains / 3));
  // Whole chains per batch (a batch may not leave a required input unconnected; at most 500 edits each).
  const batches: unknown[][] = [[]];
  for (let c = 0; c < chains; c++) {
    if (batches[batches.length - 1].length + CHAIN.length * 2 > 500) batches.push([]);
    const edits = batches[batches.length - 1];
    const baseX = (c % columns) * CHAIN.length * 240;
    const baseY = Math.floor(c / columns) * 150;
    CHAIN.forEach((componentId, i) => {
      const config =
        componentId === 'core/constant'
          ? { value: `text ${c}` }
          : componentId === 'core/transform'
            ? { expression: 'upper(value)' }
            : componentId === 'core/output'
              ? { name: `out${c}` }
              : {};
      edits.push({ op: 'addNode', node: { id: `c${c}n${i}`, componentId, position: { x: baseX + i * 240, y: baseY }, config } });
      if (i > 0)
        edits.push({
          op: 'connect',
          connection: {
            id: `c${c}e${i}`,
            sourceId: `c${c}n${i - 1}`,
            sourcePort: PORTS[CHAIN[i - 1]].out,
            targetId: `c${c}n${i}`,
            targetPort: PORTS[componentId].in,
          },
        });
    });
  }
  for (const edits of batches) {
    const applied = await gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
      p: projectId,
      e: toEditInputs(edits as GraphEdit[]),
    });
    if (applied.errors) throw new Error(JSON.stringify(applied.errors).slice(0, 500));
  }
  return projectId;
}

/**
 * Milliseconds from navigation start until the canvas shows the project: every node React Flow mounted is measured
 * and visible (React Flow hides a node until it knows its size) and the viewport has been fitted.
 */
export async function measureFirstRender(page: Page, url: string, expectedNodes: number): Promise<{ ms: number; renderedNodes: number }> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    (expected) => {
      const nodes = document.querySelectorAll('[data-testid="canvas"] .react-flow__node');
      if (nodes.length < Math.min(expected, 20)) return false;
      for (const node of nodes) if ((node as HTMLElement).style.visibility === 'hidden') return false;
      return { ms: performance.now(), renderedNodes: nodes.length };
    },
    expectedNodes,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as { ms: number; renderedNodes: number };
}

/** Frame-to-frame intervals (ms) recorded with requestAnimationFrame while the mouse pans the canvas. */
export async function measurePanFrames(page: Page, { sweeps = 4, steps = 40 } = {}): Promise<number[]> {
  const pane = (await page.locator('[data-testid="canvas"] .react-flow__pane').boundingBox())!;
  // Strings, not functions: the page must not see the TypeScript compiler's helpers.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  for (let s = 0; s < sweeps; s++) {
    const dx = (s % 2 ? -1 : 1) * pane.width * 0.35;
    const dy = (s % 2 ? -1 : 1) * pane.height * 0.25;
    await page.mouse.move(cx - dx / 2, cy - dy / 2);
    await page.mouse.down();
    // One mouse step per frame, as a hand would.
    for (let i = 1; i <= steps; i++) {
      await page.mouse.move(cx - dx / 2 + (dx * i) / steps, cy - dy / 2 + (dy * i) / steps);
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
    }
    await page.mouse.up();
  }
  // The first interval spans the set-up; the rest are frames during the gesture.
  return page.evaluate<number[]>('(window.__recording = false, window.__frames.slice(1))');
}

/** Gzip size (bytes) of the JavaScript the built index.html loads up front: entry scripts and module preloads. */
export function initialJsGzipBytes(distDir: string): { bytes: number; files: string[] } {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;
  return { bytes, files };
}

/** Milliseconds from pressing "Zoom to fit" until every node of the project is mounted, measured and visible. */
export async function measureZoomToFit(page: Page, expectedNodes: number): Promise<number> {
  const start = await page.evaluate<number>('performance.now()');
  await page.getByTestId('zoom-to-fit').click();
  const handle = await page.waitForFunction(
    (expected) => {
      const nodes = document.querySelectorAll('[data-testid="canvas"] .react-flow__node');
      if (nodes.length < expected) return false;
      for (const node of nodes) if ((node as HTMLElement).style.visibility === 'hidden') return false;
      return performance.now();
    },
    expectedNodes,
    { polling: 'raf', timeout: 60_000 },
  );
  return ((await handle.jsonValue()) as number) - start;
}
