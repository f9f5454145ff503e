/**
 * The single-fetch pass-through (router/pass-through.ts) against the real supergraph: a corpus of operations sent to
 * our router (pass-through on, the default) and to a second router over the same subgraphs with
 * ROUTER_PASS_THROUGH=false must get byte-identical HTTP bodies; the eligible ones are counted as passed through,
 * everything else (several fetches, planner-added or root `__typename`, conditions the planner resolved, subgraph
 * errors, introspection) as shaped.
 */
import { request } from 'undici';
import { loadConfig } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { startRouter, type RunningRouter } from '../../router/server';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
let shapedRouter: RunningRouter;
let projectId: string;

beforeAll(async () => {
  sg = await startTestSupergraph();
  const { config, events } = sg.launched;
  expect(config.routerPassThrough).toBe(true);
  shapedRouter = await startRouter({ ...config, routerPassThrough: false }, createLogger('router-shaped', 'silent'), events, { port: 0 });
  const created = await sg.gql(`mutation { createProject(input: {name: "pass-through", templateId: "basic_agent"}) { id components { id } } }`);
  expect(created.errors).toBeUndefined();
  expect(created.data.createProject.components.length).toBeGreaterThan(1);
  projectId = created.data.createProject.id;
});
afterAll(async () => {
  await shapedRouter?.close();
  await sg?.close();
});

test('ROUTER_PASS_THROUGH is on by default and only "false" turns it off', () => {
  expect(loadConfig({}).routerPassThrough).toBe(true);
  expect(loadConfig({ ROUTER_PASS_THROUGH: 'true' }).routerPassThrough).toBe(true);
  expect(loadConfig({ ROUTER_PASS_THROUGH: 'false' }).routerPassThrough).toBe(false);
});

async function operations(path: 'pass_through' | 'shaped'): Promise<number> {
  const text = await (await request(`${sg.url}/metrics`)).body.text();
  const line = text.split('\n').find((l) => l.startsWith(`vb_router_operations_total{service="router",path="${path}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.statusCode, body: await response.body.text() };
}

interface Case {
  query: string;
  variables?: (id: string) => Record<string, unknown>;
  /** Whether the pass-through may answer it (one fetch, the client's selection, no errors). */
  passes: boolean;
  /** Something in the body that shows the case exercised what it names. */
  expect?: (body: any) => void;
}

const byId = (id: string) => ({ id });

const CASES: Record<string, Case> = {
  'the bench query (enum, nested objects, lists, floats)': {
    query: `query Project($id: ID!) { project(id: $id) { id name description version status components { id componentId label position { x y } } connections { id sourceId targetId } } }`,
    variables: byId,
    passes: true,
    expect: (body) => expect(body.data.project.connections.length).toBeGreaterThan(0),
  },
  aliases: {
    query: `query($id: ID!) { p: project(id: $id) { key: id title: name name parts: components { id at: position { y x } } } }`,
    variables: byId,
    passes: true,
    expect: (body) => expect(Object.keys(body.data.p)).toEqual(['key', 'title', 'name', 'parts']),
  },
  'the same field twice (the planner merges them)': {
    query: `query($id: ID!) { project(id: $id) { id components { id } name components { label } } }`,
    variables: byId,
    passes: false,
  },
  'named fragments': {
    query: `query($id: ID!) { project(id: $id) { ...P } } fragment P on Project { id name components { ...C } } fragment C on ComponentInstance { id label position { x } }`,
    variables: byId,
    passes: true,
  },
  'an inline fragment on the same type': {
    query: `query($id: ID!) { project(id: $id) { id ... on Project { name version } status } }`,
    variables: byId,
    passes: true,
  },
  'two inline fragments on the same type (the gateway merges them)': {
    query: `query($id: ID!) { project(id: $id) { id ... { name } status ... on Project { version } } }`,
    variables: byId,
    passes: false,
  },
  'an inline fragment with a condition': {
    query: `query($id: ID!, $more: Boolean!) { project(id: $id) { id ... @include(if: $more) { name version } status } }`,
    variables: (id) => ({ id, more: true }),
    passes: true,
  },
  '__typename the client asked for': {
    query: `query($id: ID!) { project(id: $id) { __typename id kind: __typename components { __typename id } } }`,
    variables: byId,
    passes: true,
    expect: (body) => expect(body.data.project.kind).toBe('Project'),
  },
  '__typename on the root type': {
    query: `query($id: ID!) { __typename project(id: $id) { id } }`,
    variables: byId,
    passes: false,
  },
  '@include and @skip with variables, true': {
    query: `query($id: ID!, $conn: Boolean!, $noName: Boolean = false) { project(id: $id) { id name @skip(if: $noName) connections @include(if: $conn) { id } } }`,
    variables: (id) => ({ id, conn: true }),
    passes: true,
    expect: (body) => expect(body.data.project.connections).toBeDefined(),
  },
  '@include and @skip with variables, false': {
    query: `query($id: ID!, $conn: Boolean!, $noName: Boolean = false) { project(id: $id) { id name @skip(if: $noName) connections @include(if: $conn) { id } } }`,
    variables: (id) => ({ id, conn: false, noName: true }),
    passes: true,
    expect: (body) => expect(body.data.project).toEqual({ id: expect.any(String) }),
  },
  '@include with a literal': {
    query: `query($id: ID!) { project(id: $id) { id name @include(if: false) description @skip(if: false) } }`,
    variables: byId,
    passes: true,
  },
  '@include on a root field (a condition in the plan)': {
    query: `query($id: ID!, $yes: Boolean!) { project(id: $id) @include(if: $yes) { id } }`,
    variables: (id) => ({ id, yes: true }),
    passes: false,
  },
  'a null root field': {
    query: `{ project(id: "no-such-project") { id name } }`,
    passes: true,
    expect: (body) => expect(body.data.project).toBeNull(),
  },
  'nullable fields that are null, JSON scalars': {
    query: `query($id: ID!) { project(id: $id) { agentId templateId metadata components { label config pinnedOutput settings { retries } } } }`,
    variables: byId,
    passes: true,
  },
  'a list of objects at the root': {
    query: `{ projects(first: 5) { totalCount nodes { id name status } pageInfo { hasNextPage endCursor } } }`,
    passes: true,
  },
  'an error at the root': {
    query: `{ projects(first: 500) { totalCount } }`,
    passes: false,
    expect: (body) => expect(body.errors?.length).toBeGreaterThan(0),
  },
  'an error under a non-null field (null propagates)': {
    query: `query($id: ID!) { project(id: $id) { id runs(first: -1) { id } } }`,
    variables: byId,
    passes: false,
    expect: (body) => expect(body.errors?.length).toBeGreaterThan(0),
  },
  'a mutation answered with an error': {
    query: `mutation($id: ID!) { updateProject(id: $id, input: {name: "stale"}, expectedVersion: 999) { id version } }`,
    variables: byId,
    passes: false,
    expect: (body) => expect(body.errors?.length).toBeGreaterThan(0),
  },
  'two subgraphs (an entity fetch)': {
    query: `query($id: ID!) { project(id: $id) { id name artifacts { id } deployments { id } } }`,
    variables: byId,
    passes: false,
  },
  'a registry field under workflow nodes': {
    query: `query($id: ID!) { project(id: $id) { components { id component { id name } } } }`,
    variables: byId,
    passes: false,
  },
  'introspection next to data': {
    query: `query($id: ID!) { __schema { queryType { name } } project(id: $id) { id } }`,
    variables: byId,
    passes: false,
    expect: (body) => expect(body.data.__schema.queryType.name).toBe('Query'),
  },
};

describe.each(Object.entries(CASES))('%s', (_name, testCase) => {
  it(`answers byte for byte as the shaping gateway does and is ${testCase.passes ? '' : 'not '}passed through`, async () => {
    const variables = testCase.variables?.(projectId) ?? {};
    const passedBefore = await operations('pass_through');
    const shapedBefore = await operations('shaped');
    const fast = await post(sg.url, testCase.query, variables);
    const passed = (await operations('pass_through')) - passedBefore;
    const shaped = (await operations('shaped')) - shapedBefore;
    expect({ passed, shaped }).toEqual(testCase.passes ? { passed: 1, shaped: 0 } : { passed: 0, shaped: 1 });

    const passedBeforeOff = await operations('pass_through');
    const reference = await post(shapedRouter.url, testCase.query, variables);
    expect(await operations('pass_through')).toBe(passedBeforeOff);

    expect(fast.status).toBe(reference.status);
    expect(fast.body).toBe(reference.body);
    const body = JSON.parse(fast.body);
    if (testCase.passes) expect(body.errors).toBeUndefined();
    testCase.expect?.(body);
  });
});
