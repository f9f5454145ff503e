/**
 * The debugger's and the deployment service's live streams, observed over graphql-ws through the router:
 * a debug session stepped to the end, and a deployment's lifecycle from PENDING to READY and STOPPED.
 */
import { collect, wsClient } from '../support/ws-client';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
});
afterAll(async () => {
  await sg?.close();
});

async function projectFrom(template: string) {
  const r = await sg.gql(`mutation($t: ID!) { createProject(input: {name: "streams", templateId: $t}) { id } }`, { t: template });
  return r.data.createProject.id as string;
}

it('streams a debug session step by step over debugEvents', async () => {
  const p = await projectFrom('order_totals');
  const inputs = (await sg.gql(`{ template(id: "order_totals") { sampleInputs expectedOutputs } }`)).data.template;
  const started = await sg.gql(`mutation($p: ID!, $i: JSON) { startDebugSession(projectId: $p, inputs: $i) { id state } }`, { p, i: inputs.sampleInputs });
  expect(started.errors).toBeUndefined();
  const sessionId = started.data.startDebugSession.id;
  const client = wsClient(sg.url);
  const stream = collect(client, `subscription($s: ID!) { debugEvents(sessionId: $s) { seq type state nodeId reason outputs session { id state } } }`, {
    s: sessionId,
  });
  await new Promise((r) => setTimeout(r, 300));
  const stepped = await sg.gql(`mutation($s: ID!) { debugStep(sessionId: $s, action: STEP_OVER) { state } }`, { s: sessionId });
  expect(stepped.data.debugStep.state).toBe('PAUSED');
  await stream.waitFor((r) => r.some((e) => e.debugEvents.type === 'PAUSED'));
  await sg.gql(`mutation($s: ID!) { debugStep(sessionId: $s, action: CONTINUE) { state } }`, { s: sessionId });
  const events = await stream.waitFor((r) => r.some((e) => e.debugEvents.type === 'COMPLETED'));
  const seqs = events.map((e) => e.debugEvents.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  const types = events.map((e) => e.debugEvents.type);
  expect(types).toEqual(expect.arrayContaining(['RESUMED', 'PAUSED', 'STEP_EXECUTED', 'COMPLETED']));
  const completed = events.find((e) => e.debugEvents.type === 'COMPLETED')!.debugEvents;
  expect(completed.outputs).toEqual(inputs.expectedOutputs);
  expect(completed.session).toEqual({ id: sessionId, state: 'COMPLETED' });
  await client.dispose();
});

it('streams a deployment lifecycle over deploymentEvents, starting from its current status', async () => {
  const p = await projectFrom('order_totals');
  const deployed = await sg.gql(`mutation($p: ID!) { deploy(projectId: $p, target: KUBERNETES, environment: "staging") { id status } }`, { p });
  expect(deployed.errors).toBeUndefined();
  const id = deployed.data.deploy.id;
  const client = wsClient(sg.url);
  const stream = collect(client, `subscription($d: ID!) { deploymentEvents(deploymentId: $d) { status previousStatus deployment { id target } } }`, { d: id });
  await stream.waitFor((r) => r.some((e) => e.deploymentEvents.status === 'READY'), 30_000);
  const stopped = await sg.gql(`mutation($d: ID!) { stopDeployment(id: $d) { status } }`, { d: id });
  expect(stopped.data.stopDeployment.status).toBe('STOPPED');
  const events = await stream.waitFor((r) => r.some((e) => e.deploymentEvents.status === 'STOPPED'));
  expect(events[events.length - 1].deploymentEvents).toEqual({ status: 'STOPPED', previousStatus: 'READY', deployment: { id, target: 'KUBERNETES' } });
  await new Promise((r) => setTimeout(r, 100));
  expect(stream.completed).toBe(true);
  const order = ['PENDING', 'BUILDING', 'DEPLOYING', 'READY', 'STOPPED'];
  const statuses = events.map((e) => e.deploymentEvents.status);
  expect(statuses).toEqual([...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  await client.dispose();
});
