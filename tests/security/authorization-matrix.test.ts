/**
 * The authorisation matrix: every Query and Mutation field of the composed supergraph's API (schema/supergraph.graphql,
 * @inaccessible fields excluded) and every Subscription field (schema/subscriptions.graphql) × {anonymous, other user,
 * viewer, editor, owner} → allowed or denied as its rule says (rules.ts). A field without a rule fails here.
 * Every REST route of the legacy shim (its route table) × the same personas, each with a rule in rules.ts
 * (REST_RULES), and the legacy sockets likewise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { request } from 'undici';
import WebSocket from 'ws';
import { loadConfig } from '../../platform/config';
import { legacyRoutes } from '../../router/rest/routes';
import type { TestSupergraph } from '../support/supergraph';
import { makeFixture, type Fixture } from './fixtures';
import { MUTATION_RULES, QUERY_RULES, REST_RULES, SUBSCRIPTION_RULES, type Need, type Rule } from './rules';
import { callerFor, errorCodes, firstOutcome, PERSONAS, startSecuredSupergraph, tokenFor, wsClient, type Caller, type Persona } from './support';

const schemaDir = path.join(__dirname, '..', '..', 'schema');

function rootFields(file: string, typeName: string): string[] {
  const doc = parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
  return doc.definitions
    .filter(
      (d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode =>
        (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === typeName,
    )
    .flatMap((d) => d.fields ?? [])
    .filter((f) => !f.directives?.some((dir) => dir.name.value === 'inaccessible'))
    .map((f) => f.name.value);
}

const allowedFor = (need: Need, persona: Persona): boolean => {
  switch (need) {
    case 'any':
      return persona !== 'anonymous';
    case 'viewer':
      return persona === 'viewer' || persona === 'editor' || persona === 'owner';
    case 'editor':
      return persona === 'editor' || persona === 'owner';
    default:
      return persona === 'owner';
  }
};

const DENIALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);

/**
 * Denied: an authorisation error, or nothing visible (null, an empty list, no role) without any error. Any other
 * error (BAD_USER_INPUT, CONFLICT, …) means the operation got past authorisation: allowed.
 */
function outcome(field: string, need: Need, result: { data?: any; errors?: any[] }): 'allowed' | 'denied' {
  if (errorCodes(result).some((c) => DENIALS.has(c))) return 'denied';
  if (need === 'any' || result.errors?.length) return 'allowed'; // the caller's own (possibly empty) list; a domain error
  const value = result.data?.[field];
  if (value === null || value === undefined) return 'denied';
  if (Array.isArray(value) && (value.length === 0 || value.every((v) => v === null || v?.role === null))) return 'denied';
  return 'allowed';
}

let sg: TestSupergraph;
const callers = {} as Record<Persona, Caller>;
let shared: Fixture;

beforeAll(async () => {
  sg = await startSecuredSupergraph();
  for (const persona of PERSONAS) callers[persona] = await callerFor(sg, persona);
  shared = makeFixture(callers.owner, { viewer: 'viewer', editor: 'editor' });
});
afterAll(async () => {
  await sg?.close();
});

describe('every operation has a rule', () => {
  it.each([
    ['Query', 'supergraph.graphql', QUERY_RULES],
    ['Mutation', 'supergraph.graphql', MUTATION_RULES],
    ['Subscription', 'subscriptions.graphql', SUBSCRIPTION_RULES],
  ] as const)('%s', (typeName, file, rules) => {
    const fields = rootFields(file, typeName).sort();
    expect(fields.filter((f) => !(f in rules))).toEqual([]); // a new operation needs a rule in tests/security/rules.ts
    expect(Object.keys(rules).filter((f) => !fields.includes(f))).toEqual([]); // a rule for an operation that is gone
  });
});

let unique = 0;
const cases = (rules: Record<string, Rule>) => Object.entries(rules).flatMap(([field, rule]) => PERSONAS.map((persona) => [field, persona, rule] as const));

describe.each([
  ['Query', QUERY_RULES],
  ['Mutation', MUTATION_RULES],
] as const)('%s × persona', (_type, rules) => {
  it.each(cases(rules))('%s as %s', async (field, persona, rule) => {
    const fixture = rule.fresh ? makeFixture(callers.owner, { viewer: 'viewer', editor: 'editor' }) : shared;
    const [query, variables] = await rule.op(fixture, `${persona}${++unique}`);
    const result = await callers[persona].gql(query, variables);
    if (persona === 'anonymous') {
      expect(result.status).toBe(401);
      expect(errorCodes(result)).toContain('UNAUTHENTICATED');
      return;
    }
    expect(errorCodes(result)).not.toContain('INTERNAL_SERVER_ERROR');
    const expected = allowedFor(rule.need, persona) ? 'allowed' : 'denied';
    expect({ field, persona, outcome: outcome(field, rule.need, result) }).toEqual({ field, persona, outcome: expected });
  });
});

describe('Subscription × persona', () => {
  it.each(cases(SUBSCRIPTION_RULES))('%s as %s', async (_field, persona, rule) => {
    const [query, variables] = await rule.op(shared, persona);
    const params = persona === 'anonymous' ? {} : { authorization: `Bearer ${await tokenFor(persona)}` };
    const client = wsClient(sg, params);
    try {
      const result = await firstOutcome(client, query, variables);
      const allowed = result.kind === 'next' || result.kind === 'quiet' || result.kind === 'complete';
      expect({ persona, allowed, result: allowed ? undefined : result.kind }).toEqual({
        persona,
        allowed: allowedFor(rule.need, persona),
        result: allowedFor(rule.need, persona) ? undefined : 'error',
      });
    } finally {
      await client.dispose();
    }
  });
});

describe('REST routes', () => {
  const routes = legacyRoutes({ config: loadConfig({ LOG_LEVEL: 'silent' }) });
  it('has a route table to check', () => {
    expect(routes.length).toBeGreaterThan(10);
  });
  it.each(routes.map((r) => [r.method.toUpperCase(), r.path] as const))('%s %s refuses anonymous callers with 401', async (method, routePath) => {
    const url = sg.url + routePath.replace(/\{[A-Za-z_]+\}/g, 'some-id');
    const response = await request(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
    });
    await response.body.text();
    expect(response.statusCode).toBe(401);
  });
});

describe('REST route × persona', () => {
  const routes = legacyRoutes({ config: loadConfig({ LOG_LEVEL: 'silent' }) });
  it('every route has a rule, and every rule a route', () => {
    const keys = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(keys.filter((k) => !(k in REST_RULES))).toEqual([]); // a new route needs a rule in tests/security/rules.ts
    expect(Object.keys(REST_RULES).filter((k) => !keys.includes(k))).toEqual([]);
  });
  const restCases = Object.entries(REST_RULES).flatMap(([key, rule]) =>
    PERSONAS.filter((p) => p !== 'anonymous').map((persona) => [key, persona, rule] as const),
  );
  it.each(restCases)('%s as %s', async (key, persona, rule) => {
    const fixture = rule.fresh ? makeFixture(callers.owner, { viewer: 'viewer', editor: 'editor' }) : shared;
    const [method] = key.split(' ');
    const { path: routePath, body } = await rule.request(fixture, `${persona}${++unique}`);
    const response = await request(sg.url + routePath, {
      method: method as 'GET',
      headers: { 'content-type': 'application/json', ...callers[persona].headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    if (process.env.MATRIX_DEBUG) console.log(key, persona, response.statusCode, text.slice(0, 400));
    expect({ key, persona, status: response.statusCode >= 500 ? text.slice(0, 300) : 'ok' }).toEqual({ key, persona, status: 'ok' });
    let data: unknown;
    try {
      data = JSON.parse(text)?.data;
    } catch {
      data = undefined; // a file download
    }
    const denied = [401, 403, 404].includes(response.statusCode) || (rule.visible !== undefined && response.statusCode < 300 && !rule.visible(data));
    const expected = allowedFor(rule.need, persona) ? 'allowed' : 'denied';
    expect({ key, persona, outcome: denied ? 'denied' : 'allowed', status: response.statusCode }).toEqual({
      key,
      persona,
      outcome: expected,
      status: expect.any(Number),
    });
  });
});

describe('legacy sockets × persona', () => {
  const handshake = (routePath: string, headers: Record<string, string>) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(sg.url.replace('http', 'ws') + routePath, { headers });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('error', () => undefined);
    });
  it.each(
    PERSONAS.flatMap(
      (persona) =>
        [
          ['/ws/{project_id}', persona],
          ['/ws/debug/{session_id}', persona],
        ] as const,
    ),
  )('%s as %s', async (route, persona) => {
    const id = route === '/ws/{project_id}' ? await shared.projectId() : await shared.sessionId();
    const status = await handshake(route.replace(/\{[a-z_]+\}/, id), callers[persona].headers);
    const expected = persona === 'anonymous' ? 401 : allowedFor('viewer', persona) ? 101 : 404;
    expect({ route, persona, status }).toEqual({ route, persona, status: expected });
  });
});
