/** Templates say what they need; `templates(runnableOffline: true)` lists those that run with nothing configured. */
import fs from 'node:fs';
import path from 'node:path';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
}, 60_000);
afterAll(() => sg?.close());

test('requirements come from the components; the offline ones run with no model and no network; the README names them', async () => {
  const all = (await sg.gql(`{ templates { id requires runnableOffline sampleInputs expectedOutputs } }`)).data.templates;
  const byId = new Map(all.map((t: { id: string }) => [t.id, t]));
  expect(byId.get('basic_agent')).toMatchObject({ requires: ['MODEL'], runnableOffline: false });
  expect(byId.get('http_user_lookup')).toMatchObject({ requires: ['NETWORK'], runnableOffline: false });
  expect(byId.get('order_totals')).toMatchObject({ requires: [], runnableOffline: true });
  const offline = (await sg.gql(`{ templates(runnableOffline: true) { id } }`)).data.templates.map((t: { id: string }) => t.id);
  const online = (await sg.gql(`{ templates(runnableOffline: false) { id } }`)).data.templates.map((t: { id: string }) => t.id);
  expect([...offline, ...online].sort()).toEqual(all.map((t: { id: string }) => t.id).sort());
  expect(offline).toEqual(all.filter((t: { runnableOffline: boolean }) => t.runnableOffline).map((t: { id: string }) => t.id));
  const component = (await sg.gql(`{ component(id: "core/llm") { requires } }`)).data.component;
  expect(component.requires).toEqual(['MODEL']);

  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('templates(runnableOffline: true)'));
  for (const id of offline) {
    expect(section.slice(0, 400)).toContain(`\`${id}\``);
    // Runnable offline means it: this supergraph has no model configured and the sample inputs give the documented outputs.
    const p = (await sg.gql(`mutation($t: ID!) { createProject(input: {name: "offline", templateId: $t}) { id } }`, { t: id })).data.createProject.id;
    const t = byId.get(id) as { sampleInputs: unknown; expectedOutputs: unknown };
    const run = await sg.gql(`mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { status outputs error { message } } }`, {
      p,
      i: t.sampleInputs,
    });
    expect(run.data.executeWorkflow).toMatchObject({ status: 'SUCCEEDED', outputs: t.expectedOutputs });
  }
});
