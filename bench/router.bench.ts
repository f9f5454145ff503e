/**
 * The router under load (issue 11), every figure a ratio measured in the same run (bench/load.ts: alternating
 * rounds, warm-up discarded, medians): our router vs a direct call to the owning subgraph on a single-subgraph
 * query; our router vs Hive Gateway (Rust planner) on the six-subgraph dashboard, distinct and identical requests,
 * at one and two processes each; router RSS idle and under load. Servers run as child processes (six subgraphs in
 * one, each gateway in its own), autocannon runs here, all on loopback.
 * Run alone: `npx tsx bench/router.bench.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_ENV, SUBGRAPH_NAMES, type SubgraphName } from '../platform/config';
import { INTERNAL_TOKEN_HEADER } from '../platform/identity';
import { postGraphQL } from '../tests/support/supergraph';
import { dashboardWorkload, seedDashboard, singleWorkload } from './dashboard';
import { startHiveGateway } from './hive-gateway';
import { signBenchToken } from './internal-token';
import { compare, LOAD, type Comparison, type Target, type Workload } from './load';
import { freePort, stackEnv, startRouterNodeFlags, startServer, tsxArgs, type ServerProcess } from './processes';
import type { Row } from './row';

const log = (message: string) => process.stderr.write(`  router: ${message}\n`);

interface Router extends ServerProcess {
  url: string;
}

async function startOurRouter(env: Record<string, string>, workers: number): Promise<Router> {
  const port = await freePort();
  const command = workers > 1 ? tsxArgs('bench/router-cluster.ts', String(workers)) : tsxArgs('main.ts', 'router');
  // V8 flags for our router only: those `npm run start:router` runs it with (its heap bound), unless
  // BENCH_ROUTER_NODE_OPTIONS says otherwise ('' = none), to measure them.
  const flags = flagsOf();
  const nodeOptions: Record<string, string> = flags ? { NODE_OPTIONS: flags } : {};
  const server = await startServer(command, { ...env, ...nodeOptions, VISUAL_BUILDER_PORT: String(port) }, `http://127.0.0.1:${port}/health`);
  return { ...server, url: `http://127.0.0.1:${port}/graphql` };
}

const flagsOf = () => process.env.BENCH_ROUTER_NODE_OPTIONS ?? startRouterNodeFlags();

/** Peak RSS of a process tree while `work` runs (sampled every 100 ms). */
async function peakRss<T>(server: ServerProcess, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = server.rssMb();
  const timer = setInterval(() => (peakMb = Math.max(peakMb, server.rssMb())), 100);
  try {
    return { result: await work(), peakMb };
  } finally {
    clearInterval(timer);
  }
}

/** Both gateways must return the same data for the same query before any figure is worth printing. */
async function assertSameData(a: Target, b: Target, workload: Workload) {
  const [ra, rb] = await Promise.all([a, b].map((t) => postGraphQL(t.url, workload.query, workload.variables(1), t.headers)));
  if (ra.errors || rb.errors) throw new Error(`errors: ${a.label} ${JSON.stringify(ra.errors)} / ${b.label} ${JSON.stringify(rb.errors)}`);
  if (JSON.stringify(ra.data) !== JSON.stringify(rb.data)) throw new Error(`${a.label} and ${b.label} disagree on the data`);
}

const rps = (c: Comparison) =>
  `${c.a.rps.toFixed(0)} vs ${c.b.rps.toFixed(0)} req/s, p99 ${c.a.p99Ms} vs ${c.b.p99Ms} ms${c.a.failures + c.b.failures ? `, FAILURES ${c.a.failures}/${c.b.failures}` : ''}`;

export async function runRouterBench(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-bench-router-'));
  const env = await stackEnv(path.join(dir, 'data'));
  const secret = env.INTERNAL_TOKEN_SECRET;
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, env[SERVICE_ENV[name].urlVar!]])) as Record<SubgraphName, string>;
  const running: ServerProcess[] = [];
  const track = <T extends ServerProcess>(s: T) => (running.push(s), s);
  const rows: Row[] = [];
  const ratioRow = (name: string, c: Comparison, target: string, note = '') => {
    rows.push({ name, value: c.ratio, unit: '×', note: `${rps(c)}; ${target}${note ? `; ${note}` : ''}` });
    // Each figure as soon as it is measured, so a later failure does not lose it.
    log(`${name}: ${c.ratio.toFixed(2)} (${rps(c)})`);
  };
  try {
    log('starting the six subgraphs and the router…');
    track(await startServer(tsxArgs('main.ts', ...SUBGRAPH_NAMES), env, `${urls.assistant}/health`));
    const router = track(await startOurRouter(env, 1));
    const projectIds = await seedDashboard(router.url.replace(/\/graphql$/, ''));
    const token = await signBenchToken(secret);
    const ours: Target = { label: 'router', url: router.url };
    const rounds = `median of ${LOAD.rounds} alternating ${LOAD.roundSeconds}s rounds, ${LOAD.connections} connections`;

    log('single-subgraph query: router vs direct…');
    const direct: Target = { label: 'workflow subgraph', url: `${urls.workflow}/graphql`, headers: { [INTERNAL_TOKEN_HEADER]: token } };
    const single = singleWorkload(projectIds);
    await assertSameData(ours, direct, single);
    const idleMb = router.rssMb();
    const { result: singleCmp, peakMb: singlePeak } = await peakRss(router, () => compare(ours, direct, single));
    ratioRow('router/direct, single-subgraph query', singleCmp, 'target ≥ 0.6', rounds);

    log('dashboard: router vs Hive Gateway (1 process each)…');
    const hive = track(await startHiveGateway({ dir, urls, token, forks: 1 }));
    const hiveTarget: Target = { label: 'hive', url: hive.url };
    await assertSameData(ours, hiveTarget, dashboardWorkload(false));
    const { result: distinct1, peakMb: dashPeak } = await peakRss(router, () => compare(ours, hiveTarget, dashboardWorkload(true)));
    ratioRow('router/Hive, dashboard, distinct, 1 process', distinct1, 'target ≥ 1.5');
    const { result: hivePeak1 } = await peakRss(hive, async () => hive.rssMb());
    const identical1 = await compare(ours, hiveTarget, dashboardWorkload(false));
    ratioRow('router/Hive, dashboard, identical, 1 process', identical1, 'Hive de-duplicates identical in-flight fetches');
    rows.push({ name: 'router RSS idle (after seeding)', value: idleMb, unit: 'MB', note: 'one process' });
    rows.push({
      name: 'router RSS under load (peak)',
      value: Math.max(singlePeak, dashPeak),
      unit: 'MB',
      note: `target ≤ 250 MB; node flags: ${flagsOf() || 'none'}; Hive Gateway (1 process) after load: ${hivePeak1.toFixed(0)} MB`,
    });
    log(`router RSS idle ${idleMb.toFixed(0)} MB, under load (peak) ${Math.max(singlePeak, dashPeak).toFixed(0)} MB, Hive ${hivePeak1.toFixed(0)} MB`);
    await hive.stop();
    await router.stop();

    log('dashboard: router (node:cluster) vs Hive Gateway (--fork), 2 processes each…');
    const router2 = track(await startOurRouter(env, 2));
    const hive2 = track(await startHiveGateway({ dir, urls, token, forks: 2 }));
    const ours2: Target = { label: 'router×2', url: router2.url };
    const hive2Target: Target = { label: 'hive×2', url: hive2.url };
    await assertSameData(ours2, hive2Target, dashboardWorkload(false));
    const distinct2 = await compare(ours2, hive2Target, dashboardWorkload(true));
    ratioRow('router/Hive, dashboard, distinct, 2 processes', distinct2, 'target ≥ 1.5');
    const identical2 = await compare(ours2, hive2Target, dashboardWorkload(false));
    ratioRow('router/Hive, dashboard, identical, 2 processes', identical2, '');
    rows.push({
      name: 'router RSS, 2 processes (primary + workers)',
      value: router2.rssMb(),
      unit: 'MB',
      note: `Hive --fork 2: ${hive2.rssMb().toFixed(0)} MB`,
    });
  } finally {
    for (const server of running.reverse()) await server.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (require.main === module) {
  runRouterBench()
    .then((rows) => {
      for (const r of rows) console.log(`${r.name.padEnd(50)} ${r.value.toFixed(2).padStart(10)} ${r.unit.padEnd(4)} ${r.note ?? ''}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
