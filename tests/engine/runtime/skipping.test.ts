import { graph, link, node, run } from './support/harness';

const statusOf = (result: { steps: { nodeId: string; status: string }[] }) => Object.fromEntries(result.steps.map((step) => [step.nodeId, step.status]));

describe('skip propagation and merge', () => {
  // c → branch ─true→ t1 → t2 → t3 → outT
  //            └false→ f1 → outF
  const branching = (value: unknown) =>
    graph(
      [
        node('c', 'test/const', { value }),
        node('branch', 'test/branch'),
        node('t1', 'test/add'),
        node('t2', 'test/add'),
        node('t3', 'test/add'),
        node('outT', 'core/output', { name: 'taken' }),
        node('f1', 'test/add', { amount: 100 }),
        node('outF', 'core/output', { name: 'other' }),
      ],
      [
        link('c.value', 'branch.value'),
        link('branch.true', 't1.value'),
        link('t1.value', 't2.value'),
        link('t2.value', 't3.value'),
        link('t3.value', 'outT.value'),
        link('branch.false', 'f1.value'),
        link('f1.value', 'outF.value'),
      ],
    );

  it('skips nodes behind an untaken port, through several levels', async () => {
    const result = await run(branching(5));
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ taken: 8 });
    expect(statusOf(result)).toMatchObject({ t1: 'succeeded', t3: 'succeeded', outT: 'succeeded', f1: 'skipped', outF: 'skipped' });
    expect(result.events.filter((event) => event.type === 'NODE_SKIPPED').map((event) => 'nodeId' in event && event.nodeId)).toEqual(['f1', 'outF']);

    const other = await run(branching(0));
    expect(other.outputs).toEqual({ other: 100 });
    expect(statusOf(other)).toMatchObject({ t1: 'skipped', t2: 'skipped', t3: 'skipped', outT: 'skipped', f1: 'succeeded' });
  });

  it('skips a normal node when any one of its inputs is dead', async () => {
    const workflow = graph(
      [
        node('c', 'test/const', { value: 0 }),
        node('branch', 'test/branch'),
        node('live', 'test/const', { value: 1 }),
        node('p', 'test/pair'),
        node('after', 'test/add'),
      ],
      [link('c.value', 'branch.value'), link('live.value', 'p.a'), link('branch.true', 'p.b'), link('p.value', 'after.value')],
    );
    const result = await run(workflow);
    expect(statusOf(result)).toMatchObject({ live: 'succeeded', p: 'skipped', after: 'skipped' });
  });

  it('merge runs on partial inputs and is skipped only when all inputs are dead', async () => {
    // branch → true → a-path, false → b-path, both into merge; a second merge only fed from dead ports.
    const workflow = graph(
      [
        node('c', 'test/const', { value: 'yes' }),
        node('branch', 'test/branch'),
        node('viaTrue', 'test/slow', { delay: 5 }),
        node('viaFalse', 'test/slow', { delay: 1 }),
        node('join', 'test/merge'),
        node('deadJoin', 'test/merge'),
        node('after', 'test/slow', { delay: 1 }),
        node('out', 'core/output'),
      ],
      [
        link('c.value', 'branch.value'),
        link('branch.true', 'viaTrue.value'),
        link('branch.false', 'viaFalse.value'),
        link('viaTrue.value', 'join.a'),
        link('viaFalse.value', 'join.b'),
        link('viaFalse.value', 'deadJoin.a'),
        link('branch.false', 'deadJoin.b'),
        link('deadJoin.value', 'after.value'),
        link('join.value', 'out.value'),
      ],
    );
    const result = await run(workflow);
    expect(result.outputs).toEqual({ out: 'yes' });
    expect(statusOf(result)).toMatchObject({ viaFalse: 'skipped', join: 'succeeded', deadJoin: 'skipped', after: 'skipped' });
    expect(result.steps.find((step) => step.nodeId === 'join')?.inputs).toEqual({ a: 'yes' });
  });

  it('a multiple port omits dead connections but keeps live ones', async () => {
    const workflow = graph(
      [
        node('c', 'test/const', { value: 0 }),
        node('branch', 'test/branch'),
        node('one', 'test/const', { value: 1 }),
        node('two', 'test/const', { value: 2 }),
        node('s', 'test/sum'),
      ],
      [link('c.value', 'branch.value'), link('one.value', 's.values'), link('branch.true', 's.values'), link('two.value', 's.values')],
    );
    const result = await run(workflow);
    expect(result.steps.find((step) => step.nodeId === 's')).toMatchObject({ status: 'succeeded', inputs: { values: [1, 2] } });
  });
});
