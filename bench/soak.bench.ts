/**
 * Soak (issue 12, 21): moderate steady load for SOAK_MINUTES (default 10 when run alone; `npm run bench` runs 1 minute)
 * over GraphQL (reads, edits, runs), the legacy REST shim and graphql-ws subscriptions, against the router and the
 * subgraphs as two real child processes sharing Redis (REDIS_URL, default 127.0.0.1:6379). Reports each process's RSS
 * and JS heap used (`process.memoryUsage()` over the inspector) at start and end and their slopes (MB/min by least
 * squares after a warm-up; ≈ 0 means no leak), request and error counts by kind, and subscription events missed.
 * Each process runs with `--inspect` and gets three V8 heap snapshots: idle (before the load), after the warm-up and
 * at the end; the rows name the constructors whose live self size grew most from warm-up to end (bench/heap-diff.ts).
 * SOAK_SNAPSHOT_DIR keeps the snapshots (otherwise deleted with the data directory).
 * Run alone: `SOAK_MINUTES=10 npx tsx bench/soak.bench.ts` (SOAK_MINUTES=30 for a longer one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { spawnServices, supergraphPortsEnv, sleep, Tally, transportKind, type ChildServices } from '../tests/faults/support';
import { postGraphQL } from '../tests/support/supergraph';
import { collect, wsClient } from '../tests/support/ws-client';
import { diffSnapshots, formatChange, summarise } from './heap-diff';
import { Inspector } from './inspector';
import { startRouterNodeFlags } from './processes';
import type { Row } from './row';

const SUBGRAPHS = ['workflow', 'registry', 'codegen', 'debugger', 'deployment', 'assistant'];
const SAMPLE_EVERY_MS = 2_000;
const EDITORS = 4;
const READERS = 4;
const SUBSCRIBERS = 20;
/** Each load loop pauses this long between requests: a moderate, steady rate, not a stress test. */
const PAUSE_MS = 50;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Least-squares slope of (minutes, MB), over the samples from `fromMs` on (default: after the first fifth — warm-up:
 * JIT, caches, pools).
 */
export function slopePerMinute(samples: { atMs: number; mb: number }[], fromMs?: number): number {
  const steady = fromMs === undefined ? samples.slice(Math.floor(samples.length / 5)) : samples.filter((s) => s.atMs >= fromMs);
  if (steady.length < 2) return NaN;
  const xs = steady.map((s) => s.atMs / 60_000);
  const ys = steady.map((s) => s.mb);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export async function runSoakBench(minutes = Number(process.env.SOAK_MINUTES ?? 10)): Promise<Row[]> {
  const durationMs = minutes * 60_000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-soak-'));
  const { env, routerUrl, urls } = await supergraphPortsEnv();
  // Two processes need a shared bus for subscription events: Redis (REDIS_URL, default the local one), own namespace.
  const shared = { ...env, DATA_DIR: dataDir, REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379', REDIS_NAMESPACE: `vbsoak${process.pid}` };
  // The inspector lets the bench read each process's JS heap and take heap snapshots; it costs nothing until used.
  const inspect = ['--inspect=127.0.0.1:0'];
  const processes: Record<string, ChildServices> = {
    subgraphs: spawnServices(SUBGRAPHS, shared, inspect),
    // The router runs with `npm run start:router`'s node flags (its heap bound) unless SOAK_ROUTER_NODE_OPTIONS says
    // otherwise ('' = none), to measure them.
    router: spawnServices(['router'], { ...shared, NODE_OPTIONS: process.env.SOAK_ROUTER_NODE_OPTIONS ?? startRouterNodeFlags() }, inspect),
  };
  const snapshotDir = process.env.SOAK_SNAPSHOT_DIR || dataDir;
  fs.mkdirSync(snapshotDir, { recursive: true });
  const inspectors: Record<string, Inspector> = {};
  const snapshot = (label: string) =>
    Promise.all(
      Object.entries(inspectors).map(async ([name, inspector]) => {
        const file = path.join(snapshotDir, `${name}-${label}.heapsnapshot`);
        await inspector.heapSnapshot(file);
        return [name, file] as const;
      }),
    ).then((files) => Object.fromEntries(files));
  const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(`${routerUrl}/graphql`, query, variables);
  const outcomes = new Tally();
  const record = (kind: string, result: { status: number; errors?: any[] }) =>
    outcomes.add(result.errors || result.status >= 400 ? `${kind}:${result.errors?.[0]?.extensions?.code ?? result.status}` : `${kind}:ok`);
  try {
    await processes.subgraphs.ready(Object.values(urls).filter((u) => u !== routerUrl));
    await processes.router.ready([routerUrl]);
    for (const [name, child] of Object.entries(processes)) inspectors[name] = await Inspector.connect(await child.inspectorUrl);
    const projects: string[] = [];
    for (let i = 0; i < EDITORS; i++)
      projects.push((await gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: `soak ${i}` })).data.createProject.id);
    // RSS before any snapshot: taking one costs native memory that the allocator may keep in RSS afterwards.
    const rssBeforeSnapshots = Object.fromEntries(Object.entries(processes).map(([name, child]) => [name, rssMb(child.pid)]));
    // Before the subscriptions connect: a snapshot stops the process for seconds.
    const idleFiles = await snapshot('idle');
    const client = wsClient(routerUrl);
    const subscriptions = Array.from({ length: SUBSCRIBERS }, (_, i) =>
      collect(client, `subscription($p: ID!) { projectChanged(projectId: $p, sinceVersion: 1) { version } }`, { p: projects[i % EDITORS] }),
    );

    const samples: Record<string, { atMs: number; mb: number }[]> = { router: [], subgraphs: [] };
    const heapSamples: Record<string, { atMs: number; mb: number }[]> = { router: [], subgraphs: [] };
    // Committed heap (what V8 holds from the OS for its heap): RSS follows it, whatever is live.
    const heapTotalSamples: Record<string, { atMs: number; mb: number }[]> = { router: [], subgraphs: [] };
    const started = Date.now();
    const sampler = setInterval(() => {
      for (const [name, child] of Object.entries(processes)) {
        samples[name].push({ atMs: Date.now() - started, mb: rssMb(child.pid) });
        // Answered between requests; while a snapshot is being taken the answer waits for it (that sample is late).
        const askedAt = Date.now() - started;
        void inspectors[name]
          .memoryUsage()
          .then((usage) => {
            heapSamples[name].push({ atMs: askedAt, mb: usage.heapUsed });
            heapTotalSamples[name].push({ atMs: askedAt, mb: usage.heapTotal });
          })
          .catch(() => undefined);
      }
    }, SAMPLE_EVERY_MS);
    // After the warm-up (the first fifth): the baseline snapshot. Slopes are fitted from when it is done, since
    // taking a snapshot itself costs native memory that the allocator may keep in RSS.
    // The load pauses for it (a snapshot stops the process for seconds: requests would time out, and in-flight
    // objects would blur the comparison with the end snapshot, taken after the load).
    let warmFiles: Record<string, string> = {};
    let steadyFromMs = durationMs;
    const warmSnapshot = sleep(durationMs / 5).then(async () => {
      const resume = await pauseLoad();
      try {
        warmFiles = await snapshot('warm');
      } finally {
        resume();
      }
      steadyFromMs = Date.now() - started + SAMPLE_EVERY_MS;
    });
    const until = () => Date.now() - started >= durationMs;
    let paused: Promise<void> | undefined;
    let atGate = 0;
    /** Each load loop calls this before a request: it waits while the load is paused. */
    const gate = async () => {
      if (!paused) return;
      atGate++;
      await paused;
      atGate--;
    };
    /** Pauses the load once every loop waits at its gate (no request in flight); resolves with the resume function. */
    const pauseLoad = async () => {
      let open = () => undefined as void;
      paused = new Promise<void>((resolve) => (open = resolve));
      while (atGate < EDITORS + READERS) await sleep(20);
      return () => {
        paused = undefined;
        open();
      };
    };
    const guard = (kind: string) => (err: unknown) => outcomes.add(`${kind}:transport:${transportKind(err)}`);
    const lastVersion = new Map<string, number>();
    const editor = async (p: string) => {
      for (let i = 0; !until(); i++) {
        await gate();
        // Bounded graphs: each editor cycles through 20 node ids, replacing config once a node exists.
        const id = `n${i % 20}`;
        const result =
          i < 20
            ? await gql(
                `mutation($p: ID!, $id: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: $id, config: {value: 1}) { project { version } } }`,
                { p, id },
              ).catch(guard('edit'))
            : await gql(
                `mutation($p: ID!, $id: ID!, $v: JSON) { updateComponentConfig(projectId: $p, nodeId: $id, config: {value: $v}) { project { version } } }`,
                { p, id, v: i },
              ).catch(guard('edit'));
        if (result) {
          record('edit', result);
          const version = result.data?.addComponent?.project.version ?? result.data?.updateComponentConfig?.project.version;
          if (version) lastVersion.set(p, Math.max(version, lastVersion.get(p) ?? 0));
        }
        if (i % 10 === 0) {
          const run = await gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, inputs: {}) { status } }`, { p }).catch(guard('run'));
          if (run) record('run', run);
        }
        await sleep(PAUSE_MS);
      }
    };
    const reader = async (r: number) => {
      for (let i = 0; !until(); i++) {
        await gate();
        const p = projects[(r + i) % EDITORS];
        if (i % 2) {
          const read = await gql(`query($id: ID!) { project(id: $id) { name version components { id component { name } } debugSessions { id } } }`, {
            id: p,
          }).catch(guard('graphql-read'));
          if (read) record('graphql-read', read);
        } else {
          const rest = await request(`${routerUrl}/projects/${p}`)
            .then(async (res) => ({ status: res.statusCode, body: await res.body.text() }))
            .catch(guard('rest-read'));
          if (rest) outcomes.add(`rest-read:${rest.status < 400 ? 'ok' : rest.status}`);
        }
        await sleep(PAUSE_MS);
      }
    };
    await Promise.all([...projects.map(editor), ...Array.from({ length: READERS }, (_, r) => reader(r)), warmSnapshot]);
    clearInterval(sampler);
    const endFiles = await snapshot('end');
    // Every subscriber must end with the last version of its project (sinceVersion replay + live, nothing missed).
    let missed = 0;
    await Promise.all(
      subscriptions.map(async (sub, i) => {
        const target = lastVersion.get(projects[i % EDITORS]) ?? 0;
        const got = await sub
          .waitFor((r) => r.some((x) => x.projectChanged.version === target), 10_000)
          .catch((err) => (process.env.SOAK_DEBUG && console.error(String(err).slice(0, 300)), sub.results));
        const versions = new Set(got.map((x) => x.projectChanged.version));
        for (let v = 2; v <= target; v++) if (!versions.has(v)) missed++;
      }),
    );
    await client.dispose();

    const requests = outcomes.total;
    const errors = Object.entries(outcomes.counts).filter(([k]) => !k.endsWith(':ok'));
    const rows: Row[] = [];
    const steady = `least squares from ${(steadyFromMs / 60_000).toFixed(1)} min (after warm-up and its snapshot); ≈ 0 means no growth`;
    for (const [name, series] of Object.entries(samples)) {
      rows.push({
        name: `${name} RSS start → end`,
        value: series.at(-1)?.mb ?? NaN,
        unit: 'MB',
        note: `${rssBeforeSnapshots[name].toFixed(0)} MB before the idle snapshot, ${series[0]?.mb.toFixed(0)} MB at the start of the load; ${series.length} samples over ${minutes} min`,
      });
      rows.push({ name: `${name} RSS slope`, value: slopePerMinute(series, steadyFromMs), unit: 'MB/min', note: steady });
      const heap = heapSamples[name];
      rows.push({
        name: `${name} JS heap used slope`,
        value: slopePerMinute(heap, steadyFromMs),
        unit: 'MB/min',
        note: `${steady}; heap used ${heap[0]?.mb.toFixed(0)} → ${heap.at(-1)?.mb.toFixed(0)} MB (between GCs)`,
      });
      const committed = heapTotalSamples[name];
      rows.push({
        name: `${name} JS heap total slope`,
        value: slopePerMinute(committed, steadyFromMs),
        unit: 'MB/min',
        note: `committed heap ${committed[0]?.mb.toFixed(0)} → ${committed.at(-1)?.mb.toFixed(0)} MB, max ${Math.max(...committed.map((c) => c.mb)).toFixed(0)} MB`,
      });
      // Live objects after a full GC (a snapshot collects first): the figure a leak cannot hide from.
      const { before, after, changes } = diffSnapshots(warmFiles[name], endFiles[name]);
      const idle = summarise(idleFiles[name]);
      rows.push({
        name: `${name} live heap warm-up → end`,
        value: after.totalBytes / 1024 / 1024,
        unit: 'MB',
        note: `after full GC; idle ${(idle.totalBytes / 1024 / 1024).toFixed(1)} MB, warm-up ${(before.totalBytes / 1024 / 1024).toFixed(1)} MB; top growers: ${changes
          .slice(0, 5)
          .map((c) => formatChange(c).trim().replace(/\s+/g, ' '))
          .join('; ')}`,
      });
    }
    rows.push({
      name: 'requests (GraphQL + REST)',
      value: requests,
      unit: 'requests',
      note: `${(requests / (durationMs / 1000)).toFixed(0)}/s; ${JSON.stringify(outcomes.counts)}`,
    });
    rows.push({
      name: 'errors',
      value: errors.reduce((sum, [, n]) => sum + n, 0),
      unit: 'requests',
      note: errors.length ? JSON.stringify(Object.fromEntries(errors)) : 'none',
    });
    rows.push({ name: 'subscription versions missed', value: missed, unit: 'events', note: `${SUBSCRIBERS} subscribers on ${EDITORS} projects` });
    return rows;
  } finally {
    for (const inspector of Object.values(inspectors)) inspector.close();
    for (const child of Object.values(processes)) child.signal('SIGTERM');
    await Promise.all(Object.values(processes).map((child) => child.exited));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runSoakBench()
    .then((rows) => {
      for (const r of rows) console.log(`${r.name.padEnd(32)} ${r.value.toFixed(2).padStart(10)} ${r.unit.padEnd(9)} ${r.note ?? ''}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
