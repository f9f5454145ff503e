/**
 * Write path and subscriptions (issues 4 and 21).
 *
 * Write-only rows: graph edits (`moveComponent`, `updateComponentConfig`) through the router from concurrent
 * clients over several projects, on the embedded default (SQLite) and on PostgreSQL (a schema per run, dropped
 * after), in the split layout (router and subgraphs in two child processes), so the CPU time per mutation of each
 * side is measured apart (`/proc`). `BENCH_CPU_PROF_DIR=<dir>` runs both processes under `--cpu-prof`.
 *
 * Subscription rows: 1,000 graphql-ws subscriptions across 100 projects, changes made through real mutations on the
 * router at a target rate; reports publish→receive latency (commit time in the change → arrival at the client, both
 * `Date.now()` on this machine) p50/p99, and lost events (every subscriber must see every version of its project).
 * Then the cost of a payload field owned by a subgraph (`project { name version }`), with and without the
 * once-per-event memo. Two layouts (`BENCH_SUBS_LAYOUTS=one,split`, both by default): `one` runs the clients, the
 * mutation generator, the router and the subgraphs in this process (the earlier figures: the latency included the
 * clients' own work, on the same event loop); `split` runs the supergraph in one child process
 * (`subscription-stack.ts`), the clients in another (`subscribers.ts`), the generator here, reports the CPU time
 * per change of each, and adds a fan-out-only pair: changes emitted on the server's bus at the target rate without
 * mutations, so the subscription side is measured at a rate the write path cannot reach here.
 * `BENCH_SUBS_SERVER_ENV="K=V …"` sets the split server's environment; `BENCH_CPU_PROF_DIR` profiles it.
 *
 * The load generator is one client identity: the per-identity rate limit (RATE_LIMIT_POINTS, 6,000 a minute by
 * default = 100/s) would cap it, and the per-identity WebSocket cap (WS_MAX_CONNECTIONS_PER_IDENTITY, 50) would refuse
 * half of its 100 connections, so the bench lifts both; subscriptions that fail are counted, not ignored. Everything
 * shares this machine's two cores. Run alone: `npx tsx bench/subscriptions.bench.ts` (`BENCH_PART=write` or `subs`
 * for one half).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { request } from 'undici';
import { SERVICE_ENV, SUBGRAPH_NAMES } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startRouter } from '../router/server';
import { NO_RATE_LIMIT } from '../tests/support/no-rate-limit';
import { postGraphQL, startTestSupergraph } from '../tests/support/supergraph';
import { freePort, postgresBackendsCpu, ROOT, stackEnv, startServer, withApplicationName, type ServerProcess } from './processes';
import { openSubscribers, spawnSubscribers } from './subscribers';
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
const UNLIMITED = { ...NO_RATE_LIMIT, WS_MAX_CONNECTIONS_PER_IDENTITY: '1000' };

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

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<{ status: number; data?: any; errors?: any[] }>;

interface Scenario {
  label: string;
  selection: string;
  routerUrl: string;
  /** `bus`: the changes are emitted on the server's event bus without mutations (the fan-out alone; split layout only). */
  source?: 'mutations' | 'bus';
}

/**
 * Where the parts run. `one`: the clients, the mutation generator, the router and the subgraphs all in the bench
 * process (the layout of the figures before issue 21's fourth item: the latency included the clients' own work).
 * `split`: the supergraph in one child process (`subscription-stack.ts`), the 1,000 clients in another
 * (`subscribers.ts`), the mutation generator in the bench process.
 */
type Layout = 'one' | 'split';

interface SubscriptionStack {
  url: string;
  unmemoisedUrl: string;
  gql: Gql;
  /** CPU time used so far by the servers' process, when it is a process of its own. */
  serverCpuMs?: () => number;
  /** Emits project changes on the server's bus at `rate` for `durationMs` (subscription-stack.ts); the versions per project. */
  publishOnBus?: (projects: { id: string; fromVersion: number }[], rate: number, durationMs: number) => Promise<Record<string, number[]>>;
  stop(): Promise<void>;
}

async function startSubscriptionStack(layout: Layout): Promise<SubscriptionStack> {
  if (layout === 'one') {
    const sg = await startTestSupergraph({ env: UNLIMITED });
    const unmemoised = await startRouter(sg.launched.config, createLogger('bench', 'silent'), sg.launched.events, {
      port: 0,
      memoiseSubscriptionFields: false,
    }).catch(async (err) => {
      await sg.close();
      throw err;
    });
    return {
      url: sg.url,
      unmemoisedUrl: unmemoised.url,
      gql: sg.gql,
      async stop() {
        await unmemoised.close();
        await sg.close();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-subs-'));
  // BENCH_SUBS_SERVER_ENV="A=1 B=2": settings for the server process (e.g. SUBSCRIPTION_SHARED_EXECUTION=false).
  const serverEnv = Object.fromEntries(
    (process.env.BENCH_SUBS_SERVER_ENV ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((kv) => kv.split(/=(.*)/s).slice(0, 2)),
  );
  const env: Record<string, string> = {
    ...(await stackEnv(dir, { ...UNLIMITED, ...serverEnv })),
    BENCH_UNMEMOISED_PORT: String(await freePort()),
    BENCH_CONTROL_PORT: String(await freePort()),
  };
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF_DIR)}`] : [];
  const server = await startServer(
    [process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'bench', 'subscription-stack.ts')]],
    env,
    `http://127.0.0.1:${env.BENCH_UNMEMOISED_PORT}/health`,
    { timeoutMs: 120_000 },
  );
  const url = `http://127.0.0.1:${env.VISUAL_BUILDER_PORT}`;
  return {
    url,
    unmemoisedUrl: `http://127.0.0.1:${env.BENCH_UNMEMOISED_PORT}`,
    gql: (query, variables) => postGraphQL(`${url}/graphql`, query, variables),
    serverCpuMs: () => server.cpuMs(),
    async publishOnBus(projects, rate, durationMs) {
      const response = await request(`http://127.0.0.1:${env.BENCH_CONTROL_PORT}/publish`, {
        method: 'POST',
        body: JSON.stringify({ projects, rate, durationMs }),
        headersTimeout: durationMs + 60_000,
        bodyTimeout: durationMs + 60_000,
      });
      return (await response.body.json()) as Record<string, number[]>;
    },
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `moveComponent`s at TARGET_RATE for DURATION_MS, at most 64 in flight, round-robin over the projects; the generator's CPU time. */
async function generateMutations(gql: Gql, projects: BenchProject[]) {
  const cpuAtStart = process.cpuUsage();
  const started = Date.now();
  let sent = 0;
  const failures: string[] = [];
  const inFlight = new Set<Promise<unknown>>();
  while (Date.now() - started < DURATION_MS) {
    const due = Math.floor(((Date.now() - started) / 1000) * TARGET_RATE);
    while (sent < due && inFlight.size < 64) {
      const project = projects[sent % projects.length];
      const version = ++project.version;
      const p = gql(`mutation($p: ID!, $x: Float!) { moveComponent(projectId: $p, nodeId: "n", position: {x: $x, y: 0}) { project { version } } }`, {
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
    // Wait for a slot or for the next mutation's time, never spin: the generator shares the cores with the servers.
    if (sent < due) await Promise.race(inFlight);
    else await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inFlight);
  const elapsed = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  return { sent, failures, rate: (sent - failures.length) / elapsed, elapsedMs: elapsed * 1000, generatorCpuMs: (cpu.user + cpu.system) / 1000 };
}

/** The changes emitted on the server's bus at TARGET_RATE for DURATION_MS, as if committed (no mutations, no generator work). */
async function publishOnBus(stack: SubscriptionStack, projects: BenchProject[]) {
  const started = Date.now();
  const published = await stack.publishOnBus!(
    projects.map((p) => ({ id: p.id, fromVersion: p.version })),
    TARGET_RATE,
    DURATION_MS,
  );
  const elapsedMs = Date.now() - started;
  let sent = 0;
  for (const project of projects) {
    project.committed = published[project.id];
    project.version = project.committed.at(-1) ?? project.version;
    sent += project.committed.length;
  }
  return { sent, failures: [] as string[], rate: sent / (elapsedMs / 1000), elapsedMs, generatorCpuMs: 0 };
}

async function runScenario(layout: Layout, stack: SubscriptionStack, projects: BenchProject[], scenario: Scenario) {
  const options = {
    url: scenario.routerUrl,
    projects: projects.map((p) => ({ id: p.id, startVersion: p.startVersion })),
    selection: scenario.selection,
    perProject: SUBSCRIBERS_PER_PROJECT,
    connections: CONNECTIONS,
  };
  const subscribers = layout === 'one' ? openSubscribers(options) : await spawnSubscribers(options);
  await new Promise((r) => setTimeout(r, 1_500)); // let every subscription reach its live phase
  subscribers.start();
  const serverCpuAtStart = stack.serverCpuMs?.();
  const load = scenario.source === 'bus' ? await publishOnBus(stack, projects) : await generateMutations(stack.gql, projects);
  const serverCpuMs = serverCpuAtStart === undefined ? undefined : stack.serverCpuMs!() - serverCpuAtStart;
  const result = await subscribers.finish(Object.fromEntries(projects.map((p) => [p.id, p.committed])), 2_000);
  for (const project of projects) {
    project.startVersion = project.version;
    project.committed = [];
  }
  return { ...result, ...load, serverCpuMs };
}

export async function runSubscriptionBench(): Promise<Row[]> {
  const part = process.env.BENCH_PART;
  return [...(part === 'subs' ? [] : await runWriteBench()), ...(part === 'write' ? [] : await runSubscriptionLatency())];
}

async function runSubscriptionLatency(): Promise<Row[]> {
  const rows: Row[] = [];
  // BENCH_SUBS_LAYOUTS=split (or one) for one of them; both by default, so old and new figures come from one run.
  const layouts = (process.env.BENCH_SUBS_LAYOUTS ?? 'one,split').split(',').map((l) => l.trim()) as Layout[];
  for (const layout of layouts) rows.push(...(await runSubscriptionLayout(layout)));
  return rows;
}

async function runSubscriptionLayout(layout: Layout): Promise<Row[]> {
  const stack = await startSubscriptionStack(layout);
  const rows: Row[] = [];
  const where = layout === 'one' ? 'clients in-process' : 'clients in own process';
  try {
    const projects: BenchProject[] = [];
    for (let i = 0; i < PROJECTS; i++) {
      const created = await stack.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: `bench ${i}` });
      const id = created.data.createProject.id;
      const added = await stack.gql(
        `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: "n", config: {value: 1}) { project { version } } }`,
        { p: id },
      );
      projects.push({ id, version: added.data.addComponent.project.version, startVersion: added.data.addComponent.project.version, committed: [] });
    }
    const scenarios: Scenario[] = [
      { label: 'payload only', selection: '', routerUrl: stack.url },
      { label: 'with project field, memo', selection: 'project { name version }', routerUrl: stack.url },
      { label: 'with project field, no memo', selection: 'project { name version }', routerUrl: stack.unmemoisedUrl },
      // Last: the versions they emit are ahead of the stored ones, so later mutations would be taken as replayed.
      ...(layout === 'split'
        ? [
            { label: 'fan-out only, payload only', selection: '', routerUrl: stack.url, source: 'bus' as const },
            { label: 'fan-out only, with project field, memo', selection: 'project { name version }', routerUrl: stack.url, source: 'bus' as const },
          ]
        : []),
    ];
    // BENCH_SUBS_SCENARIOS=payload (words of the labels) runs only those, e.g. under --cpu-prof.
    const wanted = (process.env.BENCH_SUBS_SCENARIOS ?? '').split(',').filter(Boolean);
    for (const scenario of scenarios.filter((s) => !wanted.length || wanted.some((w) => s.label.includes(w)))) {
      const result = await runScenario(layout, stack, projects, scenario);
      const subscriptions = PROJECTS * SUBSCRIBERS_PER_PROJECT;
      const committed = result.sent - result.failures.length;
      const cpu = [
        result.serverCpuMs !== undefined && `server ${(result.serverCpuMs / committed).toFixed(2)}`,
        layout === 'split' && `clients ${(result.cpuMs / committed).toFixed(2)}`,
        layout === 'split' && scenario.source !== 'bus' && `generator ${(result.generatorCpuMs / committed).toFixed(2)}`,
      ].filter(Boolean);
      rows.push(
        {
          name: `subs (${where}): ${scenario.label}: p50 publish→receive`,
          value: percentile(result.latencies, 50),
          unit: 'ms',
          note: `${subscriptions} subscriptions, ${PROJECTS} projects, ${result.rate.toFixed(0)} ${scenario.source === 'bus' ? 'changes emitted on the bus' : 'committed mutations'}/s (target ${TARGET_RATE})${cpu.length ? `; CPU ms per change: ${cpu.join(', ')}` : ''}`,
        },
        {
          name: `subs (${where}): ${scenario.label}: p99 publish→receive`,
          value: percentile(result.latencies, 99),
          unit: 'ms',
          note: `target ≤ ${scenario.selection ? 50 : 20} ms; load average ${os.loadavg()[0].toFixed(1)}`,
        },
        {
          name: `subs (${where}): ${scenario.label}: undelivered 2 s after the load`,
          value: result.lost,
          unit: 'events',
          note: `${result.latencies.length} deliveries of ${committed} committed changes × ${SUBSCRIBERS_PER_PROJECT} subscribers${result.failures.length ? `; ${result.failures.length} mutations FAILED: ${result.failures[0]}` : ''}${result.subscriptionErrors.length ? `; ${result.subscriptionErrors.length} subscriptions FAILED: ${result.subscriptionErrors[0]}` : ''}`,
        },
      );
    }
  } finally {
    await stack.stop();
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
