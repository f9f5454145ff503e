import { chainGraph, describe as show, graph, link, node, run } from './support/harness';

describe('data-flow scheduling', () => {
  it('runs a linear chain and collects run outputs from core/output nodes', async () => {
    const chain = chainGraph(5, 10);
    chain.nodes.push(node('out', 'core/output', { name: 'total' }));
    chain.connections.push(link('n5.value', 'out.value'));
    const result = await run(chain);
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ total: 15 });
    expect(result.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['c', 'succeeded'],
      ['n1', 'succeeded'],
      ['n2', 'succeeded'],
      ['n3', 'succeeded'],
      ['n4', 'succeeded'],
      ['n5', 'succeeded'],
      ['out', 'succeeded'],
    ]);
    expect(result.steps[3]).toMatchObject({ inputs: { value: 12 }, outputs: { value: 13 }, attempt: 1, frames: [] });
    expect(result.events[0].type).toBe('RUN_STARTED');
    expect(result.events.at(-1)).toMatchObject({ type: 'RUN_FINISHED', status: 'succeeded', outputs: { total: 15 } });
  });

  it('output nodes default to their node id; input nodes read the run inputs', async () => {
    const workflow = graph(
      [node('in', 'core/input', { name: 'x' }), node('plus', 'test/add', { amount: 5 }), node('result', 'core/output')],
      [link('in.value', 'plus.value'), link('plus.value', 'result.value')],
    );
    const result = await run(workflow, { inputs: { x: 37 } });
    expect(result.outputs).toEqual({ result: 42 });
  });

  it('applies configSchema defaults before run', async () => {
    const workflow = graph(
      [node('c', 'test/const'), node('a', 'test/add'), node('o', 'core/output')],
      [link('c.value', 'a.value'), link('a.value', 'o.value')],
    );
    const result = await run(workflow);
    // const defaults to 0, add defaults to amount 1.
    expect(result.outputs).toEqual({ o: 1 });
  });

  it('runs independent async branches concurrently (both start before either finishes)', async () => {
    const workflow = graph([node('left', 'test/slow', { delay: 40, value: 1 }), node('right', 'test/slow', { delay: 40, value: 2 })]);
    const result = await run(workflow);
    const order = result.events.map(show).filter((event) => !event.startsWith('RUN'));
    expect(order.slice(0, 2).sort()).toEqual(['started:left', 'started:right']);
    expect(order.slice(2).sort()).toEqual(['succeeded:left', 'succeeded:right']);
  });

  it('bounds concurrency by limits.concurrency', async () => {
    const nodes = [1, 2, 3, 4, 5].map((i) => node(`s${i}`, 'test/slow', { delay: 10, value: i }));
    const result = await run(graph(nodes), { limits: { concurrency: 2 } });
    let inFlight = 0;
    let peak = 0;
    for (const event of result.events) {
      if (event.type === 'NODE_STARTED') peak = Math.max(peak, ++inFlight);
      if (event.type === 'NODE_SUCCEEDED') inFlight--;
    }
    expect(result.status).toBe('succeeded');
    expect(peak).toBe(2);
  });

  it('is deterministic with sequential: lowest graph position among ready nodes first', async () => {
    // Graph order deliberately differs from connection order.
    const workflow = graph(
      [node('d', 'test/add'), node('b', 'test/const', { value: 1 }), node('a', 'test/const', { value: 2 }), node('c', 'test/add')],
      [link('a.value', 'c.value'), link('b.value', 'd.value')],
    );
    for (let i = 0; i < 3; i++) {
      const result = await run(workflow, { sequential: true });
      expect(result.steps.map((step) => step.nodeId)).toEqual(['b', 'd', 'a', 'c']);
    }
  });

  it('gives a multiple port the array of its connections in connection order', async () => {
    const workflow = graph(
      [node('x', 'test/const', { value: 1 }), node('y', 'test/const', { value: 20 }), node('z', 'test/const', { value: 300 }), node('s', 'test/sum')],
      [link('z.value', 's.values'), link('x.value', 's.values'), link('y.value', 's.values')],
    );
    const result = await run(workflow);
    const step = result.steps.find((candidate) => candidate.nodeId === 's');
    expect(step?.inputs).toEqual({ values: [300, 1, 20] });
    expect(step?.outputs).toEqual({ value: 321, count: 3 });
  });

  it('leaves unconnected ports out of inputs', async () => {
    const result = await run(graph([node('s', 'test/slow', { delay: 1, value: 'v' })]));
    expect(result.steps[0].inputs).toEqual({});
  });

  it('refuses a cycle with a clear error before running anything', async () => {
    const workflow = graph(
      [node('c', 'test/const'), node('a', 'test/add'), node('b', 'test/add')],
      [link('c.value', 'a.value'), link('a.value', 'b.value'), link('b.value', 'a.value')],
    );
    const result = await run(workflow);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('GRAPH_CYCLE');
    expect(result.error?.message).toMatch(/"a", "b"/);
    expect(result.steps).toEqual([]);
  });

  it('refuses unknown components and connections to unknown nodes', async () => {
    const unknown = await run(graph([node('x', 'nope/thing')]));
    expect(unknown.error).toEqual({ code: 'UNKNOWN_COMPONENT', message: expect.stringContaining('"nope/thing"') });
    const dangling = await run(graph([node('c', 'test/const')], [link('c.value', 'ghost.value')]));
    expect(dangling.error?.code).toBe('UNKNOWN_NODE');
  });
});
