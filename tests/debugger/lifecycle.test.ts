/** Session lifecycle: the per-user cap on live sessions, endDebugSession, idle expiry, and the lists. */
import { errorCode } from '../support/supergraph';
import { withDebuggerSupergraph, projectFromTemplate } from './support';

const t = withDebuggerSupergraph(() => ({ DEBUG_MAX_LIVE_SESSIONS: '2', DEBUG_SESSION_IDLE_MS: '1500' }));

const START = `mutation($p: ID!) { startDebugSession(projectId: $p, inputs: {score: 1}) { id state } }`;

it('caps live sessions per user, frees a slot on end, expires idle sessions, and lists sessions', async () => {
  const project = await projectFromTemplate(t.sg, 'priority_router');
  const a = await t.client.start(project, { inputs: { score: 1 } });
  const b = await t.client.start(project, { inputs: { score: 2 } });
  const third = await t.sg.gql(START, { p: project });
  expect(errorCode(third)).toBe('LIMIT_EXCEEDED');
  expect(third.errors![0].message).toContain('limit is 2');

  expect(await t.client.end(a.id)).toEqual({ id: a.id, state: 'STOPPED' });
  expect(await t.client.end(a.id)).toEqual({ id: a.id, state: 'STOPPED' });
  const c = (await t.sg.gql(START, { p: project })).data.startDebugSession;
  expect(c.state).toBe('INITIALIZED');
  expect((await t.client.step(c.id, 'STEP_OVER')).state).toBe('PAUSED');

  const listed = await t.sg.gql(`query($p: ID!) { debugSessions(first: 10) { id state } project(id: $p) { debugSessions(first: 2) { id projectId } } }`, {
    p: project,
  });
  expect(listed.data.debugSessions.map((s: any) => s.id)).toEqual([c.id, b.id, a.id]);
  expect(listed.data.project.debugSessions).toEqual([
    { id: c.id, projectId: project },
    { id: b.id, projectId: project },
  ]);
  const paused = await t.sg.gql(`{ debugSessions(state: PAUSED) { id } }`);
  expect(paused.data.debugSessions).toEqual([{ id: c.id }]);
  expect(errorCode(await t.sg.gql(`{ debugSessions(first: 1000) { id } }`))).toBe('BAD_USER_INPUT');

  await new Promise((resolve) => setTimeout(resolve, 2_600));
  for (const id of [b.id, c.id]) {
    const expired = await t.client.get(id);
    expect(expired).toMatchObject({ state: 'STOPPED', error: { code: 'IDLE_TIMEOUT' } });
  }
  expect(errorCode(await t.client.stepRaw(c.id, 'CONTINUE'))).toBe('BAD_USER_INPUT');
  expect((await t.sg.gql(START, { p: project })).errors).toBeUndefined();
});

it('refuses a project that does not exist', async () => {
  expect(errorCode(await t.sg.gql(START, { p: 'no-such-project' }))).toBe('NOT_FOUND');
});
