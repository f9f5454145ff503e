/**
 * The embedded default calls the subgraphs started in the router's process in-process (no HTTP). Two secured
 * supergraphs, one in-process and one over HTTP (IN_PROCESS_SUBGRAPHS=false), must answer the same operations the
 * same way: data across all six subgraphs, per-caller authorisation, subgraph errors, a stopped subgraph.
 */
import { callerFor, startSecuredSupergraph } from '../security/support';
import type { TestSupergraph } from '../support/supergraph';

let inProcess: TestSupergraph;
let overHttp: TestSupergraph;

beforeAll(async () => {
  [inProcess, overHttp] = await Promise.all([
    startSecuredSupergraph({ IN_PROCESS_SUBGRAPHS: 'true' }),
    startSecuredSupergraph({ IN_PROCESS_SUBGRAPHS: 'false' }),
  ]);
});
afterAll(async () => {
  await Promise.all([inProcess?.close(), overHttp?.close()]);
});

const DASHBOARD = `query($id: ID!) { project(id: $id) {
  name version components { componentId component { name category } }
  runs { status } artifacts { language lines code files { path } } debugSessions { state } deployments { status target } suggestions { severity }
} }`;

const counts = (sg: TestSupergraph) =>
  Object.values(sg.launched.subgraphs).map((s) => ({ name: s!.name, requests: s!.stats.requests, inProcess: s!.stats.inProcessRequests }));

/** The same story on a supergraph; ids differ between the two, so answers are returned without them. */
async function story(sg: TestSupergraph) {
  const alice = await callerFor(sg, 'owner', '-a');
  const bob = await callerFor(sg, 'other', '-b');
  const created = await alice.gql(`mutation { createProject(input: {name: "embedded", templateId: "basic_agent"}) { id } }`);
  const id = created.data.createProject.id;
  await alice.gql(`mutation($p: ID!) { generateCode(projectId: $p, language: "python") { id } }`, { p: id });
  await alice.gql(`mutation($p: ID!) { analyzeProject(projectId: $p) { id } }`, { p: id });
  const before = counts(sg);
  const mine = await alice.gql(DASHBOARD, { id });
  const after = counts(sg);
  const notMine = await bob.gql(DASHBOARD, { id });
  const badInput = await alice.gql(`query($id: ID!) { project(id: $id) { name artifacts(first: 1000) { id } } }`, { id });
  await sg.launched.stop('assistant');
  const stopped = await alice.gql(`query($id: ID!) { project(id: $id) { name suggestions { id } } }`, { id });
  const calls = after.map((c, i) => ({ name: c.name, requests: c.requests - before[i].requests, inProcess: c.inProcess - before[i].inProcess }));
  return { answers: { mine, notMine, badInput, stopped }, calls };
}

it('answers like HTTP: data, per-caller authorisation, errors, a stopped subgraph', async () => {
  const [a, b] = await Promise.all([story(inProcess), story(overHttp)]);
  expect(a.answers.mine.errors).toBeUndefined();
  expect(a.answers.mine.data.project.artifacts[0].code).toContain('def run');
  expect(a.answers.notMine.data?.project ?? null).toBeNull();
  expect(a.answers.badInput.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  expect(a.answers.stopped.errors![0].extensions.code).toBe('SERVICE_UNAVAILABLE');
  expect(a.answers).toEqual(b.answers);
  // Every subgraph call of the dashboard went in-process on one side and over HTTP on the other.
  const called = a.calls.filter((c) => c.requests > 0);
  expect(called.map((c) => c.name).sort()).toEqual(['assistant', 'codegen', 'debugger', 'deployment', 'registry', 'workflow']);
  for (const c of called) expect(c.inProcess).toBe(c.requests);
  for (const c of b.calls) expect(c.inProcess).toBe(0);
});
