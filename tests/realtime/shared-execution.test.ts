/**
 * Subscription events executed once per distinct operation, variables and access scope (router/subscriptions/
 * shared-execution.ts), over real graphql-ws clients of two users: each subscriber still gets its own operation's
 * shape and its own caller's view of entity fields, and a subscriber who loses access gets nothing more.
 */
import { sharedExecutionStats } from '../../router/subscriptions/shared-execution';
import { collect, type Collected } from '../support/ws-client';
import type { TestSupergraph } from '../support/supergraph';
import { callerFor, startSecuredSupergraph, tokenFor, wsClient, type Caller } from '../security/support';

let sg: TestSupergraph;
let owner: Caller;
beforeAll(async () => {
  sg = await startSecuredSupergraph();
  owner = await callerFor(sg, 'owner');
});
afterAll(async () => {
  await sg?.close();
});

/** A project of the owner's with `viewer` as a VIEWER; its current version. */
async function sharedProject(name: string): Promise<{ p: string; version: number }> {
  const p = (await owner.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: name })).data.createProject.id;
  const added = await owner.gql(`mutation($p: ID!) { addProjectMember(projectId: $p, userId: "viewer", role: VIEWER) { version } }`, { p });
  return { p, version: added.data.addProjectMember.version };
}

const edit = (p: string, description: string) =>
  owner.gql(`mutation($p: ID!, $d: String) { updateProject(id: $p, input: {description: $d}) { version } }`, { p, d: description });

const clientOf = async (user: string) => wsClient(sg, { authorization: `Bearer ${await tokenFor(user)}` });
const live = () => new Promise((r) => setTimeout(r, 300)); // every subscription past its replay

it('executes a payload-only event once for subscribers of different users, and entity fields once per caller, each with its own shape', async () => {
  const { p, version } = await sharedProject('shared execution');
  const [ownerClient, viewerClient] = [await clientOf('owner'), await clientOf('viewer')];
  const PLAIN = `subscription($p: ID!, $v: Int) { projectChanged(projectId: $p, sinceVersion: $v) { version op } }`;
  const ALIASED = `subscription($p: ID!, $v: Int) { projectChanged(projectId: $p, sinceVersion: $v) { v: version } }`;
  const ROLE = `subscription($p: ID!, $v: Int) { projectChanged(projectId: $p, sinceVersion: $v) { version project { myRole } } }`;
  const vars = { p, v: version };
  const subs: Record<string, Collected> = {
    ownerPlain1: collect(ownerClient, PLAIN, vars),
    ownerPlain2: collect(ownerClient, PLAIN, vars),
    viewerPlain: collect(viewerClient, PLAIN, vars),
    // From one version earlier: the replayed change first, then the live one, shared with the others.
    ownerPlainEarlier: collect(ownerClient, PLAIN, { p, v: version - 1 }),
    viewerAliased: collect(viewerClient, ALIASED, vars),
    ownerRole: collect(ownerClient, ROLE, vars),
    viewerRole: collect(viewerClient, ROLE, vars),
  };
  await live();
  await subs.ownerPlainEarlier.waitFor((r) => r.length === 1);
  const before = { ...sharedExecutionStats };
  const changed = (await edit(p, 'one')).data.updateProject.version;
  const got = Object.fromEntries(
    await Promise.all(
      Object.entries(subs).map(async ([name, sub]) => [
        name,
        (await sub.waitFor((r) => r.length === (name === 'ownerPlainEarlier' ? 2 : 1))).at(-1).projectChanged,
      ]),
    ),
  );
  expect(got).toEqual({
    ownerPlain1: { version: changed, op: 'updateProject' },
    ownerPlain2: { version: changed, op: 'updateProject' },
    viewerPlain: { version: changed, op: 'updateProject' },
    ownerPlainEarlier: { version: changed, op: 'updateProject' },
    viewerAliased: { v: changed },
    ownerRole: { version: changed, project: { myRole: 'OWNER' } },
    viewerRole: { version: changed, project: { myRole: 'VIEWER' } },
  });
  // PLAIN once for four subscribers of two users (whatever version they started from); ALIASED once; ROLE once per caller.
  expect({ executed: sharedExecutionStats.executed - before.executed, shared: sharedExecutionStats.shared - before.shared }).toEqual({
    executed: 4,
    shared: 3,
  });
  Object.values(subs).forEach((s) => s.stop());
  await Promise.all([ownerClient.dispose(), viewerClient.dispose()]);
});

it('ends the subscription of a removed member that shared executions with the owner; the owner keeps receiving, the removed member gets nothing more', async () => {
  const { p, version } = await sharedProject('revoked while sharing');
  const [ownerClient, viewerClient] = [await clientOf('owner'), await clientOf('viewer')];
  const QUERY = `subscription($p: ID!, $v: Int) { projectChanged(projectId: $p, sinceVersion: $v) { version op } }`;
  const ownerSub = collect(ownerClient, QUERY, { p, v: version });
  const viewerSub = collect(viewerClient, QUERY, { p, v: version });
  await live();
  const before = sharedExecutionStats.shared;
  const first = (await edit(p, 'seen by both')).data.updateProject.version;
  await Promise.all([ownerSub, viewerSub].map((s) => s.waitFor((r) => r.some((x) => x.projectChanged.version === first))));
  expect(sharedExecutionStats.shared - before).toBe(1);

  await owner.gql(`mutation($p: ID!) { removeProjectMember(projectId: $p, userId: "viewer") { version } }`, { p });
  await viewerSub.waitFor(() => viewerSub.completed).catch(() => undefined);
  expect(viewerSub.completed).toBe(true);
  const after = (await edit(p, 'owner only')).data.updateProject.version;
  await ownerSub.waitFor((r) => r.some((x) => x.projectChanged.version === after));
  await live();
  expect(viewerSub.results.map((r) => r.projectChanged.version)).not.toContain(after);
  ownerSub.stop();
  await Promise.all([ownerClient.dispose(), viewerClient.dispose()]);
});
