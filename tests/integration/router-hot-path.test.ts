/**
 * The router's hot-path optimisations against the real supergraph (authentication on, so callers differ):
 * identical in-flight subgraph reads are sent once per caller and never shared between callers; mutations are never
 * de-duplicated.
 */
import { request } from 'undici';
import { callerFor, startSecuredSupergraph, type Caller } from '../security/support';
import type { TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
let alice: Caller;
let bob: Caller;

beforeAll(async () => {
  sg = await startSecuredSupergraph();
  alice = await callerFor(sg, 'owner', '-alice');
  bob = await callerFor(sg, 'owner', '-bob');
});
afterAll(async () => {
  await sg?.close();
});

/** The router's `vb_subgraph_fetches_total` for one subgraph and outcome. */
async function fetches(subgraph: string, outcome: string): Promise<number> {
  const text = await (await request(`${sg.url}/metrics`)).body.text();
  const line = text.split('\n').find((l) => l.startsWith(`vb_subgraph_fetches_total{subgraph="${subgraph}",outcome="${outcome}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

const CREATE = `mutation($name: String!) { createProject(input: {name: $name}) { id name } }`;
const LIST = `query { projects(first: 50) { totalCount nodes { id name } } }`;

describe('in-flight de-duplication', () => {
  it('shares identical concurrent reads within a caller, never across callers', async () => {
    const a = await alice.gql(CREATE, { name: 'alice only' });
    const b = await bob.gql(CREATE, { name: 'bob only' });
    expect(a.errors ?? b.errors).toBeUndefined();
    const sentBefore = await fetches('workflow', 'ok');
    const sharedBefore = await fetches('workflow', 'shared');

    const callers = Array.from({ length: 60 }, (_, i) => (i % 2 ? bob : alice));
    const answers = await Promise.all(callers.map((c) => c.gql(LIST)));
    answers.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      // Each caller sees exactly their own project: nothing leaked through a shared answer.
      expect(answer.data.projects).toEqual({ totalCount: 1, nodes: [i % 2 ? b.data.createProject : a.data.createProject] });
    });
    const sent = (await fetches('workflow', 'ok')) - sentBefore;
    const shared = (await fetches('workflow', 'shared')) - sharedBefore;
    expect(sent + shared).toBe(60);
    // Two callers: at least two fetches; under 60 concurrent requests some are answered by an in-flight one.
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(shared).toBeGreaterThan(0);
  });

  it('never de-duplicates mutations', async () => {
    const sharedBefore = await fetches('workflow', 'shared');
    const created = await Promise.all(Array.from({ length: 20 }, () => alice.gql(CREATE, { name: 'same name' })));
    const ids = new Set(created.map((c) => c.data?.createProject.id));
    expect(ids.size).toBe(20);
    expect(await fetches('workflow', 'shared')).toBe(sharedBefore);
  });
});

