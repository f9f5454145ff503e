/**
 * Every debugStep action on templates with branches (ticket_triage, priority_router) and a map (batch_greetings),
 * through the real supergraph: the same interpreter as executeWorkflow, paused at node boundaries.
 */
import { findBuiltinTemplate } from '../../engine/templates';
import { withDebuggerSupergraph, errorCode, pathOf, projectFromTemplate, stepToEnd } from './support';

const t = withDebuggerSupergraph();

describe('stepping a branching template (ticket_triage)', () => {
  it('STEP_OVER visits each node that runs, in order; the untaken branch is skipped', async () => {
    const project = await projectFromTemplate(t.sg, 'ticket_triage');
    const template = findBuiltinTemplate('ticket_triage')!;
    const started = await t.client.start(project, { inputs: template.sampleInputs });
    expect(started).toMatchObject({ state: 'INITIALIZED', projectVersion: 1, currentNodeId: null });
    const first = await t.client.step(started.id, 'STEP_OVER');
    expect(first).toMatchObject({ state: 'PAUSED', pauseReason: 'STEP', currentNodeId: 'ticket' });
    const { pausedAt, last } = await stepToEnd(t.client, started.id, 'STEP_OVER', first);
    expect(pausedAt).toEqual(['ticket', 'is_refund', 'to_billing', 'route', 'out']);
    expect(last).toMatchObject({ state: 'COMPLETED', outputs: template.expectedOutputs, currentNodeId: null });
    expect(last.timeline.map((s: any) => s.nodeId)).toEqual(['ticket', 'is_refund', 'to_billing', 'route', 'out']);
    expect(last.timeline.every((s: any) => s.durationMs >= 0 && s.status === 'succeeded')).toBe(true);
    expect(last.legacyState).toMatchObject({ session_id: started.id, state: 'completed', current_component: null, execution_stack: [] });
  });

  it('shows skip propagation while stepping: at the merge, only the taken branch has values', async () => {
    const project = await projectFromTemplate(t.sg, 'ticket_triage');
    const started = await t.client.start(project, { inputs: { ticket: { subject: 'App crashes', customer: 'c-1' } }, breakpoints: [{ nodeId: 'route' }] });
    const paused = await t.client.step(started.id, 'CONTINUE');
    expect(paused).toMatchObject({
      state: 'PAUSED',
      pauseReason: 'BREAKPOINT',
      currentNodeId: 'route',
      currentInputs: { values: ['[support] App crashes (customer c-1)'] },
    });
    const ran = paused.variables.map((v: any) => v.nodeId).sort();
    expect(ran).toEqual(['is_refund', 'ticket', 'to_support']);
    expect(paused.variables.find((v: any) => v.nodeId === 'is_refund').outputs).toEqual({ false: { subject: 'App crashes', customer: 'c-1' } });
    expect(paused.legacyState).toMatchObject({ state: 'paused', current_component: 'route', execution_stack: ['route'], breakpoints_hit: ['route'] });
    expect(Object.keys(paused.legacyState.variable_values).sort()).toEqual(ran);
  });
});

describe('stepping a switch (priority_router)', () => {
  it('START runs to the end without breakpoints; STEP_INTO from the start pauses at every node', async () => {
    const project = await projectFromTemplate(t.sg, 'priority_router');
    const runAll = await t.client.start(project, { inputs: { score: 91 } });
    const done = await t.client.step(runAll.id, 'START');
    expect(done).toMatchObject({ state: 'COMPLETED', outputs: { decision: { action: 'page on-call', score: 91 } } });

    const stepped = await t.client.start(project, { inputs: { score: 10 } });
    const first = await t.client.step(stepped.id, 'STEP_INTO');
    const { pausedAt, last } = await stepToEnd(t.client, stepped.id, 'STEP_INTO', first);
    expect(pausedAt).toEqual(['score', 'route', 'log_only', 'decision', 'out']);
    expect(last.outputs).toEqual({ decision: { action: 'log only', score: 10 } });
  });

  it('STOP and RESTART; bad actions give clear errors', async () => {
    const project = await projectFromTemplate(t.sg, 'priority_router');
    const s = await t.client.start(project, { inputs: { score: 65 }, breakpoints: [{ nodeId: 'decision' }] });
    const paused = await t.client.stepRaw(s.id, 'PAUSE');
    expect(errorCode(paused)).toBe('BAD_USER_INPUT');
    expect(paused.errors![0].message).toContain('PAUSE needs a running session');
    const atDecision = await t.client.step(s.id, 'START');
    expect(atDecision).toMatchObject({ state: 'PAUSED', currentNodeId: 'decision', breakpoints: [{ nodeId: 'decision', hitCount: 1 }] });
    expect(errorCode(await t.client.stepRaw(s.id, 'START'))).toBe('BAD_USER_INPUT');

    const stopped = await t.client.step(s.id, 'STOP');
    expect(stopped).toMatchObject({ state: 'STOPPED', currentNodeId: null });
    const after = await t.client.stepRaw(s.id, 'STEP_OVER');
    expect(errorCode(after)).toBe('BAD_USER_INPUT');
    expect(after.errors![0].message).toContain('RESTART');
    expect(errorCode(await t.client.stepRaw(s.id, 'STOP'))).toBe('BAD_USER_INPUT');

    const restarted = await t.client.step(s.id, 'RESTART');
    expect(restarted).toMatchObject({ state: 'PAUSED', currentNodeId: 'decision', breakpoints: [{ hitCount: 1 }] });
    expect(restarted.timeline.map((t: any) => t.nodeId)).toEqual(['score', 'route', 'open_ticket']);
    const completed = await t.client.step(s.id, 'CONTINUE');
    expect(completed).toMatchObject({ state: 'COMPLETED', outputs: { decision: { action: 'open a ticket', score: 65 } } });
    expect(errorCode(await t.client.stepRaw(s.id, 'CONTINUE'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.client.stepRaw('no-such-session', 'CONTINUE'))).toBe('NOT_FOUND');
    expect(errorCode(await t.client.stepRaw(s.id, 'JUMP'))).toBe('BAD_USER_INPUT');
  });
});

describe('stepping a map (batch_greetings)', () => {
  it("STEP_INTO enters the iterations (call stack with map frames); STEP_OUT returns to the map node's frame", async () => {
    const project = await projectFromTemplate(t.sg, 'batch_greetings');
    const template = findBuiltinTemplate('batch_greetings')!;
    const s = await t.client.start(project, { inputs: template.sampleInputs, breakpoints: [{ nodeId: 'greet_each' }] });
    const atMap = await t.client.step(s.id, 'CONTINUE');
    expect(pathOf(atMap)).toBe('greet_each');
    const inside = await t.client.step(s.id, 'STEP_INTO');
    expect(pathOf(inside)).toBe('greet_each[0]/item');
    expect(inside.callStack).toEqual([
      { nodeId: 'item', componentId: 'core/input', iteration: null, depth: 1 },
      { nodeId: 'greet_each', componentId: 'core/map', iteration: 0, depth: 0 },
    ]);
    expect(inside.legacyState.execution_stack).toEqual(['greet_each', 'item']);
    const visited = [pathOf(inside)];
    let current = inside;
    for (let i = 0; i < 4; i++) visited.push(pathOf((current = await t.client.step(s.id, 'STEP_OVER'))));
    expect(visited).toEqual(['greet_each[0]/item', 'greet_each[0]/clean', 'greet_each[0]/greeting', 'greet_each[0]/result', 'greet_each[1]/item']);
    expect(current.variables.map((v: any) => v.nodeId).sort()).toEqual(['names']);
    const clean = await t.client.step(s.id, 'STEP_OVER');
    expect(clean.variables.find((v: any) => v.nodeId === 'item')).toMatchObject({
      frames: [{ nodeId: 'greet_each', index: 1 }],
      outputs: { value: ' Grace ' },
    });
    const out = await t.client.step(s.id, 'STEP_OUT');
    expect(pathOf(out)).toBe('count');
    expect(out.variables.find((v: any) => v.nodeId === 'greet_each').outputs).toEqual({ items: template.expectedOutputs.greetings });
    const iterationSteps = out.timeline.filter((t: any) => t.frames.length === 1);
    expect(iterationSteps).toHaveLength(12);
    const done = await t.client.step(s.id, 'CONTINUE');
    expect(done).toMatchObject({ state: 'COMPLETED', outputs: template.expectedOutputs });
  });

  it('STEP_OVER on the map node runs all iterations at once', async () => {
    const project = await projectFromTemplate(t.sg, 'batch_greetings');
    const s = await t.client.start(project, { inputs: { names: ['a', 'b'] } });
    const first = await t.client.step(s.id, 'STEP_OVER');
    const { pausedAt, last } = await stepToEnd(t.client, s.id, 'STEP_OVER', first);
    expect(pausedAt).toEqual(['names', 'greet_each', 'count', 'out_greetings', 'out_count']);
    expect(last.outputs).toEqual({ greetings: ['Hello, a!', 'Hello, b!'], count: 2 });
  });
});
