/**
 * COMPONENT_USED must not be lost: it travels on a Redis Stream with a consumer group, and the registry's usage
 * counts catch up with everything appended while the registry was down — each use counted exactly once.
 */
import { randomBytes } from 'node:crypto';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { toEditInputs } from '../../engine/model/edit-input';
import type { GraphEdit } from '../../engine/model/edits';

const usage = async (sg: TestSupergraph, id: string) =>
  (await sg.gql(`query($id: ID!) { component(id: $id) { usageCount } }`, { id })).data.component.usageCount as number;

async function waitForUsage(sg: TestSupergraph, id: string, expected: number) {
  const deadline = Date.now() + 10_000;
  let seen = -1;
  while (Date.now() < deadline) {
    seen = await usage(sg, id);
    if (seen === expected) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}

describe.each([
  ['Redis Streams', () => ({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_NAMESPACE: `vbtest${randomBytes(4).toString('hex')}` })],
  ['in-process', () => ({})],
])('usage counts over %s', (_kind, env) => {
  let sg: TestSupergraph;
  beforeAll(async () => {
    sg = await startTestSupergraph({ env: env() });
  });
  afterAll(async () => {
    await sg?.close();
  });

  it('counts every use of a component, from addComponent, templates and patches', async () => {
    const before = await usage(sg, 'core/delay');
    const p = (await sg.gql(`mutation { createProject(input: {name: "usage"}) { id } }`)).data.createProject.id;
    for (let i = 0; i < 3; i++)
      await sg.gql(`mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/delay", config: {ms: 1}) { project { version } } }`, { p });
    const edits = [{ op: 'addNode', node: { id: 'd9', componentId: 'core/delay', position: { x: 0, y: 0 }, config: { ms: 1 } } }];
    await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
      p,
      e: toEditInputs(edits as unknown as GraphEdit[]),
    });
    expect(await waitForUsage(sg, 'core/delay', before + 4)).toBe(before + 4);
  });
});

it('catches up after the registry was down, losing nothing', async () => {
  const sg = await startTestSupergraph({ env: { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_NAMESPACE: `vbtest${randomBytes(4).toString('hex')}` } });
  try {
    const p = (await sg.gql(`mutation { createProject(input: {name: "outage"}) { id } }`)).data.createProject.id;
    await sg.launched.stop('registry');
    // Built-in components resolve without the registry, so editing goes on while it is down.
    for (let i = 0; i < 5; i++) {
      const r = await sg.gql(`mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/length") { project { version } } }`, { p });
      expect(r.errors).toBeUndefined();
    }
    await sg.launched.restart('registry');
    expect(await waitForUsage(sg, 'core/length', 5)).toBe(5);
  } finally {
    await sg.close();
  }
});
