/**
 * Two stacks side by side, every figure a ratio in the same run (bench/load.ts: alternating rounds, medians):
 * a checkout against another (before/after a change) or one checkout with two settings (e.g. in-process subgraph
 * calls against HTTP). Besides throughput, each round measures the CPU time the stack's processes used per request:
 * on a shared, loaded machine throughput swings with the neighbours, CPU per request much less. Each stack is the six subgraphs and the router, in two processes (`split`, as in
 * router.bench.ts) or in one (`one`, the embedded default), with its own data, seeded alike.
 *
 *   VERSUS_B_ROOT=/path/to/other/checkout npx tsx bench/versus.ts          # this checkout (A) vs another (B)
 *   VERSUS_LAYOUT=one VERSUS_B_ENV=IN_PROCESS_SUBGRAPHS=false npx tsx bench/versus.ts
 *   VERSUS_WORKLOADS=single VERSUS_B_ENV=ROUTER_PASS_THROUGH=false npx tsx bench/versus.ts   # one workload only
 *
 * `VERSUS_A_NODE_ARGS` / `VERSUS_B_NODE_ARGS` add node flags to that stack's processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 * `VERSUS_WORKLOADS` (comma-separated: single, distinct, identical; all by default) picks the rows. In the split
 * layout the router process's own CPU per request is reported too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_ENV, SUBGRAPH_NAMES } from '../platform/config';
import { postGraphQL } from '../tests/support/supergraph';
import { dashboardWorkload, seedDashboard, singleWorkload } from './dashboard';
import { LOAD, median, runLoad, type LoadResult, type Target, type Workload } from './load';
import { ROOT, stackEnv, startServer, type ServerProcess } from './processes';

interface Side {
  load: LoadResult[];
  /** CPU ms of the stack's processes per completed request, per round. */
  cpu: number[];
  /** CPU ms of the router process alone per completed request, per round. */
  routerCpu: number[];
}

interface Versus {
  a: Side;
  b: Side;
}

async function measured(stack: Stack, workload: Workload, side: Side) {
  const cpu = stack.processes.reduce((sum, p) => sum + p.cpuMs(), 0);
  const routerCpu = stack.router.cpuMs();
  const result = await runLoad(stack.target, workload, LOAD.roundSeconds);
  side.load.push(result);
  side.cpu.push((stack.processes.reduce((sum, p) => sum + p.cpuMs(), 0) - cpu) / Math.max(1, result.total));
  side.routerCpu.push((stack.router.cpuMs() - routerCpu) / Math.max(1, result.total));
}

/** Alternating rounds (AB, BA, …) after a warm-up each. */
async function versus(a: Stack, b: Stack, workloadA: Workload, workloadB: Workload): Promise<Versus> {
  await runLoad(a.target, workloadA, LOAD.warmupSeconds);
  await runLoad(b.target, workloadB, LOAD.warmupSeconds);
  const result: Versus = { a: { load: [], cpu: [], routerCpu: [] }, b: { load: [], cpu: [], routerCpu: [] } };
  for (let round = 0; round < LOAD.rounds; round++) {
    const order: [Stack, Workload, Side][] = [
      [a, workloadA, result.a],
      [b, workloadB, result.b],
    ];
    if (round % 2) order.reverse();
    for (const [stack, workload, side] of order) await measured(stack, workload, side);
  }
  return result;
}

interface Stack {
  label: string;
  target: Target;
  router: ServerProcess;
  processes: ServerProcess[];
}

const parseEnv = (text = '') =>
  Object.fromEntries(
    text
      .split(',')
      .filter(Boolean)
      // Split at the first '=' only: values may hold one (NODE_OPTIONS=--max-old-space-size=256).
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );

async function startStack(label: string, root: string, extraEnv: Record<string, string>, layout: 'split' | 'one', dir: string): Promise<Stack> {
  const env = await stackEnv(path.join(dir, label), extraEnv);
  const routerPort = env.VISUAL_BUILDER_PORT;
  // Flags NODE_OPTIONS refuses (`--cpu-prof`), space-separated.
  const flags = (process.env[`VERSUS_${label}_NODE_ARGS`] ?? '').split(' ').filter(Boolean);
  const node = (...args: string[]): [string, string[]] => [process.execPath, [...flags, '--import', 'tsx', path.join(root, 'main.ts'), ...args]];
  const processes: ServerProcess[] = [];
  if (layout === 'split') processes.push(await startServer(node(...SUBGRAPH_NAMES), env, `${env[SERVICE_ENV.assistant.urlVar!]}/health`, { cwd: root }));
  const router = await startServer(layout === 'split' ? node('router') : node(), env, `http://127.0.0.1:${routerPort}/health`, {
    cwd: root,
    timeoutMs: 120_000,
  });
  processes.push(router);
  return { label, target: { label, url: `http://127.0.0.1:${routerPort}/graphql` }, router, processes };
}

async function main() {
  const layout = (process.env.VERSUS_LAYOUT ?? 'split') as 'split' | 'one';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-versus-'));
  const stacks: Stack[] = [];
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const a = await startStack('A', process.env.VERSUS_A_ROOT ?? ROOT, parseEnv(process.env.VERSUS_A_ENV), layout, dir);
    stacks.push(a);
    const b = await startStack('B', process.env.VERSUS_B_ROOT ?? ROOT, parseEnv(process.env.VERSUS_B_ENV), layout, dir);
    stacks.push(b);
    const projects = Number(process.env.VERSUS_PROJECTS ?? 20);
    const [idsA, idsB] = await Promise.all([a, b].map((s) => seedDashboard(s.target.url.replace(/\/graphql$/, ''), projects)));
    out(
      `A = ${process.env.VERSUS_A_ROOT ?? ROOT} ${process.env.VERSUS_A_ENV ?? ''} | B = ${process.env.VERSUS_B_ROOT ?? ROOT} ${process.env.VERSUS_B_ENV ?? ''} | layout ${layout}, ${projects} projects, median of ${LOAD.rounds} alternating ${LOAD.roundSeconds}s rounds, ${LOAD.connections} connections`,
    );
    out(`RSS idle: router process A ${a.router.rssMb().toFixed(0)} MB, B ${b.router.rssMb().toFixed(0)} MB`);
    const peaks = new Map<Stack, number>(stacks.map((s) => [s, 0]));
    const timer = setInterval(() => stacks.forEach((s) => peaks.set(s, Math.max(peaks.get(s)!, s.router.rssMb()))), 100);
    const row = (name: string, v: Versus) => {
      const rps = (s: Side) => median(s.load.map((r) => r.rps));
      const cpu = (s: Side) => median(s.cpu);
      const failures = [v.a, v.b].map((s) => s.load.reduce((n, r) => n + r.failures, 0));
      const throughput = median(v.a.load.map((r, i) => r.rps / v.b.load[i].rps));
      const cost = median(v.b.cpu.map((c, i) => c / v.a.cpu[i]));
      const routerCost = median(v.b.routerCpu.map((c, i) => c / v.a.routerCpu[i]));
      const router =
        layout === 'split'
          ? `  router CPU per request B/A ${routerCost.toFixed(2)} (${median(v.a.routerCpu).toFixed(2)} vs ${median(v.b.routerCpu).toFixed(2)} ms)`
          : '';
      out(
        `${name.padEnd(24)} throughput A/B ${throughput.toFixed(2)} (${rps(v.a).toFixed(0)} vs ${rps(v.b).toFixed(0)} req/s)  CPU per request B/A ${cost.toFixed(2)} (${cpu(v.a).toFixed(2)} vs ${cpu(v.b).toFixed(2)} ms)${router}${failures[0] + failures[1] ? `  FAILURES ${failures.join('/')}` : ''}`,
      );
    };
    // Both answer the dashboard without errors and with the same shape (ids, times and order differ between them).
    const [da, db] = await Promise.all([a, b].map((s) => postGraphQL(s.target.url, dashboardWorkload(false).query, dashboardWorkload(false).variables(1))));
    const shape = (data: any) =>
      data?.projects?.nodes
        ?.map((n: any) => [n.components.length, n.runs.length, n.artifacts.length, n.debugSessions.length, n.deployments.length, n.suggestions.length].join())
        .sort()
        .join('|');
    if (da.errors || db.errors || shape(da.data) !== shape(db.data))
      throw new Error(`the stacks disagree: ${JSON.stringify(da.errors ?? db.errors ?? 'data differs').slice(0, 300)}`);
    // The single-subgraph workload cycles over each stack's own project ids (same templates, same order).
    const workloads = new Set((process.env.VERSUS_WORKLOADS ?? 'single,distinct,identical').split(',').map((w) => w.trim()));
    if (workloads.has('single')) row('single-subgraph query', await versus(a, b, singleWorkload(idsA), singleWorkload(idsB)));
    if (workloads.has('distinct')) row('dashboard, distinct', await versus(a, b, dashboardWorkload(true), dashboardWorkload(true)));
    if (workloads.has('identical')) row('dashboard, identical', await versus(a, b, dashboardWorkload(false), dashboardWorkload(false)));
    clearInterval(timer);
    out(`RSS peak under load: router process A ${peaks.get(a)!.toFixed(0)} MB, B ${peaks.get(b)!.toFixed(0)} MB`);
  } finally {
    for (const stack of stacks.reverse()) for (const p of stack.processes.reverse()) await p.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
