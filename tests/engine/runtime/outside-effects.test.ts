/**
 * `beforeOutsideEffects`: the interpreter waits for it before the first node acting outside the run (a component that
 * `requires` a model or the network) starts, once per run, and never for pure nodes; when it rejects, the node does
 * not run. Through the run pool the request crosses the thread boundary (run-thread.ts ↔ run-pool.ts): the HTTP
 * request of an `http_request` node leaves only after the answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ComponentDefinition } from '../../../engine/components/types';
import { RunPool } from '../../../engine/runtime/run-pool';
import type { WorkflowGraph } from '../../../engine/model/types';
import { chainGraph, graph, link, node, run } from './support/harness';

/** A component that calls out (declares `requires: network`) and counts its runs. */
function outbound(): ComponentDefinition & { calls: number } {
  const definition = {
    id: 'test/outbound',
    version: '1.0.0',
    name: 'outbound',
    category: 'integration',
    description: 'outbound',
    icon: 'x',
    color: '#000',
    inputs: [{ name: 'value', type: 'any' }],
    outputs: [{ name: 'value', type: 'any' }],
    configSchema: {},
    requires: ['network'],
    run: (ctx: { inputs: Record<string, unknown> }) => {
      definition.calls++;
      return { value: ctx.inputs.value };
    },
    calls: 0,
  } as ComponentDefinition & { calls: number };
  return definition;
}

const twoOutbound = () =>
  graph(
    [node('c', 'test/const', { value: 7 }), node('a', 'test/add'), node('call1', 'test/outbound'), node('call2', 'test/outbound'), node('out', 'core/output')],
    [link('c.value', 'a.value'), link('a.value', 'call1.value'), link('call1.value', 'call2.value'), link('call2.value', 'out.value')],
  );

describe('beforeOutsideEffects (interpreter)', () => {
  it('is awaited once, before the first outbound node starts and after the pure nodes before it', async () => {
    const component = outbound();
    const asked: Array<{ nodeId: string; callsSoFar: number; startedSoFar: string[] }> = [];
    const started: string[] = [];
    let allow!: () => void;
    const result = run(twoOutbound(), {
      components: [component],
      onEvent: (event) => {
        if (event.type === 'NODE_STARTED') started.push(event.nodeId);
      },
      beforeOutsideEffects: (nodeId) => {
        asked.push({ nodeId, callsSoFar: component.calls, startedSoFar: [...started] });
        return new Promise<void>((resolve) => (allow = resolve));
      },
    });
    await new Promise((r) => setTimeout(r, 30));
    // Waiting: the outbound node has not started.
    expect(component.calls).toBe(0);
    expect(started).toEqual(['c', 'a']);
    allow();
    const finished = await result;
    expect(finished.status).toBe('succeeded');
    expect(finished.outputs).toEqual({ out: 8 });
    expect(asked).toEqual([{ nodeId: 'call1', callsSoFar: 0, startedSoFar: ['c', 'a'] }]);
    expect(component.calls).toBe(2);
  });

  it('is never called for a run of pure nodes', async () => {
    let asked = 0;
    const workflow = chainGraph(5);
    workflow.nodes.push(node('out', 'core/output'));
    workflow.connections.push(link('n5.value', 'out.value'));
    const finished = await run(workflow, { beforeOutsideEffects: async () => void asked++ });
    expect(finished.status).toBe('succeeded');
    expect(asked).toBe(0);
  });

  it('fails the run with the rejection, without running the node', async () => {
    const component = outbound();
    const refusal = Object.assign(new Error('the run no longer runs on this worker'), { code: 'WORKER_LOST' });
    const finished = await run(twoOutbound(), { components: [component], beforeOutsideEffects: () => Promise.reject(refusal) });
    expect(finished.status).toBe('failed');
    expect(finished.error).toEqual({ code: 'WORKER_LOST', message: 'the run no longer runs on this worker' });
    expect(component.calls).toBe(0);
  });
});

describe('beforeOutsideEffects through the run pool (a real run thread, a real HTTP request)', () => {
  let server: http.Server;
  let url: string;
  const seen: number[] = [];
  let pool: RunPool;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      seen.push(Date.now());
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    pool = new RunPool({ threads: 1, env: { ...process.env, HTTP_ALLOWLIST: '127.0.0.1' } });
  });
  afterAll(async () => {
    await pool.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const fetchGraph = (): WorkflowGraph =>
    graph([node('fetch', 'core/http_request', { url, method: 'GET' }), node('out', 'core/output', { name: 'reply' })], [link('fetch.response', 'out.value')]);

  it('asks with the node id and sends the request only after the answer', async () => {
    seen.length = 0;
    let askedAt = 0;
    const result = await pool.execute({
      runId: 'pool-allow',
      graph: fetchGraph(),
      inputs: {},
      onEvent: () => undefined,
      beforeOutsideEffects: async (nodeId) => {
        expect(nodeId).toBe('fetch');
        await new Promise((r) => setTimeout(r, 100));
        expect(seen).toEqual([]);
        askedAt = Date.now();
      },
    });
    expect(result.error).toBeUndefined();
    expect((result.outputs.reply as { json: unknown }).json).toEqual({ ok: true });
    expect(seen.length).toBe(1);
    expect(seen[0]).toBeGreaterThanOrEqual(askedAt);
  });

  it('never sends the request when the answer is a refusal, and reports its code', async () => {
    seen.length = 0;
    const result = await pool.execute({
      runId: 'pool-refuse',
      graph: fetchGraph(),
      inputs: {},
      onEvent: () => undefined,
      beforeOutsideEffects: () => Promise.reject(Object.assign(new Error('not recorded'), { code: 'SERVICE_UNAVAILABLE' })),
    });
    expect(result.status).toBe('failed');
    expect(result.error).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'not recorded' });
    expect(seen).toEqual([]);
  });
});
