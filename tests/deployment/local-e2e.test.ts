/**
 * The whole path, nothing injected: a LOCAL deployment generates the project's code through the code generator,
 * runs it as a supervised process, and the deployed program answers POST /run with exactly what executeWorkflow
 * returns for the same inputs.
 */
import { request } from 'undici';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
});
afterAll(async () => {
  await sg?.close();
});

async function waitForStatus(id: string, statuses: string[]) {
  for (let i = 0; i < 150; i++) {
    const d = (await sg.gql(`query($d: ID!) { deployment(id: $d) { status endpoint error } }`, { d: id })).data.deployment;
    if (statuses.includes(d.status)) return d;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`deployment ${id} never reached ${statuses.join('/')}`);
}

const CASES = ['order_totals', 'ticket_triage', 'batch_greetings'].flatMap((template) =>
  ['typescript', 'python'].map((language) => [template, language] as const),
);

it.each(CASES)('%s deployed LOCAL in %s answers like executeWorkflow', async (template, language) => {
  const { sampleInputs } = (await sg.gql(`query($t: ID!) { template(id: $t) { sampleInputs } }`, { t: template })).data.template;
  const p = (await sg.gql(`mutation($t: ID!) { createProject(input: {name: "local e2e", templateId: $t}) { id } }`, { t: template })).data.createProject.id;
  const engine = (await sg.gql(`mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { status outputs } }`, { p, i: sampleInputs })).data
    .executeWorkflow;
  expect(engine.status).toBe('SUCCEEDED');

  const deployed = await sg.gql(`mutation($p: ID!, $l: String) { deploy(projectId: $p, target: LOCAL, language: $l) { id status } }`, { p, l: language });
  expect(deployed.errors).toBeUndefined();
  const id = deployed.data.deploy.id;
  const running = await waitForStatus(id, ['RUNNING', 'FAILED']);
  expect(running).toMatchObject({ status: 'RUNNING', error: null });
  try {
    const health = await request(`${running.endpoint}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.text();
    const answer = await request(`${running.endpoint}/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleInputs),
    });
    expect(answer.statusCode).toBe(200);
    expect(await answer.body.json()).toEqual(engine.outputs);
  } finally {
    const stopped = await sg.gql(`mutation($d: ID!) { stopDeployment(id: $d) { status } }`, { d: id });
    expect(stopped.data.stopDeployment.status).toBe('STOPPED');
  }
  await expect(request(`${running.endpoint}/health`)).rejects.toThrow();
});
