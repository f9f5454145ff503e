/**
 * Write path and subscriptions (issues 4 and 21).
 *
 * Write-only rows: graph edits (`moveComponent`, `updateComponentConfig`) through the router from concurrent
 * clients over several projects, on the embedded default (SQLite) and on PostgreSQL (a schema per run, dropped
 * after), in the split layout (router and subgraphs in two child processes), so the CPU time per mutation of each
 * side is measured apart (`/proc`). `BENCH_CPU_PROF_DIR=<dir>` runs both processes under `--cpu-prof`.
 *
 * Subscription rows: 1,000 graphql-ws subscriptions across 100 projects, changes made through real mutations on the
 * router at a target rate; reports publish→receive latency (commit time in the change → arrival at the client)
 * p50/p99, and lost events (every subscriber must see every version of its project). Then the cost of a payload field
 * owned by a subgraph (`project { name version }`), with and without the once-per-event memo.
 *
 * The load generator is one client identity: the per-identity rate limit (RATE_LIMIT_POINTS, 6,000 a minute by
 * default = 100/s) would cap it, and the per-identity WebSocket cap (WS_MAX_CONNECTIONS_PER_IDENTITY, 50) would refuse
 * half of its 100 connections, so the bench lifts both; subscriptions that fail are counted, not ignored. The load generator shares this machine's two cores with the
 * servers. Run alone: `npx tsx bench/subscriptions.bench.ts` (`BENCH_PART=write` or `subs` for one half).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'graphql-ws';
import { Pool } from 'pg';
import { SERVICE_ENV, SUBGRAPH_NAMES } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startRouter } from '../router/server';
import { postGraphQL, startTestSupergraph, type TestSupergraph } from '../tests/support/supergraph';
import { wsClient } from '../tests/support/ws-client';
import { postgresBackendsCpu, ROOT, stackEnv, startServer, withApplicationName, type ServerProcess } from './processes';
import { percentile, type Row } from './row';

export type { Row };

const PROJECTS = 100;
const SUBSCRIBERS_PER_PROJECT = 10;
const CONNECTIONS = 100;
const TARGET_RATE = 1_000;
const DURATION_MS = 5_000;
/**
 * The bench is one identity: without these, the per-identity request limit (100/s by default) and WebSocket cap (50
 * connections; the bench opens 100) are what it measures.
 */
const UNLIMITED = { RATE_LIMIT_POINTS: '1000000000', WS_MAX_CONNECTIONS_PER_IDENTITY: '1000' };

const WRITE_PROJECTS = 20;
const WRITE_CLIENTS = 32;
const WRITE_WARMUP_MS = 1_500;
const WRITE_DURATION_MS = Number(process.env.BENCH_WRITE_SECONDS ?? 6) * 1_000;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface WriteStack {
  url: string;
  /** PostgreSQL: reads the CPU its server processes used since the call. */
  databaseCpu?: () => Promise<() => Promise<number>>;
  router: ServerProcess;
  subgraphs: ServerProcess;
  stop(): Promise<void>;
}

/** Router and the six subgraphs in two processes (`main.ts router`, `main.ts <subgraphs>`), own data, no limits. */
async function startWriteStack(dialect: 'sqlite' | 'postgres'): Promise<WriteStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-write-'));
  const schema = `bench_write_${randomUUID().slice(0, 8)}`;
  // The schema names the stack's connections too, so the PostgreSQL processes serving them can be measured.
  const databaseUrl = withApplicationName(DATABASE_URL, schema);
  const env = await stackEnv(dir, dialect === 'postgres' ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {});
  const routerPort = env.VISUAL_BUILDER_PORT;
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF_DIR)}`] : [];
  const node = (...args: string[]): [string, string[]] => [process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'main.ts'), ...args]];
  const subgraphs = await startServer(node(...SUBGRAPH_NAMES), env, `${env[SERVICE_ENV.assistant.urlVar!]}/health`);
  const router = await startServer(node('router'), env, `http://127.0.0.1:${routerPort}/health`, { timeoutMs: 120_000 }).catch(async (err) => {
    await subgraphs.stop();
    throw err;
  });
  return {
    url: `http://127.0.0.1:${routerPort}/graphql`,
    databaseCpu: dialect === 'postgres' ? () => postgresBackendsCpu(DATABASE_URL, schema) : undefined,
    router,
    subgraphs,
    async stop() {
      await router.stop().catch(() => undefined);
      await subgraphs.stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
      if (dialect === 'postgres') {
        const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
        await pool.end();
      }
    },
  };
}

const MOVE = `mutation($p: ID!, $x: Float!) { moveComponent(projectId: $p, nodeId: "a", position: {x: $x, y: 0}) { project { version } } }`;
const CONFIGURE = `mutation($p: ID!, $c: JSON) { updateComponentConfig(projectId: $p, nodeId: "b", config: $c) { project { version } } }`;

/**
 * WRITE_CLIENTS concurrent clients, each one edit at a time (moves and config changes alternately) over
 * WRITE_PROJECTS projects of 10 nodes; mutations/s and the CPU time per mutation of the router and the subgraphs.
 */
async function runWriteLoad(dialect: 'sqlite' | 'postgres'): Promise<Row[]> {
  const stack = await startWriteStack(dialect);
  try {
    const gql = (query: string, variables: Record<string, unknown>) => postGraphQL(stack.url, query, variables);
    const projects: string[] = [];
    for (let i = 0; i < WRITE_PROJECTS; i++) {
      const created = await gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: `write ${i}` });
      const id = created.data?.createProject?.id;
      if (!id) throw new Error(`createProject: ${JSON.stringify(created.errors)}`);
      for (const node of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) {
        const added = await gql(
          `mutation($p: ID!, $n: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: $n, config: {value: 1}) { project { version } } }`,
          {
            p: id,
            n: node,
          },
        );
        if (added.errors) throw new Error(`addComponent: ${JSON.stringify(added.errors)}`);
      }
      projects.push(id);
    }
    let sequence = 0;
    const run = async (ms: number) => {
      const latencies: number[] = [];
      let failures = 0;
      const until = Date.now() + ms;
      await Promise.all(
        Array.from({ length: WRITE_CLIENTS }, async () => {
          while (Date.now() < until) {
            const i = sequence++;
            const p = projects[i % projects.length];
            const started = performance.now();
            const result = await gql(i % 2 ? CONFIGURE : MOVE, { p, x: i, c: { value: i } });
            latencies.push(performance.now() - started);
            if (result.errors || !result.data) failures++;
          }
        }),
      );
      return { latencies, failures };
    };
    await run(WRITE_WARMUP_MS);
    const cpu = { router: stack.router.cpuMs(), subgraphs: stack.subgraphs.cpuMs() };
    const databaseCpu = await stack.databaseCpu?.();
    const started = Date.now();
    const { latencies, failures } = await run(WRITE_DURATION_MS);
    const seconds = (Date.now() - started) / 1000;
    const databaseMs = await databaseCpu?.();
    const n = latencies.length;
    const label = dialect === 'sqlite' ? 'SQLite (embedded default)' : 'PostgreSQL';
    return [
      {
        name: `write: ${label}: mutations/s`,
        value: n / seconds,
        unit: 'req/s',
        note: `${WRITE_CLIENTS} clients, ${WRITE_PROJECTS} projects of 10 nodes, move/config edits; p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${failures ? `; FAILURES ${failures}` : ''}`,
      },
      { name: `write: ${label}: router CPU per mutation`, value: (stack.router.cpuMs() - cpu.router) / n, unit: 'ms', note: 'split layout, /proc' },
      {
        name: `write: ${label}: subgraphs CPU per mutation`,
        value: (stack.subgraphs.cpuMs() - cpu.subgraphs) / n,
        unit: 'ms',
        note: 'workflow + the other five (idle)',
      },
      ...(databaseMs === undefined
        ? []
        : [
            {
              name: `write: ${label}: database CPU per mutation`,
              value: databaseMs / n,
              unit: 'ms',
              note: 'the PostgreSQL server processes serving the stack, /proc',
            },
          ]),
    ];
  } finally {
    await stack.stop();
  }
}

export async function runWriteBench(): Promise<Row[]> {
  const rows: Row[] = [];
  // BENCH_WRITE_DIALECTS=sqlite (or postgres) for one of them.
  for (const dialect of ['sqlite', 'postgres'] as const)
    if ((process.env.BENCH_WRITE_DIALECTS ?? 'sqlite,postgres').includes(dialect)) rows.push(...(await runWriteLoad(dialect)));
  return rows;
}

interface BenchProject {
  id: string;
  version: number;
  startVersion: number;
  /** Versions the mutations of the current scenario committed (their responses' `project.version`). */
  committed: number[];
}

interface Scenario {
  label: string;
  selection: string;
  routerUrl: string;
}

async function runScenario(
  sg: TestSupergraph,
  projects: BenchProject[],
  scenario: Scenario,
): Promise<{ latencies: number[]; lost: number; sent: number; failures: string[]; subscriptionErrors: string[]; rate: number }> {
  const clients: Client[] = Array.from({ length: CONNECTIONS }, () => wsClient(scenario.routerUrl));
  const latencies: number[] = [];
  const seen = new Map<string, Set<number>>(); // subscriber → versions
  const disposers: (() => void)[] = [];
  const subscriptionErrors: string[] = [];
  let subscriber = 0;
  for (const project of projects) {
    for (let s = 0; s < SUBSCRIBERS_PER_PROJECT; s++) {
      const key = `${subscriber}`;
      const versions = new Set<number>();
      seen.set(key, versions);
      const client = clients[subscriber++ % CONNECTIONS];
      disposers.push(
        client.subscribe<any>(
          {
            query: `subscription($p: ID!, $v: Int) { projectChanged(projectId: $p, sinceVersion: $v) { version at ${scenario.selection} } }`,
            variables: { p: project.id, v: project.startVersion },
          },
          {
            next: ({ data }) => {
              const change = data?.projectChanged;
              if (!change) return;
              versions.add(change.version);
              latencies.push(Date.now() - Date.parse(change.at));
            },
            error: (err: any) => subscriptionErrors.push(String(err?.message ?? err?.reason ?? err?.code ?? err).slice(0, 200)),
            complete: () => undefined,
          },
        ),
      );
    }
  }
  await new Promise((r) => setTimeout(r, 1_500)); // let every subscription reach its live phase
  latencies.length = 0;
  const started = Date.now();
  let sent = 0;
  const failures: string[] = [];
  const inFlight = new Set<Promise<unknown>>();
  while (Date.now() - started < DURATION_MS) {
    const due = Math.floor(((Date.now() - started) / 1000) * TARGET_RATE);
    while (sent < due && inFlight.size < 64) {
      const project = projects[sent % projects.length];
      const version = ++project.version;
      const p = sg
        .gql(`mutation($p: ID!, $x: Float!) { moveComponent(projectId: $p, nodeId: "n", position: {x: $x, y: 0}) { project { version } } }`, {
          p: project.id,
          x: version,
        })
        .then((result) => {
          // Only committed versions are owed to subscribers; a refused mutation is counted, never silently "lost".
          const committed = result.data?.moveComponent?.project?.version;
          if (committed) project.committed.push(committed);
          else failures.push(result.errors?.[0]?.message ?? `HTTP ${result.status}`);
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      sent++;
    }
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(inFlight);
  const elapsed = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 2_000)); // drain
  let lost = 0;
  subscriber = 0;
  for (const project of projects) {
    for (let s = 0; s < SUBSCRIBERS_PER_PROJECT; s++) {
      const versions = seen.get(`${subscriber++}`)!;
      for (const v of project.committed) if (!versions.has(v)) lost++;
    }
    project.startVersion = project.version;
    project.committed = [];
  }
  disposers.forEach((d) => d());
  await Promise.all(clients.map((c) => c.dispose()));
  return { latencies, lost, sent, failures, subscriptionErrors, rate: (sent - failures.length) / elapsed };
}

export async function runSubscriptionBench(): Promise<Row[]> {
  const part = process.env.BENCH_PART;
  return [...(part === 'subs' ? [] : await runWriteBench()), ...(part === 'write' ? [] : await runSubscriptionLatency())];
}

async function runSubscriptionLatency(): Promise<Row[]> {
  const sg = await startTestSupergraph({ env: UNLIMITED });
  const rows: Row[] = [];
  try {
    const projects: BenchProject[] = [];
    for (let i = 0; i < PROJECTS; i++) {
      const created = await sg.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: `bench ${i}` });
      const id = created.data.createProject.id;
      const added = await sg.gql(
        `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: "n", config: {value: 1}) { project { version } } }`,
        { p: id },
      );
      projects.push({ id, version: added.data.addComponent.project.version, startVersion: added.data.addComponent.project.version, committed: [] });
    }
    const unmemoised = await startRouter(sg.launched.config, createLogger('bench', 'silent'), sg.launched.events, {
      port: 0,
      memoiseSubscriptionFields: false,
    });
    try {
      const scenarios: Scenario[] = [
        { label: 'payload only', selection: '', routerUrl: sg.url },
        { label: 'with project field, memo', selection: 'project { name version }', routerUrl: sg.url },
        { label: 'with project field, no memo', selection: 'project { name version }', routerUrl: unmemoised.url },
      ];
      for (const scenario of scenarios) {
        const result = await runScenario(sg, projects, scenario);
        const subscriptions = PROJECTS * SUBSCRIBERS_PER_PROJECT;
        rows.push(
          {
            name: `subs: ${scenario.label}: p50 publish→receive`,
            value: percentile(result.latencies, 50),
            unit: 'ms',
            note: `${subscriptions} subscriptions, ${PROJECTS} projects, ${result.rate.toFixed(0)} committed mutations/s (target ${TARGET_RATE})`,
          },
          { name: `subs: ${scenario.label}: p99 publish→receive`, value: percentile(result.latencies, 99), unit: 'ms', note: 'target ≤ 20 ms' },
          {
            name: `subs: ${scenario.label}: undelivered 2 s after the load`,
            value: result.lost,
            unit: 'events',
            note: `${result.latencies.length} deliveries of ${result.sent - result.failures.length} committed changes × ${SUBSCRIBERS_PER_PROJECT} subscribers${result.failures.length ? `; ${result.failures.length} mutations FAILED: ${result.failures[0]}` : ''}${result.subscriptionErrors.length ? `; ${result.subscriptionErrors.length} subscriptions FAILED: ${result.subscriptionErrors[0]}` : ''}`,
          },
        );
      }
    } finally {
      await unmemoised.close();
    }
  } finally {
    await sg.close();
  }
  return rows;
}

if (require.main === module) {
  process.env.LOG_LEVEL ??= 'silent';
  runSubscriptionBench().then((rows) => {
    for (const r of rows) console.log(`${r.name.padEnd(60)} ${r.value.toFixed(1).padStart(10)} ${r.unit.padEnd(7)} ${r.note ?? ''}`);
    process.exit(0);
  });
}
