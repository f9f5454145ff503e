/**
 * Runs through the Redis queue, executed by separate `worker` processes (`tsx main.ts worker`), the workflow service
 * only enqueueing (RUN_WORKER_EMBEDDED=false): a SYNC run waits for the worker's result; cancelRun reaches the worker
 * through Redis; runEvents replays a run another process executed; two workers share a burst. Recovery
 * (docs/ARCHITECTURE.md §5.1): a worker killed with SIGKILL mid-run has its run re-queued and completed by another
 * worker when no node acting outside the run had started, and FAILED with WORKER_LOST (not executed again) once an
 * http_request had started, both within the documented bound; SIGTERM lets a short run finish and hands a long one back.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Redis from 'ioredis';
import { exitOf, spawnRunWorker } from '../support/run-worker';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { collect, wsClient } from '../support/ws-client';

const REDIS_URL = 'redis://127.0.0.1:6379';
const namespace = `vbtest-runs-${randomUUID().slice(0, 8)}`;
// Short, so a lost worker is noticed within seconds; not so short that a worker slowed down by a loaded machine
// (heartbeats late) is taken for lost.
const POLICY = { RUN_HEARTBEAT_MS: '300', RUN_LOST_AFTER_MS: '5000' };

let sg: TestSupergraph;
const workers: ChildProcess[] = [];

async function startWorker(env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = await spawnRunWorker({
    REDIS_URL,
    REDIS_NAMESPACE: namespace,
    DATA_DIR: sg.launched.config.dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
    RUN_CONCURRENCY: '2',
    // The http_request scenario calls a server of this test on loopback.
    HTTP_ALLOWLIST: '127.0.0.1',
    ...POLICY,
    ...env,
  });
  workers.push(child);
  return child;
}

const alive = () => workers.filter((w) => w.exitCode === null && w.signalCode === null);
const exited = exitOf;

async function killAllWorkers() {
  for (const child of alive()) {
    child.kill('SIGKILL');
    await exited(child);
  }
}

/** The worker process executing a run (worker ids are `host:pid:random`). */
function workerOf(runId: string): ChildProcess | undefined {
  const db = new SQLite(path.join(sg.launched.config.dataDir, 'workflow.sqlite'), { readonly: true });
  try {
    const row = db.prepare('select worker_id from runs where id = ?').get(runId) as { worker_id: string | null } | undefined;
    const pid = Number(row?.worker_id?.split(':')[1]);
    return workers.find((w) => w.pid === pid);
  } finally {
    db.close();
  }
}

async function createProject(name: string, edits: unknown[]): Promise<string> {
  const created = await sg.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: name });
  const p = created.data.createProject.id;
  expect(
    (await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, { p, e: edits })).errors,
  ).toBeUndefined();
  return p;
}

/** constant → delay → output: a pure workflow (nothing acts outside the run), as slow as wanted. */
function project(name: string, delayMs: number): Promise<string> {
  return createProject(name, [
    { addNode: { id: 'k', componentId: 'core/constant', position: { x: 0, y: 0 }, config: { value: 1 } } },
    { addNode: { id: 'wait', componentId: 'core/delay', position: { x: 200, y: 0 }, config: { ms: delayMs } } },
    { addNode: { id: 'out', componentId: 'core/output', position: { x: 400, y: 0 }, config: { name: 'v' } } },
    { connect: { id: 'c1', sourceId: 'k', sourcePort: 'value', targetId: 'wait', targetPort: 'value' } },
    { connect: { id: 'c2', sourceId: 'wait', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
  ]);
}

async function runState(id: string) {
  return (await sg.gql(`query($id: ID!) { run(id: $id) { id status requeues outputs error { code message } events } }`, { id })).data.run;
}

async function waitForRun(id: string, done: (run: any) => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await runState(id);
    if (done(run) || Date.now() > until) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const waitForStatus = (id: string, done: (status: string) => boolean, timeoutMs: number) => waitForRun(id, (run) => done(run.status), timeoutMs);

const startAsync = async (p: string): Promise<string> =>
  (await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, mode: ASYNC) { id } }`, { p })).data.executeWorkflow.id;

beforeAll(async () => {
  sg = await startTestSupergraph({ env: { REDIS_URL, REDIS_NAMESPACE: namespace, RUN_WORKER_EMBEDDED: 'false', ...POLICY } });
  await startWorker();
}, 120_000);
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

it('shares a burst of runs between two workers', async () => {
  const p = await project('burst', 200);
  await startWorker();
  expect(alive().length).toBe(2);
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push(await startAsync(p));
  for (const id of ids) expect((await waitForStatus(id, (s) => s === 'SUCCEEDED' || s === 'FAILED', 20_000)).status).toBe('SUCCEEDED');
  const db = new SQLite(path.join(sg.launched.config.dataDir, 'workflow.sqlite'), { readonly: true });
  try {
    const rows = db.prepare(`select distinct worker_id from runs where id in (${ids.map(() => '?').join(',')})`).all(...ids);
    expect(rows.length).toBe(2);
  } finally {
    db.close();
  }
}, 120_000);

/** Bound on noticing a lost worker: RUN_LOST_AFTER_MS + one sweep interval (RUN_HEARTBEAT_MS), plus slack for polling. */
const LOST_BOUND_MS = 5_000 + 300 + 2_000;

it('re-queues a pure run whose worker was killed with SIGKILL; another worker completes it, and runEvents follows across', async () => {
  expect(alive().length).toBe(2);
  const p = await project('lost-pure', 4_000);
  const id = await startAsync(p);
  expect((await waitForStatus(id, (s) => s !== 'QUEUED', 10_000)).status).toBe('RUNNING');
  const client = wsClient(sg.url);
  try {
    const live = collect(client, `subscription($r: ID!) { runEvents(runId: $r) { seq type error { code } } }`, { r: id });
    await live.waitFor((r) => r.some((e) => e.runEvents.type === 'NODE_STARTED'));
    const victim = workerOf(id)!;
    const survivor = alive().find((w) => w !== victim)!;
    victim.kill('SIGKILL');
    const killedAt = Date.now();
    // Re-queued (the survivor may claim it again before a poll sees QUEUED).
    const requeued = await waitForRun(id, (run) => run.requeues > 0 || run.status === 'FAILED', 10_000);
    expect(Date.now() - killedAt).toBeLessThan(LOST_BOUND_MS);
    expect(requeued.requeues).toBe(1);
    const done = await waitForStatus(id, (s) => s === 'SUCCEEDED' || s === 'FAILED', 20_000);
    expect(done).toMatchObject({ status: 'SUCCEEDED', requeues: 1, outputs: { v: 1 } });
    expect(workerOf(id)).toBe(survivor);
    // One stream, no gap: the first attempt, RUN_REQUEUED (why), the second attempt from RUN_STARTED, RUN_FINISHED.
    const events = (await live.waitFor((r) => r.some((e) => e.runEvents.type === 'RUN_FINISHED'), 15_000)).map((e) => e.runEvents);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    const types = events.map((e) => e.type);
    const requeueAt = types.indexOf('RUN_REQUEUED');
    expect(types.slice(0, requeueAt)).toEqual(['RUN_STARTED', 'NODE_STARTED', 'NODE_SUCCEEDED', 'NODE_STARTED']);
    expect(events[requeueAt].error).toEqual({ code: 'WORKER_LOST' });
    expect(types.slice(requeueAt + 1)).toEqual([
      'RUN_STARTED',
      'NODE_STARTED',
      'NODE_SUCCEEDED',
      'NODE_STARTED',
      'NODE_SUCCEEDED',
      'NODE_STARTED',
      'NODE_SUCCEEDED',
      'RUN_FINISHED',
    ]);
    // The stored events are the same ones.
    expect(done.events.map((e: { type: string }) => e.type)).toEqual(types);
  } finally {
    await client.dispose();
  }
}, 120_000);

it('fails a run with WORKER_LOST, never executing it again, when its worker is killed after an http_request started', async () => {
  // The remote end holds the request open, so the node is mid-call when its worker dies.
  const requests: http.ServerResponse[] = [];
  const server = http.createServer((_req, res) => void requests.push(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/charge`;
    const p = await createProject('lost-http', [
      { addNode: { id: 'k', componentId: 'core/constant', position: { x: 0, y: 0 }, config: { value: { amount: 5 } } } },
      { addNode: { id: 'charge', componentId: 'core/http_request', position: { x: 200, y: 0 }, config: { url, method: 'POST', timeoutMs: 60_000 } } },
      { addNode: { id: 'out', componentId: 'core/output', position: { x: 400, y: 0 }, config: { name: 'reply' } } },
      { connect: { id: 'c1', sourceId: 'k', sourcePort: 'value', targetId: 'charge', targetPort: 'body' } },
      { connect: { id: 'c2', sourceId: 'charge', sourcePort: 'response', targetId: 'out', targetPort: 'value' } },
    ]);
    await startWorker();
    expect(alive().length).toBe(2);
    const id = await startAsync(p);
    for (const until = Date.now() + 30_000; !requests.length && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    expect(requests.length).toBe(1);
    workerOf(id)!.kill('SIGKILL');
    const killedAt = Date.now();
    const lost = await waitForStatus(id, (s) => s !== 'RUNNING', 10_000);
    expect(Date.now() - killedAt).toBeLessThan(LOST_BOUND_MS);
    expect(lost).toMatchObject({ status: 'FAILED', error: { code: 'WORKER_LOST' } });
    expect(lost.error.message).toContain('node "charge" acts outside the run');
    // The other worker is idle and stays so: the call is not repeated.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(requests.length).toBe(1);
    expect((await runState(id)).status).toBe('FAILED');
  } finally {
    for (const res of requests) res.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}, 120_000);

it('on SIGTERM a worker lets a short run finish, hands a long one back to the queue and exits 0', async () => {
  await killAllWorkers();
  // Projects first: a SQLite write transaction of the API process can conflict with a worker's writes mid-run.
  const [shortProject, longProject] = [await project('term-short', 300), await project('term-long', 10_000)];
  const stopping = await startWorker({ RUN_SHUTDOWN_GRACE_MS: '3000', RUN_THREADS_WARM: '2' });
  const short = await startAsync(shortProject);
  const long = await startAsync(longProject);
  // Both are inside their delay node on the worker's two run threads.
  const waiting = (run: any) => run.events.some((e: { type: string; nodeId?: string }) => e.type === 'NODE_STARTED' && e.nodeId === 'wait');
  for (const id of [short, long]) expect(waiting(await waitForRun(id, waiting, 15_000))).toBe(true);
  stopping.kill('SIGTERM');
  const signalledAt = Date.now();
  expect(await exited(stopping)).toBe(0);
  // It waited the grace period for the long run (not its 10 s), then handed it back.
  expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(2_900);
  expect(Date.now() - signalledAt).toBeLessThan(10_000);
  expect(await runState(short)).toMatchObject({ status: 'SUCCEEDED', requeues: 0 });
  const handedBack = await runState(long);
  expect(handedBack).toMatchObject({ status: 'QUEUED', requeues: 1 });
  const requeueEvent = handedBack.events.find((e: { type: string }) => e.type === 'RUN_REQUEUED');
  expect(requeueEvent.error.code).toBe('SHUTTING_DOWN');
  // Nobody takes it until a worker starts; then it runs from the beginning.
  const next = await startWorker();
  const done = await waitForStatus(long, (s) => s === 'SUCCEEDED' || s === 'FAILED', 40_000);
  expect(done).toMatchObject({ status: 'SUCCEEDED', requeues: 1, outputs: { v: 1 } });
  expect(workerOf(long)).toBe(next);
}, 180_000);
