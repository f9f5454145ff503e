import type { Frame } from '../../../engine/runtime/types';
import { counter, failNTimes } from './support/components';
import { describe as show, graph, link, node, run } from './support/harness';

/** Per item: result = item + 10 (input → add → output). */
const body = graph(
  [node('in', 'core/input'), node('plus', 'test/add', { amount: 10 }), node('result', 'core/output')],
  [link('in.value', 'plus.value'), link('plus.value', 'result.value')],
);

const mapOver = (items: unknown[], subgraph = body, settings = {}) =>
  graph(
    [node('items', 'test/const', { value: items }), node('m', 'test/map', { graph: subgraph }, settings), node('out', 'core/output')],
    [link('items.value', 'm.items'), link('m.results', 'out.value')],
  );

describe('runSubgraph (map support)', () => {
  it('runs the sub-graph per item with the same machinery and frames in steps and events', async () => {
    const result = await run(mapOver([1, 2]));
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ out: [11, 12] });
    const nested = result.steps.filter((step) => step.frames.length > 0);
    expect(nested.map((step) => `${step.nodeId}@${step.frames.map((frame) => frame.index).join('.')}`)).toEqual([
      'in@0',
      'plus@0',
      'result@0',
      'in@1',
      'plus@1',
      'result@1',
    ]);
    expect(nested[1]).toMatchObject({ frames: [{ parentNodeId: 'm', index: 0 }], inputs: { value: 1 }, outputs: { value: 11 } });
    expect(result.events.map(show)).toContain('succeeded:plus@m[1]');
    // The map node itself finishes after its iterations.
    const order = result.steps.map((step) => step.nodeId);
    expect(order.indexOf('m')).toBeGreaterThan(order.lastIndexOf('result'));
  });

  it('nested maps stack frames', async () => {
    // Each outer item is itself a list, mapped by the inner map.
    const innerFromInput = graph(
      [node('in', 'core/input'), node('m2', 'test/map', { graph: body }), node('result', 'core/output')],
      [link('in.value', 'm2.items'), link('m2.results', 'result.value')],
    );
    const result = await run(mapOver([[1, 2], [3]], innerFromInput));
    expect(result.outputs).toEqual({ out: [[11, 12], [13]] });
    const deepest = result.steps.find((step) => step.nodeId === 'plus' && step.frames.length === 2 && step.frames[0].index === 1);
    expect(deepest?.frames).toEqual([
      { parentNodeId: 'm', index: 1 },
      { parentNodeId: 'm2', index: 0 },
    ]);
  });

  it('a failing iteration fails the map node, whose own policy then applies', async () => {
    const flaky = failNTimes(1);
    const failing = graph(
      [node('in', 'core/input'), node('f', 'test/flaky'), node('result', 'core/output')],
      [link('in.value', 'f.value'), link('f.value', 'result.value')],
    );
    const failed = await run(mapOver([1], failing), { components: [flaky] });
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('FLAKY');
    expect(failed.error?.message).toMatch(/node "m" .*iteration 0 of "m" failed: .*"f"/);

    const again = failNTimes(1);
    const retried = await run(mapOver(['a', 'b'], failing, { retries: 1, retryBackoffMs: 1 }), { components: [again] });
    expect(retried.status).toBe('succeeded');
    expect(retried.outputs).toEqual({ out: ['a', 'b'] });
  });

  it('calls enterIteration/leaveIteration around each iteration with hooks seeing nested frames', async () => {
    const log: string[] = [];
    const where = (frames: Frame[]) => frames.map((frame) => `${frame.parentNodeId}[${frame.index}]`).join('/');
    const result = await run(mapOver([5, 6]), {
      sequential: true,
      hooks: {
        enterIteration: (frame, item) => void log.push(`enter ${frame.parentNodeId}[${frame.index}] ${JSON.stringify(item)}`),
        leaveIteration: (frame, outcome) => void log.push(`leave ${frame.parentNodeId}[${frame.index}] ${JSON.stringify(outcome)}`),
        beforeNode: ({ node: current, frames }) => void log.push(`before ${current.id}${frames.length ? ` in ${where(frames)}` : ''}`),
      },
    });
    expect(result.status).toBe('succeeded');
    expect(log).toEqual([
      'before items',
      'before m',
      'enter m[0] {"value":5}',
      'before in in m[0]',
      'before plus in m[0]',
      'before result in m[0]',
      'leave m[0] {"result":15}',
      'enter m[1] {"value":6}',
      'before in in m[1]',
      'before plus in m[1]',
      'before result in m[1]',
      'leave m[1] {"result":16}',
      'before out',
    ]);
  });

  it('cancellation reaches nodes inside iterations', async () => {
    const controller = new AbortController();
    const sideEffect = counter();
    const slowBody = graph(
      [node('in', 'core/input'), node('wait', 'test/slow', { delay: 5_000 }), node('after', 'test/counter'), node('result', 'core/output')],
      [link('in.value', 'wait.value'), link('wait.value', 'after.value'), link('after.value', 'result.value')],
    );
    const result = await run(mapOver([1, 2], slowBody), {
      signal: controller.signal,
      components: [sideEffect],
      onEvent: (event) => event.type === 'NODE_STARTED' && event.nodeId === 'wait' && setTimeout(() => controller.abort(), 5),
    });
    expect(result.status).toBe('cancelled');
    expect(sideEffect.calls).toBe(0);
    expect(result.steps.find((step) => step.nodeId === 'wait')).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } });
  });

  it("the map node's timeout aborts the nodes running inside its iterations", async () => {
    const slowBody = graph(
      [node('in', 'core/input'), node('wait', 'test/slow', { delay: 5_000 }), node('result', 'core/output')],
      [link('in.value', 'wait.value'), link('wait.value', 'result.value')],
    );
    const result = await run(mapOver([1], slowBody, { timeoutMs: 20 }));
    expect(result.error?.code).toBe('NODE_TIMEOUT');
    expect(result.steps.find((step) => step.nodeId === 'wait')).toMatchObject({
      status: 'failed',
      frames: [{ parentNodeId: 'm', index: 0 }],
      error: { code: 'NODE_TIMEOUT' },
    });
  });
});
