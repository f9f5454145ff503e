/**
 * Discovery: the standard introspection query (what GraphiQL, graphql-codegen, Apollo tooling and Postman send) passes
 * the router's limits, which measure introspection on its own terms — while a low depth limit still refuses normal
 * operations and hostile introspection (deep ofType chains, multiplying lists, many roots) is refused. HTTP and
 * graphql-ws answer it from one public schema: the API schema plus the subscriptions.
 */
import { getIntrospectionQuery } from 'graphql';
import { collect, wsClient } from '../support/ws-client';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { errorCodes } from './support';

const STANDARD = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});
const limitOf = (result: { errors?: any[] }) => result.errors?.find((e) => e.extensions?.limit)?.extensions?.limit;

let sg: TestSupergraph;
beforeAll(async () => {
  // A depth limit of 5: the standard query is 15 levels deep, so it passes only because introspection is measured apart.
  sg = await startTestSupergraph({ env: { GRAPHQL_MAX_DEPTH: '5' } });
});
afterAll(async () => {
  await sg?.close();
});

it('answers the standard introspection query over HTTP with queries, mutations and subscriptions', async () => {
  const result = await sg.gql(STANDARD);
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  const schema = result.data.__schema;
  expect(schema.queryType.name).toBe('Query');
  expect(schema.mutationType.name).toBe('Mutation');
  expect(schema.subscriptionType.name).toBe('Subscription');
  const subscription = schema.types.find((t: any) => t.name === 'Subscription');
  expect(subscription.fields.map((f: any) => f.name)).toEqual(
    expect.arrayContaining(['projectChanged', 'presence', 'runEvents', 'events', 'debugEvents', 'deploymentEvents']),
  );
  expect(schema.types.find((t: any) => t.name === 'ProjectChangeEvent')).toBeDefined();
});

it('answers the same introspection over graphql-ws (one public schema)', async () => {
  const overHttp = await sg.gql(STANDARD);
  const client = wsClient(sg.url);
  try {
    const overWs = collect(client, STANDARD);
    const [result] = await overWs.waitFor((r) => r.length === 1, 20_000);
    expect(result).toEqual(overHttp.data);
  } finally {
    await client.dispose();
  }
});

it('answers __schema from the public schema in an operation that also selects data', async () => {
  const result = await sg.gql(`{ languages { id } __schema { subscriptionType { name } } t: __type(name: "Subscription") { fields { name } } }`);
  expect(result.errors).toBeUndefined();
  expect(result.data.languages.length).toBeGreaterThan(0);
  expect(result.data.__schema.subscriptionType).toEqual({ name: 'Subscription' });
  expect(result.data.t.fields.map((f: any) => f.name)).toContain('projectChanged');
});

it('documents every public type, field, argument, input field and enum value (introspected from the router)', async () => {
  const { data } = await sg.gql(STANDARD);
  const undocumented: string[] = [];
  const builtIn = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
  for (const type of data.__schema.types as any[]) {
    if (type.name.startsWith('__') || builtIn.has(type.name)) continue;
    if (!type.description) undocumented.push(type.name);
    for (const field of [...(type.fields ?? []), ...(type.inputFields ?? [])]) {
      if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      for (const arg of field.args ?? []) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
    }
    for (const value of type.enumValues ?? []) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
  }
  // Write the missing ones as """ doc strings in schema/*.graphql, then `npm run compose && npm run codegen`.
  expect(undocumented).toEqual([]);
});

it('still applies the depth limit to normal operations', async () => {
  expect(limitOf(await sg.gql(`{ projects { nodes { components { component { inputs { name } } } } } }`))).toBe('depth');
});

it('refuses hostile introspection: deep ofType chains, multiplying lists, many roots', async () => {
  const ofTypes = (n: number): string => (n === 0 ? 'name' : `name ofType { ${ofTypes(n - 1)} }`);
  const deep = await sg.gql(`{ __schema { types { fields { type { ${ofTypes(50)} } } } } }`);
  expect(deep.status).toBe(400);
  expect(limitOf(deep)).toBe('introspectionDepth');
  const lists = await sg.gql(`{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`);
  expect(limitOf(lists)).toBe('introspectionLists');
  const roots = await sg.gql(`{ ${Array.from({ length: 4 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`);
  expect(limitOf(roots)).toBe('introspectionRoots');
  // A fragment bomb inside introspection is refused cheaply too.
  const levels = 14;
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on __Type { ${i === levels - 1 ? 'name' : `...F${i + 1} ...F${i + 1}`} }`).join(
    '\n',
  );
  const started = Date.now();
  expect(limitOf(await sg.gql(`{ __schema { types { ...F0 } } }\n${fragments}`))).toBe('introspectionFields');
  expect(Date.now() - started).toBeLessThan(2_000);
});

it('refuses a subscription sent over HTTP with a clear error, and keeps serving', async () => {
  const result = await sg.gql(`subscription { projectChanged(projectId: "p1") { version } }`);
  expect(result.status).toBe(400);
  // Apollo reports every validation error as GRAPHQL_VALIDATION_FAILED.
  expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(result.errors![0].message).toMatch(/WebSocket/);
  expect((await sg.gql('{ languages { id } }')).errors).toBeUndefined();
});
