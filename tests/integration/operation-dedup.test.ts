/**
 * Inbound de-duplication (router/operation-dedup.ts) through our router with authentication on, in front of a
 * synthetic subgraph whose reads take 250 ms and number each execution: identical queries of one caller in flight
 * together are executed once; different callers, different variables, mutations and later requests are not shared;
 * the per-request checks before execution still refuse a bad token.
 */
import gql from 'graphql-tag';
import { decodeJwt } from 'jose';
import { INTERNAL_TOKEN_HEADER } from '../../platform/identity';
import { routerOperations } from '../../platform/metrics';
import { postGraphQL } from '../support/supergraph';
import { AUTH_ENV, tokenFor } from '../security/support';
import { compose, startRouters, startSyntheticSubgraph, type Routers, type SyntheticSubgraph } from '../federation/harness';

const typeDefs = gql(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { reading(tag: String!): Reading! }
  type Mutation { bump(tag: String!): Reading! }
  type Reading { tag: String! caller: String! execution: Int! }
`);

let executions = 0;
let subgraph: SyntheticSubgraph;
let routers: Routers;

async function read(_: unknown, { tag }: { tag: string }, ctx: { caller: string }) {
  const execution = ++executions;
  await new Promise((resolve) => setTimeout(resolve, 250));
  return { tag, caller: ctx.caller, execution };
}

beforeAll(async () => {
  subgraph = await startSyntheticSubgraph('readings', typeDefs, { Query: { reading: read }, Mutation: { bump: read } } as never, (headers) => ({
    caller: decodeJwt(String(headers[INTERNAL_TOKEN_HEADER])).sub,
  }));
  routers = await startRouters(compose([subgraph]), AUTH_ENV);
});

afterAll(async () => {
  await routers?.close();
  await subgraph?.close();
});

const QUERY = 'query Reading($tag: String!) { reading(tag: $tag) { tag caller execution } }';
const as = async (user: string | null, query: string, tag: string) =>
  postGraphQL(`${routers.ours.url}/graphql`, query, { tag }, user ? { authorization: `Bearer ${await tokenFor(user)}` } : { authorization: 'Bearer forged' });
const shared = async () => (await routerOperations.get()).values.find((v) => v.labels.path === 'shared')?.value ?? 0;

test('identical queries of one caller in flight together are executed once, and each request gets the answer', async () => {
  const [before, sharedBefore] = [executions, await shared()];
  const answers = await Promise.all(Array.from({ length: 8 }, () => as('ada', QUERY, 'a')));
  expect(executions - before).toBe(1);
  expect((await shared()) - sharedBefore).toBe(7);
  for (const answer of answers) expect(answer).toEqual({ status: 200, data: { reading: { tag: 'a', caller: 'ada', execution: before + 1 } } });
  // Answered: the next identical query is executed again (nothing is cached).
  expect((await as('ada', QUERY, 'a')).data.reading.execution).toBe(before + 2);
});

test('never shared across callers, across variables, or for mutations', async () => {
  const before = executions;
  const [ada, grace, other] = await Promise.all([as('ada', QUERY, 'b'), as('grace', QUERY, 'b'), as('ada', QUERY, 'c')]);
  expect([ada.data.reading.caller, grace.data.reading.caller, other.data.reading.tag]).toEqual(['ada', 'grace', 'c']);
  expect(new Set([ada, grace, other].map((a) => a.data.reading.execution)).size).toBe(3);
  const bumps = await Promise.all(Array.from({ length: 3 }, () => as('ada', 'mutation Bump($tag: String!) { bump(tag: $tag) { execution } }', 'b')));
  expect(new Set(bumps.map((b) => b.data.bump.execution)).size).toBe(3);
  expect(executions - before).toBe(6);
});

test('the checks before execution still run per request: a forged token is refused while the same query is shared', async () => {
  const [ok, forged] = await Promise.all([as('ada', QUERY, 'd'), as(null, QUERY, 'd')]);
  expect(ok.data.reading.caller).toBe('ada');
  expect(forged.status).toBe(401);
  expect(forged.data).toBeUndefined();
});
