/**
 * The debugger's execution plane (docs/ARCHITECTURE.md §5.1): sessions' interpreters run on debug host threads, never
 * on the thread that serves requests — checked with V8's precise coverage of this (the request) thread — and a host
 * thread that dies does not leave its sessions hanging: a paused one is rebuilt from its journal by its next command,
 * a running one ends in ERROR with DEBUG_HOST_LOST.
 */
import fs from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from '../../engine/threads/spawn';
import { openDatabase } from '../../platform/db';
import { LOCAL_IDENTITY } from '../../platform/identity';
import { createLogger } from '../../platform/logger';
import { ProjectAccessClient } from '../../platform/project-access';
import { createServiceClient } from '../../platform/service-client';
import { DebugHosts } from '../../subgraphs/debugger/debug-hosts';
import { DebugService } from '../../subgraphs/debugger/debug-service';
import { debuggerMigrations } from '../../subgraphs/debugger/migrations';
import { SessionStore } from '../../subgraphs/debugger/session-store';
import { debuggerSettings } from '../../subgraphs/debugger/settings';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { debuggerClient, pathOf, projectFromTemplate } from './support';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
});
afterAll(() => sg?.close());

/** Calls of each function of the files matching `file`, on this thread, while `work` runs. */
async function callsOnThisThread(work: () => Promise<void>): Promise<(file: RegExp) => Map<string, number>> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params: object = {}) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  try {
    await post('Profiler.enable');
    await post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    await work();
    const { result } = await post('Profiler.takePreciseCoverage');
    await post('Profiler.stopPreciseCoverage');
    return (file) => {
      const calls = new Map<string, number>();
      for (const script of result as { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[]) {
        if (!file.test(script.url)) continue;
        for (const fn of script.functions)
          if (fn.functionName && fn.ranges[0].count > 0) calls.set(fn.functionName, (calls.get(fn.functionName) ?? 0) + fn.ranges[0].count);
      }
      return calls;
    };
  } finally {
    session.disconnect();
  }
}

it('runs no interpreter code on the request thread while sessions step, pause at conditional breakpoints and finish', async () => {
  const client = debuggerClient(sg);
  const project = await projectFromTemplate(sg, 'batch_greetings');
  const calls = await callsOnThisThread(async () => {
    const s = await client.start(project, { inputs: { names: ['Ada', 'Bob', 'Cy'] }, breakpoints: [{ nodeId: 'greeting', condition: 'iteration == 1' }] });
    expect(pathOf(await client.step(s.id, 'START'))).toBe('greet_each[1]/greeting');
    expect(pathOf(await client.step(s.id, 'STEP_OVER'))).toBe('greet_each[1]/result');
    const done = await client.step(s.id, 'CONTINUE');
    expect(done).toMatchObject({ state: 'COMPLETED', outputs: { greetings: ['Hello, Ada!', 'Hello, Bob!', 'Hello, Cy!'], count: 3 } });
  });
  // The interpreter and the driver: not one call here (they run on a debug host thread).
  expect([...calls(/engine\/runtime\/(interpreter|frame-run|node-runner)\.ts$/)]).toEqual([]);
  expect([...calls(/subgraphs\/debugger\/debug-driver\.ts$/)]).toEqual([]);
  // What does run here, so the measurement is not vacuous: the driver's handle and the breakpoint condition.
  expect(calls(/subgraphs\/debugger\/remote-driver\.ts$/).get('answer')).toBeGreaterThan(5);
  expect(calls(/subgraphs\/debugger\/debug-expressions\.ts$/).get('breakpointStops')).toBeGreaterThanOrEqual(3);
});

describe('a debug host thread that dies', () => {
  let service: DebugService;
  let hosts: DebugHosts;
  let database: Awaited<ReturnType<typeof openDatabase<unknown>>>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-debug-hosts-'));
  const spawned: Worker[] = [];

  beforeAll(async () => {
    // A debugger service of its own (real SQLite, the supergraph's workflow service over HTTP), on one host thread
    // whose worker the test can reach.
    database = await openDatabase<unknown>({ service: 'debugger', dataDir, migrations: debuggerMigrations });
    const services = createServiceClient(sg.launched.config);
    hosts = new DebugHosts({
      threads: 1,
      spawn: (module, options) => {
        const worker = spawnTsWorker(module, options);
        spawned.push(worker);
        return worker;
      },
    });
    service = new DebugService({
      store: new SessionStore(database),
      services,
      events: sg.launched.events,
      hosts,
      settings: debuggerSettings({}),
      log: createLogger('debugger-test', 'silent'),
      access: new ProjectAccessClient(services),
    });
  });
  afterAll(async () => {
    await service?.close();
    await hosts?.close();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('rebuilds its paused sessions from their journals and fails its running ones with DEBUG_HOST_LOST', async () => {
    const totals = await projectFromTemplate(sg, 'order_totals');
    const created = await sg.gql(`mutation { createProject(input: {name: "spins until its thread dies"}) { id } }`);
    const spinner = created.data.createProject.id;
    const edits = [
      { addNode: { id: 'spin', componentId: 'core/code', position: { x: 0, y: 0 }, config: { code: 'while (true) {}', timeoutMs: 30_000 } } },
      { addNode: { id: 'out', componentId: 'core/output', position: { x: 200, y: 0 }, config: { name: 'v' } } },
      { connect: { id: 'c1', sourceId: 'spin', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
    ];
    const applied = await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
      p: spinner,
      e: edits,
    });
    expect(applied.errors).toBeUndefined();
    const inputs = { lines: [{ sku: 'pen', price: 2.5, qty: 4 }] };

    const paused = await service.start({ projectId: totals, inputs, breakpoints: [{ nodeId: 'bulk_skus' }] }, LOCAL_IDENTITY);
    expect(await service.step(paused.id, 'START', LOCAL_IDENTITY)).toMatchObject({ state: 'PAUSED', position: { nodeId: 'bulk_skus' } });
    const running = await service.start({ projectId: spinner }, LOCAL_IDENTITY);
    const stateOf = async (id: string) => (await service.getMany([id], LOCAL_IDENTITY)).get(id)!;
    const spinning = service.step(running.id, 'START', LOCAL_IDENTITY);
    for (let i = 0; i < 100 && (await stateOf(running.id)).state !== 'RUNNING'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 500)); // into the spinning node (not required: RUNNING is enough)
    expect(spawned).toHaveLength(1);

    await spawned[0].terminate();
    // The step waiting on the lost run answers at once, not after DEBUG_STEP_WAIT_MS or the spin's 30 s.
    await spinning;
    let lost = await stateOf(running.id);
    for (let i = 0; i < 100 && lost.state === 'RUNNING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      lost = await stateOf(running.id);
    }
    expect(lost).toMatchObject({ state: 'ERROR', error: { code: 'DEBUG_HOST_LOST' } });
    expect(await stateOf(paused.id)).toMatchObject({ state: 'PAUSED', position: { nodeId: 'bulk_skus' } });

    // The next command rebuilds the paused session on a new thread, replaying its journal, and it runs to the end.
    const done = await service.step(paused.id, 'CONTINUE', LOCAL_IDENTITY);
    expect(done).toMatchObject({ state: 'COMPLETED', outputs: { total: 10, lineCount: 1, bulkSkus: ['pen'] } });
    expect(spawned).toHaveLength(2);
    // The failed one can be run again.
    expect((await service.step(running.id, 'RESTART', LOCAL_IDENTITY)).state).toBe('RUNNING');
    expect((await service.step(running.id, 'STOP', LOCAL_IDENTITY)).state).toBe('STOPPED');
  });
});
