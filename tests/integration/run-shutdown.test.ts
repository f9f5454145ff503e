/**
 * Shutdown of the embedded default (no Redis: runs execute in the workflow service's own run threads), under the
 * recovery policy of docs/ARCHITECTURE.md §5.1: stopping the service hands its running runs back at once — a pure one
 * goes back to QUEUED and runs from the start when the service is up again; one whose http_request had started ends
 * FAILED with SHUTTING_DOWN and is not executed again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
let server: http.Server;
const held: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((_req, res) => void held.push(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sg = await startTestSupergraph({ env: { HTTP_ALLOWLIST: '127.0.0.1' } });
}, 120_000);
afterAll(async () => {
  await sg?.close();
  for (const res of held) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function createProject(edits: unknown[]): Promise<string> {
  const p = (await sg.gql(`mutation { createProject(input: {name: "shutdown"}) { id } }`)).data.createProject.id;
  const edited = await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
    p,
    e: edits,
  });
  expect(edited.errors).toBeUndefined();
  return p;
}

const node = (id: string, componentId: string, config: unknown) => ({ addNode: { id, componentId, position: { x: 0, y: 0 }, config } });
const connect = (id: string, sourceId: string, sourcePort: string, targetId: string, targetPort: string) => ({
  connect: { id, sourceId, sourcePort, targetId, targetPort },
});

const stored = (id: string) => {
  const db = new SQLite(path.join(sg.launched.config.dataDir, 'workflow.sqlite'), { readonly: true });
  try {
    return db.prepare('select status, requeues, error from runs where id = ?').get(id) as { status: string; requeues: number; error: string | null };
  } finally {
    db.close();
  }
};

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('re-queues a pure run and fails a run whose http_request had started when the workflow service stops; the pure one runs after the restart', async () => {
  const pure = await createProject([
    node('k', 'core/constant', { value: 3 }),
    node('wait', 'core/delay', { ms: 8_000 }),
    node('out', 'core/output', { name: 'v' }),
    connect('c1', 'k', 'value', 'wait', 'value'),
    connect('c2', 'wait', 'value', 'out', 'value'),
  ]);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hold`;
  const outbound = await createProject([
    node('call', 'core/http_request', { url, timeoutMs: 60_000 }),
    node('out', 'core/output', { name: 'reply' }),
    connect('c1', 'call', 'response', 'out', 'value'),
  ]);
  const start = async (p: string) => (await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, mode: ASYNC) { id } }`, { p })).data.executeWorkflow.id;
  const pureRun = await start(pure);
  const outboundRun = await start(outbound);
  await waitFor(
    async () => held.length,
    (n) => n === 1,
    15_000,
  );
  expect(held.length).toBe(1);
  await waitFor(
    async () => stored(pureRun).status,
    (s) => s === 'running',
    15_000,
  );

  await sg.launched.stop('workflow');
  expect(stored(pureRun)).toMatchObject({ status: 'queued', requeues: 1 });
  const failed = stored(outboundRun);
  expect(failed).toMatchObject({ status: 'failed', requeues: 0 });
  expect(JSON.parse(failed.error!)).toMatchObject({ code: 'SHUTTING_DOWN' });
  expect(JSON.parse(failed.error!).message).toContain('node "call" acts outside the run');

  await sg.launched.restart('workflow');
  const run = async () => (await sg.gql(`query($id: ID!) { run(id: $id) { status requeues outputs } }`, { id: pureRun })).data?.run;
  expect(await waitFor(run, (r) => r?.status === 'SUCCEEDED', 40_000)).toEqual({ status: 'SUCCEEDED', requeues: 1, outputs: { v: 3 } });
  expect(held.length).toBe(1);
}, 120_000);
