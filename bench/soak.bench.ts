/**
 * Soak (issue 12): moderate steady load for SOAK_MINUTES (default 10 when run alone; `npm run bench` runs 1 minute)
 * over GraphQL (reads, edits, runs), the legacy REST shim and graphql-ws subscriptions, against the router and the
 * subgraphs as two real child processes sharing Redis (REDIS_URL, default 127.0.0.1:6379). Reports each process's RSS at start and end and its slope (MB/min by least
 * squares after a warm-up; ≈ 0 means no leak), request and error counts by kind, and subscription events missed.
 * Run alone: `npx tsx bench/soak.bench.ts` (SOAK_MINUTES=30 for a longer one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { spawnServices, supergraphPortsEnv, sleep, Tally, transportKind } from '../tests/faults/support';
import { postGraphQL } from '../tests/support/supergraph';
import { collect, wsClient } from '../tests/support/ws-client';
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

/** Least-squares slope of (minutes, MB), over the samples after the first fifth (warm-up: JIT, caches, pools). */
export function slopePerMinute(samples: { atMs: number; mb: number }[]): number {
  const steady = samples.slice(Math.floor(samples.length / 5));
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
  const processes = {
    subgraphs: spawnServices(SUBGRAPHS, shared),
    router: spawnServices(['router'], shared),
  };
  const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(`${routerUrl}/graphql`, query, variables);
  const outcomes = new Tally();
  const record = (kind: string, result: { status: number; errors?: any[] }) =>
    outcomes.add(result.errors || result.status >= 400 ? `${kind}:${result.errors?.[0]?.extensions?.code ?? result.status}` : `${kind}:ok`);
  try {
    await processes.subgraphs.ready(Object.values(urls).filter((u) => u !== routerUrl));
    await processes.router.ready([routerUrl]);
    const projects: string[] = [];
    for (let i = 0; i < EDITORS; i++)
      projects.push((await gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: `soak ${i}` })).data.createProject.id);
    const client = wsClient(routerUrl);
    const subscriptions = Array.from({ length: SUBSCRIBERS }, (_, i) =>
      collect(client, `subscription($p: ID!) { projectChanged(projectId: $p, sinceVersion: 1) { version } }`, { p: projects[i % EDITORS] }),
    );

    const samples: Record<string, { atMs: number; mb: number }[]> = { router: [], subgraphs: [] };
    const started = Date.now();
    const sampler = setInterval(() => {
      for (const [name, child] of Object.entries(processes)) samples[name].push({ atMs: Date.now() - started, mb: rssMb(child.pid) });
    }, SAMPLE_EVERY_MS);
    const until = () => Date.now() - started >= durationMs;
    const guard = (kind: string) => (err: unknown) => outcomes.add(`${kind}:transport:${transportKind(err)}`);
    const lastVersion = new Map<string, number>();
    const editor = async (p: string) => {
      for (let i = 0; !until(); i++) {
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
    await Promise.all([...projects.map(editor), ...Array.from({ length: READERS }, (_, r) => reader(r))]);
    clearInterval(sampler);
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
    for (const [name, series] of Object.entries(samples)) {
      rows.push({
        name: `${name} RSS start → end`,
        value: series.at(-1)?.mb ?? NaN,
        unit: 'MB',
        note: `from ${series[0]?.mb.toFixed(0)} MB, ${series.length} samples over ${minutes} min`,
      });
      rows.push({ name: `${name} RSS slope`, value: slopePerMinute(series), unit: 'MB/min', note: 'least squares after warm-up; ≈ 0 means no growth' });
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
