/**
 * Conditional breakpoints (hit / not hit, hit counts, enable/disable), break-on-error, watches and evaluate (with
 * hostile expressions), and edit-and-continue changing downstream outputs.
 */
import { withDebuggerSupergraph, errorCode, pathOf, projectFromTemplate } from './support';

const t = withDebuggerSupergraph();

describe('breakpoints', () => {
  it('a condition over the node inputs and vars stops only where it holds, counting hits', async () => {
    const project = await projectFromTemplate(t.sg, 'batch_greetings');
    const s = await t.client.start(project, {
      inputs: { names: ['Ada', ' Grace ', 'Alan', 'Gus'] },
      breakpoints: [{ nodeId: 'greeting', condition: 'startsWith(inputs.value, "G") && vars.item.value != null' }],
    });
    const first = await t.client.step(s.id, 'START');
    expect(first).toMatchObject({ state: 'PAUSED', pauseReason: 'BREAKPOINT', currentInputs: { value: 'Grace' } });
    expect(pathOf(first)).toBe('greet_each[1]/greeting');
    const second = await t.client.step(s.id, 'CONTINUE');
    expect(pathOf(second)).toBe('greet_each[3]/greeting');
    expect(second.breakpoints[0].hitCount).toBe(2);
    const done = await t.client.step(s.id, 'CONTINUE');
    expect(done.state).toBe('COMPLETED');
    expect(done.legacyState.breakpoints_hit).toEqual(['greeting', 'greeting']);
  });

  it('a condition that never holds, or a disabled breakpoint, does not stop', async () => {
    const project = await projectFromTemplate(t.sg, 'priority_router');
    const s = await t.client.start(project, {
      inputs: { score: 65 },
      breakpoints: [
        { nodeId: 'route', condition: 'inputs.value > 90' },
        { nodeId: 'decision', enabled: false },
      ],
    });
    const done = await t.client.step(s.id, 'START');
    expect(done).toMatchObject({ state: 'COMPLETED', breakpointsHit: [] });
    expect(done.breakpoints.map((b: any) => b.hitCount)).toEqual([0, 0]);
  });

  it('breakpoints are set, replaced and removed while paused; a broken condition stops with its error', async () => {
    const project = await projectFromTemplate(t.sg, 'ticket_triage');
    const s = await t.client.start(project, { inputs: { ticket: { subject: 'refund please', customer: 'x' } } });
    await t.client.step(s.id, 'STEP_OVER');
    expect((await t.client.setBreakpoint(s.id, 'out', 'vars.nope.value > 1')).data.setBreakpoint).toMatchObject({ nodeId: 'out', enabled: true, hitCount: 0 });
    const unknown = await t.client.setBreakpoint(s.id, 'ghost');
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).toContain('unknown node "ghost"');
    expect(errorCode(await t.client.setBreakpoint(s.id, 'out', 'inputs.value >'))).toBe('BAD_USER_INPUT');
    const broken = await t.client.step(s.id, 'CONTINUE');
    expect(broken).toMatchObject({ state: 'PAUSED', currentNodeId: 'out', pauseReason: 'BREAKPOINT' });
    expect(broken.breakpoints[0].lastError).toContain('cannot compare');
    expect(errorCode(await t.client.removeBreakpoint(s.id, 'route'))).toBe('BAD_USER_INPUT');
    expect((await t.client.removeBreakpoint(s.id, 'out')).data.removeBreakpoint.breakpoints).toEqual([]);
    expect((await t.client.step(s.id, 'CONTINUE')).state).toBe('COMPLETED');
  });

  it('refuses an unknown node or a bad condition at start', async () => {
    const project = await projectFromTemplate(t.sg, 'ticket_triage');
    await expect(t.client.start(project, { breakpoints: [{ nodeId: 'nowhere' }] })).rejects.toThrow(/unknown node \\"nowhere\\"/);
    await expect(t.client.start(project, { breakpoints: [{ nodeId: 'route', condition: 'eval("1")' }] })).rejects.toThrow(/not a valid expression/);
  });
});

describe('break-on-error', () => {
  it('pauses at the failing node; resuming without an edit fails the run with the node error', async () => {
    const project = await projectFromTemplate(t.sg, 'json_extract');
    const s = await t.client.start(project, { inputs: { payload: 'not json' }, breakOnError: true });
    const paused = await t.client.step(s.id, 'CONTINUE');
    expect(paused).toMatchObject({ state: 'PAUSED', pauseReason: 'ERROR', currentNodeId: 'parse', currentInputs: { text: 'not json' } });
    expect(paused.error.message).toMatch(/parse/);
    const failed = await t.client.step(s.id, 'CONTINUE');
    expect(failed).toMatchObject({ state: 'ERROR', error: { code: paused.error.code } });
  });

  it('an edit while paused on the error retries the node with the edited value (edit-and-continue)', async () => {
    const project = await projectFromTemplate(t.sg, 'json_extract');
    const s = await t.client.start(project, { inputs: { payload: 'not json' }, breakOnError: true });
    await t.client.step(s.id, 'CONTINUE');
    const edited = await t.client.setVariable(s.id, 'payload', 'value', '{"user": {"name": "Eve", "contact": {"email": "eve@x"}}}');
    expect(edited.errors).toBeUndefined();
    expect(edited.data.setVariable.currentInputs).toEqual({ text: '{"user": {"name": "Eve", "contact": {"email": "eve@x"}}}' });
    const done = await t.client.step(s.id, 'CONTINUE');
    expect(done).toMatchObject({ state: 'COMPLETED', outputs: { contact: { name: 'Eve', email: 'eve@x', plan: 'free', meta: { source: 'webhook' } } } });
    expect(done.timeline.filter((t: any) => t.nodeId === 'parse').map((t: any) => t.status)).toEqual(['succeeded']);
  });

  it('without break-on-error the run fails', async () => {
    const project = await projectFromTemplate(t.sg, 'json_extract');
    const s = await t.client.start(project, { inputs: { payload: 'not json' } });
    expect(await t.client.step(s.id, 'CONTINUE')).toMatchObject({ state: 'ERROR' });
  });
});

describe('watches and evaluate', () => {
  it('watches are re-evaluated after every step; evaluate sees the current position', async () => {
    const project = await projectFromTemplate(t.sg, 'priority_router');
    const s = await t.client.start(project, { inputs: { score: 65 }, watches: ['vars.route', 'runInputs.score * 2', 'inputs'] });
    expect(s.watches.map((w: any) => w.value)).toEqual([null, 130, {}]);
    expect((await t.client.step(s.id, 'STEP_OVER')).currentNodeId).toBe('score');
    const atRoute = await t.client.step(s.id, 'STEP_OVER');
    expect(atRoute.watches[2].value).toEqual({ value: 65 });
    const atBranch = await t.client.step(s.id, 'STEP_OVER');
    expect(atBranch.currentNodeId).toBe('open_ticket');
    expect(atBranch.watches[0]).toMatchObject({ value: { medium: 65 }, error: null });
    expect(atBranch.watches[2].value).toEqual({ value: 65 });
    const added = await t.client.addWatch(s.id, 'keys(vars)');
    expect(added.data.addWatch).toMatchObject({ id: 'w4', value: ['route', 'score'], error: null });
    expect((await t.client.evaluate(s.id, 'upper(inputs.value > 50 ? "big" : "small")')).data.evaluate).toBe('BIG');
    expect((await t.client.evaluate(s.id, 'vars.score.value + iteration')).errors![0].message).toContain('cannot add number and null');
  });

  it('contains hostile expressions with clear errors (never eval)', async () => {
    const project = await projectFromTemplate(t.sg, 'ticket_triage');
    const s = await t.client.start(project, { inputs: { ticket: { subject: 's', customer: 'c' } } });
    await t.client.step(s.id, 'STEP_OVER');
    const hostile = [
      'constructor.constructor("return process")()',
      'require("fs")',
      'process.exit(1)',
      '('.repeat(500) + '1' + ')'.repeat(500),
      'x'.repeat(20_000),
      'len(range(1000000))',
      'this',
    ];
    for (const expression of hostile) {
      const result = await t.client.evaluate(s.id, expression);
      expect([expression.slice(0, 30), errorCode(result)]).toEqual([expression.slice(0, 30), 'BAD_USER_INPUT']);
    }
    expect((await t.client.evaluate(s.id, 'inputs.constructor')).data.evaluate).toBeNull();
    expect((await t.client.evaluate(s.id, 'inputs.__proto__.polluted')).data.evaluate).toBeNull();
    const big = await t.client.addWatch(s.id, 'range(100000)');
    expect(big.data.addWatch).toMatchObject({ value: null, error: expect.stringContaining('over the') });
    expect(errorCode(await t.client.addWatch(s.id, 'inputs..x'))).toBe('BAD_USER_INPUT');
    expect((await t.client.step(s.id, 'CONTINUE')).state).toBe('COMPLETED');
  });
});

describe('edit-and-continue', () => {
  it('an edited variable flows downstream; the edit is type-checked against the port', async () => {
    const project = await projectFromTemplate(t.sg, 'ticket_triage');
    const s = await t.client.start(project, { inputs: { ticket: { subject: 'App crashes', customer: 'c-1' } }, breakpoints: [{ nodeId: 'route' }] });
    await t.client.step(s.id, 'START');
    const wrongType = await t.client.setVariable(s.id, 'to_support', 'text', 42);
    expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
    expect(wrongType.errors![0].message).toContain('expected string, got number');
    expect(errorCode(await t.client.setVariable(s.id, 'to_support', 'nope', 'x'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.client.setVariable(s.id, 'to_billing', 'text', 'x'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.client.setVariable(s.id, 'ghost', 'text', 'x'))).toBe('BAD_USER_INPUT');
    const edited = await t.client.setVariable(s.id, 'to_support', 'text', 'EDITED');
    expect(edited.data.setVariable.currentInputs).toEqual({ values: ['EDITED'] });
    expect(edited.data.setVariable.variables.find((v: any) => v.nodeId === 'to_support').outputs).toEqual({ text: 'EDITED' });
    const done = await t.client.step(s.id, 'CONTINUE');
    expect(done.outputs).toEqual({ routed: 'EDITED' });
    expect(errorCode(await t.client.setVariable(s.id, 'to_support', 'text', 'late'))).toBe('BAD_USER_INPUT');
  });

  it('edits inside a map iteration change that iteration only', async () => {
    const project = await projectFromTemplate(t.sg, 'batch_greetings');
    const s = await t.client.start(project, { inputs: { names: ['Ada', 'Bob'] }, breakpoints: [{ nodeId: 'greeting', condition: 'iteration == 1' }] });
    await t.client.step(s.id, 'START');
    expect((await t.client.setVariable(s.id, 'clean', 'value', 'Robert')).errors).toBeUndefined();
    const done = await t.client.step(s.id, 'CONTINUE');
    expect(done.outputs).toEqual({ greetings: ['Hello, Ada!', 'Hello, Robert!'], count: 2 });
  });
});
