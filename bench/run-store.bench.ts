/**
 * What reading run steps only when selected saves (issue 21), in-process on SQLite, no network: a project's run list
 * (`listByProject`, 20 runs of a 30-node workflow, each step with ≈300 bytes of inputs and outputs) read as lists and
 * entity fetches read it now (no `steps` or `graph` column), against the same read plus every run's steps, which is
 * what each list read cost before. Run: `npx tsx bench/run-store.bench.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StepRecord } from '../engine/runtime/types';
import { openDatabase } from '../platform/db';
import { workflowMigrations } from '../subgraphs/workflow/migrations';
import { RunStore, type RunRecord, type RunTables } from '../subgraphs/workflow/run-store';

const RUNS = 20;
const NODES = 30;

function run(i: number): RunRecord {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
  const steps: StepRecord[] = Array.from({ length: NODES }, (_, n) => ({
    nodeId: `node_${n}`,
    frames: [],
    status: 'succeeded',
    inputs: { value: { order: i, items: Array.from({ length: 5 }, (_, k) => ({ sku: `sku-${k}`, qty: k + 1, price: 9.99 })) } },
    outputs: { value: { total: 42.5 + n, note: 'x'.repeat(60) } },
    attempt: 1,
    startedAt: at,
    durationMs: 1,
  }));
  return {
    id: `r${i}`,
    projectId: 'p',
    projectVersion: 1,
    ownerId: 'u',
    status: 'succeeded',
    inputs: { order: i },
    outputs: { total: 42.5 },
    error: null,
    steps,
    truncated: false,
    createdAt: at,
    startedAt: at,
    finishedAt: at,
    requeues: 0,
    outsideEffectsNode: null,
  };
}

async function cpuPerRead(read: () => Promise<unknown>, rounds: number): Promise<number> {
  for (let i = 0; i < 50; i++) await read();
  const started = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await read();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / rounds;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-run-store-bench-'));
  const db = await openDatabase<RunTables>({ service: 'workflow', dataDir: dir, migrations: workflowMigrations });
  try {
    const store = new RunStore(db);
    for (let i = 0; i < RUNS; i++) await store.insert(run(i), { nodes: Array.from({ length: NODES }, (_, n) => ({ id: `node_${n}` })) });
    const ids = Array.from({ length: RUNS }, (_, i) => `r${i}`);
    const list = await cpuPerRead(() => store.listByProjects(['p'], RUNS), 500);
    const withSteps = await cpuPerRead(async () => [await store.listByProjects(['p'], RUNS), await store.stepsOf(ids)], 500);
    const stepBytes = JSON.stringify(run(0).steps).length;
    console.log(`run list without steps (now)      ${list.toFixed(3)} ms CPU per read of ${RUNS} runs`);
    console.log(`run list with steps (before)      ${withSteps.toFixed(3)} ms CPU (${(stepBytes / 1024).toFixed(1)} KB of steps per run)`);
    console.log(`before/now: ${(withSteps / list).toFixed(1)}×`);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
