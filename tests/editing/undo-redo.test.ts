/**
 * Undo/redo through the router, per user, from the inverse edits in the change log: a removed node returns whole;
 * collaborators' edits are never undone; an undo that clashes with someone else's later edit is a CONFLICT naming it.
 */
import { callerFor, startSecuredSupergraph, type Caller } from '../security/support';
import { errorCode, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
let owner: Caller;
let bob: Caller;
let carol: Caller;
beforeAll(async () => {
  sg = await startSecuredSupergraph();
  owner = await callerFor(sg, 'owner', '-undo');
  bob = await callerFor(sg, 'editor', '-undo-bob');
  carol = await callerFor(sg, 'editor', '-undo-carol');
}, 60_000);
afterAll(() => sg?.close());

const GRAPH = 'version components { id config position { x y } label } connections { id sourceId sourcePort targetId targetPort }';
const undo = (c: Caller, p: string) => c.gql(`mutation($p: ID!) { undo(projectId: $p) { undoneVersion project { ${GRAPH} } } }`, { p });
const redo = (c: Caller, p: string) => c.gql(`mutation($p: ID!) { redo(projectId: $p) { undoneVersion project { ${GRAPH} } } }`, { p });
const ok = (r: { data?: any; errors?: any[] }): any => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
};

test('a removed node comes back with its id, config, position and connections; redo removes it again', async () => {
  const p = ok(await owner.gql(`mutation { createProject(input: {name: "Undo"}) { id } }`)).createProject.id;
  for (const u of ['editor-undo-bob', 'editor-undo-carol'])
    ok(await owner.gql(`mutation($p: ID!, $u: ID!) { addProjectMember(projectId: $p, userId: $u, role: EDITOR) { id } }`, { p, u }));
  ok(
    await owner.gql(`mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/input", id: "a", config: {name: "a"}) { project { version } } }`, {
      p,
    }),
  );
  ok(
    await owner.gql(
      `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/transform", id: "t", label: "Double", config: {expression: "value * 2"}) { project { version } } }`,
      { p },
    ),
  );
  ok(
    await owner.gql(`mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/output", id: "o", config: {name: "o"}) { project { version } } }`, {
      p,
    }),
  );
  ok(
    await owner.gql(
      `mutation($p: ID!) { connect(projectId: $p, sourceId: "a", sourcePort: "value", targetId: "t", targetPort: "value") { project { version } } }`,
      { p },
    ),
  );
  ok(
    await owner.gql(
      `mutation($p: ID!) { connect(projectId: $p, sourceId: "t", sourcePort: "value", targetId: "o", targetPort: "value") { project { version } } }`,
      { p },
    ),
  );
  ok(await owner.gql(`mutation($p: ID!) { moveComponent(projectId: $p, nodeId: "t", position: {x: 300, y: 120}) { project { version } } }`, { p }));
  const before = ok(await owner.gql(`query($p: ID!) { project(id: $p) { ${GRAPH} } }`, { p })).project;
  ok(await owner.gql(`mutation($p: ID!) { removeComponent(projectId: $p, nodeId: "t") { project { version } } }`, { p }));

  const undone = ok(await undo(owner, p)).undo;
  expect(undone.undoneVersion).toBe(before.version + 1);
  const t = undone.project.components.find((c: { id: string }) => c.id === 't');
  expect(t).toEqual(before.components.find((c: { id: string }) => c.id === 't'));
  expect([...undone.project.connections].sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id))).toEqual(
    [...before.connections].sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id)),
  );

  const redone = ok(await redo(owner, p)).redo;
  expect(redone.project.components.map((c: { id: string }) => c.id)).toEqual(['a', 'o']);
  expect(redone.project.connections).toEqual([]);
  const again = ok(await undo(owner, p)).undo;
  expect(again.project.components.map((c: { id: string }) => c.id).sort()).toEqual(['a', 'o', 't']);

  // Next undo: the move (back to 0, 0).
  const moved = ok(await undo(owner, p)).undo;
  expect(moved.project.components.find((c: { id: string }) => c.id === 't').position).toEqual({ x: 0, y: 0 });
  ok(await redo(owner, p));

  // Bob edits: the owner's undo never touches Bob's edits; it clashes with Bob's move of "t" and says so.
  ok(await bob.gql(`mutation($p: ID!) { moveComponent(projectId: $p, nodeId: "t", position: {x: 10, y: 10}) { project { version } } }`, { p }));
  const bobMove = ok(await bob.gql(`query($p: ID!) { project(id: $p) { version } }`, { p })).project.version;
  ok(
    await bob.gql(`mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: "b", config: {value: 1}) { project { version } } }`, {
      p,
    }),
  );
  const clash = await undo(owner, p);
  expect(errorCode(clash)).toBe('CONFLICT');
  expect(clash.errors![0].message).toContain(`version ${bobMove} (moveComponent by editor-undo-bob)`);
  expect(clash.errors![0].extensions).toMatchObject({ conflictingVersion: bobMove, conflictingActor: 'editor-undo-bob', conflictingOp: 'moveComponent' });

  // Bob undoes his own latest edit only: "b" goes, everything of the owner stays.
  const bobUndo = ok(await undo(bob, p)).undo;
  expect(bobUndo.project.components.map((c: { id: string }) => c.id).sort()).toEqual(['a', 'o', 't']);
  // A new edit clears what could be redone.
  ok(await bob.gql(`mutation($p: ID!) { moveComponent(projectId: $p, nodeId: "o", position: {x: 5, y: 5}) { project { version } } }`, { p }));
  const noRedo = await redo(bob, p);
  expect(errorCode(noRedo)).toBe('BAD_USER_INPUT');
  expect(noRedo.errors![0].extensions.reason).toBe('NOTHING_TO_REDO');

  // Carol has done nothing: nothing to undo.
  const nothing = await undo(carol, p);
  expect(nothing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_UNDO' });
});

test('a batch (applyGraphEdits) is undone as one; a stale expectedVersion is a CONFLICT', async () => {
  const p = ok(await owner.gql(`mutation { createProject(input: {name: "Undo batch"}) { id } }`)).createProject.id;
  const edits = [
    { addNode: { id: 'x', componentId: 'core/constant', config: { value: 2 } } },
    { addNode: { id: 'y', componentId: 'core/output', config: { name: 'y' } } },
    { connect: { sourceId: 'x', sourcePort: 'value', targetId: 'y', targetPort: 'value' } },
  ];
  ok(await owner.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, { p, e: edits }));
  const stale = await owner.gql(`mutation($p: ID!) { undo(projectId: $p, expectedVersion: 1) { undoneVersion } }`, { p });
  expect(errorCode(stale)).toBe('CONFLICT');
  const undone = ok(await undo(owner, p)).undo;
  expect(undone.project.components).toEqual([]);
  expect(undone.project.connections).toEqual([]);
  const redone = ok(await redo(owner, p)).redo;
  expect(redone.project.components.map((c: { id: string }) => c.id)).toEqual(['x', 'y']);
  expect(redone.project.connections).toHaveLength(1);
  const changes = ok(await owner.gql(`query($p: ID!) { project(id: $p) { changes(sinceVersion: 2) { op payload } } }`, { p })).project.changes;
  expect(changes.map((c: { op: string }) => c.op)).toEqual(['undo', 'redo']);
});
