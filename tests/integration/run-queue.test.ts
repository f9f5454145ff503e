/**
 * Runs through the Redis queue, executed by separate `worker` processes (`tsx main.ts worker`), the workflow service
 * only enqueueing (RUN_WORKER_EMBEDDED=false): a SYNC run waits for the worker's result; cancelRun reaches the worker
 * through Redis; runEvents replays a run another process executed; a worker killed with SIGKILL mid-run leaves the
 * run FAILED with WORKER_LOST within the documented bound; two workers share a burst.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Redis from 'ioredis';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { collect, wsClient } from '../support/ws-client';

const REDIS_URL = 'redis://127.0.0.1:6379';
const namespace = `vbtest-runs-${randomUUID().slice(0, 8)}`;
const POLICY = { RUN_HEARTBEAT_MS: '300', RUN_LOST_AFTER_MS: '2000' };
const ROOT = path.join(__dirname, '..', '..');

let sg: TestSupergraph;
const workers: ChildProcess[] = [];

function startWorker(): Promise<ChildProcess> {
  // One process (tsx as a loader, not its CLI, which would fork a child that SIGKILL would not reach).
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts', 'worker'], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL,
      REDIS_NAMESPACE: namespace,
      DATA_DIR: sg.launched.config.dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      RUN_CONCURRENCY: '2',
      ...POLICY,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('is up')) resolve(child);
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`worker exited (${code}): ${output}`)));
  });
}

async function project(name: string, delayMs: number): Promise<string> {
  const created = await sg.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: name });
  const p = created.data.createProject.id;
  const edits = [
    { addNode: { id: 'k', componentId: 'core/constant', position: { x: 0, y: 0 }, config: { value: 1 } } },
    { addNode: { id: 'wait', componentId: 'core/delay', position: { x: 200, y: 0 }, config: { ms: delayMs } } },
    { addNode: { id: 'out', componentId: 'core/output', position: { x: 400, y: 0 }, config: { name: 'v' } } },
    { connect: { id: 'c1', sourceId: 'k', sourcePort: 'value', targetId: 'wait', targetPort: 'value' } },
    { connect: { id: 'c2', sourceId: 'wait', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
  ];
  expect(
    (await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, { p, e: edits })).errors,
  ).toBeUndefined();
  return p;
}

async function runState(id: string) {
  return (await sg.gql(`query($id: ID!) { run(id: $id) { id status error { code message } } }`, { id })).data.run;
}

async function waitForStatus(id: string, done: (status: string) => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await runState(id);
    if (done(run.status) || Date.now() > until) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  sg = await startTestSupergraph({ env: { REDIS_URL, REDIS_NAMESPACE: namespace, RUN_WORKER_EMBEDDED: 'false', ...POLICY } });
  await startWorker();
}, 60_000);
afterAll(async () => {
  for (const child of workers) child.kill('SIGKILL');
  await sg?.close();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${namespace}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

it('executes a SYNC run in the worker process and returns its result', async () => {
  const p = await project('sync', 50);
  const ran = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p) { id status outputs } }`, { p });
  expect(ran.errors).toBeUndefined();
  expect(ran.data.executeWorkflow).toMatchObject({ status: 'SUCCEEDED', outputs: { v: 1 } });
});

it('a worker process executes the plan recorded with a partial run (pinned and reused nodes stand in)', async () => {
  const p = await project('pins', 10);
  await sg.gql(`mutation($p: ID!) { pinNodeOutput(projectId: $p, nodeId: "k", output: {value: 42}) { project { version } } }`, { p });
  const RUN = `mutation($p: ID!, $from: ID) { executeWorkflow(projectId: $p, usePinned: true, fromNodeId: $from) { status outputs steps { nodeId status } } }`;
  const pinned = (await sg.gql(RUN, { p })).data.executeWorkflow;
  expect(pinned).toMatchObject({ status: 'SUCCEEDED', outputs: { v: 42 } });
  expect(pinned.steps.find((s: { nodeId: string }) => s.nodeId === 'k').status).toBe('PINNED');
  await sg.gql(`mutation($p: ID!) { unpinNodeOutput(projectId: $p, nodeId: "k") { project { version } } }`, { p });
  await sg.gql(RUN, { p });
  const partial = (await sg.gql(RUN, { p, from: 'out' })).data.executeWorkflow;
  expect(partial).toMatchObject({ status: 'SUCCEEDED', outputs: { v: 1 } });
  expect(partial.steps.map((s: { nodeId: string; status: string }) => `${s.nodeId}:${s.status}`).sort()).toEqual(['out:SUCCEEDED', 'wait:REUSED']);
});

it('replays the events of a run another process executed, from seq 0, and a subscriber right after an ASYNC start sees RUN_STARTED', async () => {
  const p = await project('events', 300);
  const ran = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, mode: ASYNC) { id status } }`, { p });
  const id = ran.data.executeWorkflow.id;
  const client = wsClient(sg.url);
  try {
    const live = collect(client, `subscription($r: ID!) { runEvents(runId: $r) { seq type } }`, { r: id });
    const events = await live.waitFor((r) => r.some((e) => e.runEvents.type === 'RUN_FINISHED'), 15_000);
    expect(events[0].runEvents).toEqual({ seq: 0, type: 'RUN_STARTED' });
    expect(events.map((e) => e.runEvents.seq)).toEqual(events.map((_, i) => i));
    const late = collect(client, `subscription($r: ID!) { runEvents(runId: $r) { seq type } }`, { r: id });
    await late.waitFor((r) => r.length === events.length);
    expect(late.results).toEqual(events);
  } finally {
    await client.dispose();
  }
});

it('cancels a run executing in the worker from the API process (through Redis)', async () => {
  const p = await project('cancel', 30_000);
  const ran = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, mode: ASYNC) { id status } }`, { p });
  const id = ran.data.executeWorkflow.id;
  expect((await waitForStatus(id, (s) => s !== 'QUEUED', 10_000)).status).toBe('RUNNING');
  const started = Date.now();
  const cancelled = await sg.gql(`mutation($id: ID!) { cancelRun(id: $id) { status error { code } } }`, { id });
  expect(cancelled.data.cancelRun).toEqual({ status: 'CANCELLED', error: { code: 'CANCELLED' } });
  expect(Date.now() - started).toBeLessThan(5_000);
});

it('reports WORKER_LOST when the worker is killed with SIGKILL mid-run', async () => {
  const p = await project('lost', 30_000);
  const ran = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, mode: ASYNC) { id } }`, { p });
  const id = ran.data.executeWorkflow.id;
  expect((await waitForStatus(id, (s) => s !== 'QUEUED', 10_000)).status).toBe('RUNNING');
  workers[0].kill('SIGKILL');
  const killedAt = Date.now();
  const lost = await waitForStatus(id, (s) => s !== 'RUNNING', 10_000);
  expect(lost.status).toBe('FAILED');
  expect(lost.error.code).toBe('WORKER_LOST');
  // Bound: RUN_LOST_AFTER_MS + one sweep interval (RUN_HEARTBEAT_MS), plus slack for the test's polling.
  expect(Date.now() - killedAt).toBeLessThan(2_000 + 300 + 1_500);
});

it('shares a burst of runs between two workers', async () => {
  await startWorker();
  await startWorker();
  const p = await project('burst', 200);
  const ids: string[] = [];
  for (let i = 0; i < 12; i++)
    ids.push((await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, mode: ASYNC) { id } }`, { p })).data.executeWorkflow.id);
  for (const id of ids) expect((await waitForStatus(id, (s) => s === 'SUCCEEDED' || s === 'FAILED', 20_000)).status).toBe('SUCCEEDED');
  const db = new SQLite(path.join(sg.launched.config.dataDir, 'workflow.sqlite'), { readonly: true });
  try {
    const rows = db.prepare(`select distinct worker_id from runs where id in (${ids.map(() => '?').join(',')})`).all(...ids);
    expect(rows.length).toBe(2);
  } finally {
    db.close();
  }
}, 60_000);
