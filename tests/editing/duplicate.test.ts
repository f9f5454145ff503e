/** duplicateNodes through the router: fresh ids, inner connections only, offset positions, one change. */
import { errorCode, startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
});
afterAll(() => sg?.close());

const DUPLICATE = `mutation($p: ID!, $ids: [ID!]!, $o: PositionInput) { duplicateNodes(projectId: $p, nodeIds: $ids, offset: $o) {
  idMap components { id componentId position { x y } config } connections { id sourceId sourcePort targetId targetPort }
  project { version components { id } connections { id sourceId targetId } validation { valid } changes(sinceVersion: 1) { op } } } }`;

test('copies the selected nodes and the connections between them, with fresh ids', async () => {
  const created = await sg.gql(
    `mutation { createProject(input: {name: "Dup", templateId: "order_totals"}) { id version components { id position { x y } config } connections { sourceId targetId } } }`,
  );
  const project = created.data.createProject;
  const inner = project.connections.find((c: { sourceId: string; targetId: string }) => c.sourceId !== c.targetId);
  const ids = [inner.sourceId, inner.targetId];
  const result = await sg.gql(DUPLICATE, { p: project.id, ids, o: { x: 100, y: 50 } });
  expect(result.errors).toBeUndefined();
  const dup = result.data.duplicateNodes;
  expect(Object.keys(dup.idMap).sort()).toEqual([...ids].sort());
  expect(dup.idMap[ids[0]]).toBe(`${ids[0]}_copy`);
  expect(dup.components).toHaveLength(2);
  for (const copy of dup.components) {
    const original = project.components.find((c: { id: string }) => dup.idMap[c.id] === copy.id);
    expect(copy.position).toEqual({ x: original.position.x + 100, y: original.position.y + 50 });
    expect(copy.config).toEqual(original.config);
  }
  // Only the connection between the two copies; none to the rest of the graph.
  expect(dup.connections).toEqual([expect.objectContaining({ sourceId: dup.idMap[inner.sourceId], targetId: dup.idMap[inner.targetId] })]);
  expect(dup.project.components).toHaveLength(project.components.length + 2);
  expect(dup.project.version).toBe(project.version + 1);
  expect(dup.project.changes.map((c: { op: string }) => c.op)).toEqual(['duplicateNodes']);

  // Again: the ids stay fresh.
  const again = await sg.gql(DUPLICATE, { p: project.id, ids: [ids[0]] });
  expect(again.data.duplicateNodes.idMap[ids[0]]).toBe(`${ids[0]}_copy2`);
  expect(again.data.duplicateNodes.components[0].position).toEqual({
    x: project.components.find((c: { id: string }) => c.id === ids[0]).position.x + 40,
    y: project.components.find((c: { id: string }) => c.id === ids[0]).position.y + 40,
  });

  const missing = await sg.gql(DUPLICATE, { p: project.id, ids: ['ghost'] });
  expect(errorCode(missing)).toBe('NOT_FOUND');
  expect(missing.errors![0].message).toContain('"ghost"');
  expect(errorCode(await sg.gql(DUPLICATE, { p: project.id, ids: [] }))).toBe('BAD_USER_INPUT');
});
