/**
 * `npm run bench`: runs every benchmark suite in one process and prints one table. Figures are ratios measured in
 * the same run (with absolute numbers for context) — benchmarks, never timed tests.
 */
import { runCodegenBench } from './codegen.bench';
import { runEngineBench } from './engine.bench';
import { runLocalSandboxBench } from './local-sandbox.bench';
import { runRouterBench } from './router.bench';
import { runRunQueueBench } from './run-queue.bench';
import type { Row } from './row';
import { runSoakBench } from './soak.bench';
import { runSubscriptionBench } from './subscriptions.bench';
import { runWebBench } from './web.bench';

const SUITES: { name: string; run: () => Promise<Row[]> }[] = [
  { name: 'engine (issue 3)', run: runEngineBench },
  { name: 'codegen (issue 6)', run: runCodegenBench },
  { name: 'subscriptions (issue 4)', run: runSubscriptionBench },
  // 1 minute here so the whole `npm run bench` stays under 10 minutes; run it alone for the 10-minute soak.
  { name: 'soak (issue 12)', run: () => runSoakBench(Number(process.env.SOAK_MINUTES ?? 1)) },
  { name: 'router (issue 11)', run: runRouterBench },
  { name: 'local deployments (issue 15)', run: runLocalSandboxBench },
  { name: 'run queue (issue 15)', run: runRunQueueBench },
  { name: 'web app (issue 19)', run: runWebBench },
];

/** `BENCH_SUITES=router,soak` runs the suites whose name contains one of the words (all when unset). */
function selectedSuites(filter = process.env.BENCH_SUITES): typeof SUITES {
  const words = (filter ?? '')
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  return words.length ? SUITES.filter((s) => words.some((w) => s.name.toLowerCase().includes(w))) : SUITES;
}

async function main() {
  const rows: (Row & { suite: string })[] = [];
  for (const suite of selectedSuites()) {
    process.stderr.write(`running ${suite.name}…\n`);
    try {
      for (const row of await suite.run()) rows.push({ ...row, suite: suite.name });
    } catch (err) {
      // One broken suite must not hide the others' figures; it is reported in the table and fails the run.
      process.exitCode = 1;
      rows.push({
        suite: suite.name,
        name: 'FAILED',
        value: NaN,
        unit: '',
        note: (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200),
      });
    }
  }
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(`${'suite'.padEnd(20)} ${'benchmark'.padEnd(width)} ${'value'.padStart(12)}  unit        note`);
  for (const r of rows) {
    console.log(`${r.suite.padEnd(20)} ${r.name.padEnd(width)} ${r.value.toFixed(r.value < 10 ? 2 : 1).padStart(12)}  ${r.unit.padEnd(10)}  ${r.note ?? ''}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
