/**
 * Membership in action: a viewer sees the project's artefacts but cannot change anything; once removed, they lose
 * access everywhere, and their running subscriptions end.
 */
import type { TestSupergraph } from '../support/supergraph';
import { callerFor, errorCodes, startSecuredSupergraph, tokenFor, wsClient, type Caller } from './support';
import { SAMPLE_INPUTS } from './fixtures';
import { openLegacySocket } from '../rest/legacy-socket';

let sg: TestSupergraph;
let owner: Caller;
let viewer: Caller;
beforeAll(async () => {
  sg = await startSecuredSupergraph();
  owner = await callerFor(sg, 'owner');
  viewer = await callerFor(sg, 'viewer');
});
afterAll(async () => {
  await sg?.close();
});

it('a viewer reads artefacts of every service, cannot edit, and loses everything (subscriptions included) when removed', async () => {
  const p = (await owner.gql(`mutation { createProject(input: {name: "shared", templateId: "json_extract"}) { id } }`)).data.createProject.id;
  await owner.gql(`mutation($p: ID!) { addProjectMember(projectId: $p, userId: "viewer", role: VIEWER) { id } }`, { p });
  const run = (await owner.gql(`mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { id } }`, { p, i: SAMPLE_INPUTS })).data
    .executeWorkflow.id;
  await owner.gql(`mutation($p: ID!) { generateCode(projectId: $p, language: "python") { id } }`, { p });
  await owner.gql(`mutation($p: ID!, $i: JSON) { startDebugSession(projectId: $p, inputs: $i) { id } }`, { p, i: SAMPLE_INPUTS });

  const seen = await viewer.gql(
    `query($p: ID!, $r: ID!) { project(id: $p) { myRole members { userId role } artifacts { id } debugSessions { id } runs { id } } run(id: $r) { id } }`,
    { p, r: run },
  );
  expect(seen.data.project).toMatchObject({
    myRole: 'VIEWER',
    members: [
      { userId: 'owner', role: 'OWNER' },
      { userId: 'viewer', role: 'VIEWER' },
    ],
  });
  expect(seen.data.project.artifacts).toHaveLength(1);
  expect(seen.data.project.debugSessions).toHaveLength(1);
  expect(seen.data.run.id).toBe(run);
  expect(errorCodes(await viewer.gql(`mutation($p: ID!) { updateProject(id: $p, input: {name: "mine now"}) { id } }`, { p }))).toEqual(['FORBIDDEN']);
  expect(errorCodes(await viewer.gql(`mutation($p: ID!) { generateCode(projectId: $p, language: "python") { id } }`, { p }))).toEqual(['FORBIDDEN']);

  // A live subscription of the viewer's, then the owner removes them.
  const client = wsClient(sg, { authorization: `Bearer ${await tokenFor('viewer')}` });
  const received: number[] = [];
  const ended = new Promise<string>((resolve) => {
    client.subscribe(
      { query: `subscription($p: ID!) { projectChanged(projectId: $p, sinceVersion: 2) { version op } }`, variables: { p } },
      {
        next: (msg) => received.push((msg.data as any)?.projectChanged?.version),
        error: () => resolve('error'),
        complete: () => resolve('complete'),
      },
    );
  });
  await new Promise((r) => setTimeout(r, 300));
  await owner.gql(`mutation($p: ID!) { removeProjectMember(projectId: $p, userId: "viewer") { version } }`, { p });
  expect(await Promise.race([ended, new Promise((r) => setTimeout(() => r('still open'), 5_000))])).toBe('complete');
  await owner.gql(`mutation($p: ID!) { updateProject(id: $p, input: {description: "after removal"}) { version } }`, { p });
  await client.dispose();

  await new Promise((r) => setTimeout(r, 2_100)); // the other services' access cache (PROJECT_ACCESS_TTL_MS)
  const after = await viewer.gql(`query($p: ID!, $r: ID!) { project(id: $p) { id } run(id: $r) { id } projectAccess(projectIds: [$p]) { role } }`, {
    p,
    r: run,
  });
  expect(after.data).toEqual({ project: null, run: null, projectAccess: [{ role: null }] });
  expect(received.every((v) => typeof v === 'number')).toBe(true);
});

it('member removal ends the legacy project and debug sockets too (4403), not only graphql-ws', async () => {
  const p = (await owner.gql(`mutation { createProject(input: {name: "legacy", templateId: "json_extract"}) { id } }`)).data.createProject.id;
  await owner.gql(`mutation($p: ID!) { addProjectMember(projectId: $p, userId: "viewer", role: VIEWER) { id } }`, { p });
  const session = (await owner.gql(`mutation($p: ID!, $i: JSON) { startDebugSession(projectId: $p, inputs: $i) { id } }`, { p, i: SAMPLE_INPUTS })).data
    .startDebugSession.id;
  const debug = await openLegacySocket(sg.url, `/ws/debug/${session}`, viewer.headers);
  const project = await openLegacySocket(sg.url, `/ws/${p}`, viewer.headers);
  await debug.waitFor((m) => m.type === 'execution_state');
  await project.waitFor((m) => m.type === 'connected');
  await owner.gql(`mutation($p: ID!) { removeProjectMember(projectId: $p, userId: "viewer") { version } }`, { p });
  const timeout = new Promise((r) => setTimeout(() => r('still open'), 5_000));
  expect(await Promise.race([debug.closed, timeout])).toMatchObject({ code: 4403 });
  expect(await Promise.race([project.closed, timeout])).toMatchObject({ code: 4403 });
  // The owner's debug socket on the same session stays open and keeps receiving steps.
  const own = await openLegacySocket(sg.url, `/ws/debug/${session}`, owner.headers);
  await own.waitFor((m) => m.type === 'execution_state');
  own.send({ command: 'step', action: 'step_over' });
  await own.waitFor((m) => m.type === 'debug_event' || (m.type === 'execution_state' && m !== own.messages[0]));
  await own.close();
});
