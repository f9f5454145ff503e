/**
 * Trusted subgraphs: a subgraph reached directly serves nobody the router did not vouch for — GraphQL (`_service`,
 * `_entities`, ordinary fields), downloads and unknown routes alike refuse requests without the router's internal
 * token, or with one signed by another secret; `/health` stays open.
 */
import { request } from 'undici';
import { SUBGRAPH_NAMES } from '../../platform/config';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../platform/identity';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
});
afterAll(async () => {
  await sg?.close();
});

const OPERATIONS = {
  service: { query: '{ _service { sdl } }' },
  entities: { query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Project', id: 'x' }] } },
  typename: { query: '{ __typename }' },
};

async function call(url: string, headers: Record<string, string>, body?: object) {
  const response = await request(url, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...headers },
    body: body && JSON.stringify(body),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

const routes = ['/graphql', '/artifacts/x/zip', '/deployments/x/artifacts.zip', '/anything-else', '/graphql?query=%7B__typename%7D'];

describe.each(SUBGRAPH_NAMES.map((n) => [n]))('%s', (name) => {
  const base = () => sg.launched.config.urls[name];

  it.each(Object.entries(OPERATIONS))('refuses %s without a token and with a token of another secret', async (_op, body) => {
    expect((await call(`${base()}/graphql`, {}, body)).status).toBe(401);
    const forged = await signInternalToken({ sub: 'local', via: 'local' }, 'a-different-secret-that-is-long-enough-123');
    const refused = await call(`${base()}/graphql`, { [INTERNAL_TOKEN_HEADER]: forged }, body);
    expect(refused.status).toBe(401);
    expect(refused.text).not.toContain('"data"');
  });

  it('refuses every other route without a token, and answers /health', async () => {
    for (const route of routes) expect({ route, status: (await call(`${base()}${route}`, {})).status }).toEqual({ route, status: 401 });
    expect((await call(`${base()}/health`, {})).status).toBe(200);
  });

  it('answers with the router token of the right secret', async () => {
    const token = await signInternalToken({ sub: 'local', via: 'local' }, sg.launched.config.internalTokenSecret);
    const ok = await call(`${base()}/graphql`, { [INTERNAL_TOKEN_HEADER]: token }, OPERATIONS.service);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).data._service.sdl).toContain('type');
  });
});
