/**
 * Authentication at the router: HS256 and RS256 (JWKS file) JWTs with issuer/audience/expiry, API keys (shown once,
 * stored hashed, revocable), for GraphQL over HTTP, graphql-ws `connection_init` and the REST shim; anonymous callers
 * get 401; production refuses to start without authentication.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { request } from 'undici';
import { assertAuthenticationConfigured, ConfigError, loadConfig } from '../../platform/config';
import { postGraphQL, type TestSupergraph } from '../support/supergraph';
import { AUDIENCE, errorCodes, firstOutcome, ISSUER, startSecuredSupergraph, tokenFor, wsClient } from './support';

const ME = `{ projects { totalCount } apiKeys { id } }`;

describe('with an HS256 secret and a JWKS file', () => {
  let sg: TestSupergraph;
  let rsaKey: CryptoKey;
  const jwksDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-jwks-'));

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    rsaKey = privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    fs.writeFileSync(path.join(jwksDir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
    sg = await startSecuredSupergraph({ AUTH_JWKS_FILE: path.join(jwksDir, 'jwks.json') });
  });
  afterAll(async () => {
    await sg?.close();
    fs.rmSync(jwksDir, { recursive: true, force: true });
  });

  const as = (authorization?: string) => postGraphQL(`${sg.url}/graphql`, ME, {}, authorization ? { authorization } : {});

  it('refuses anonymous requests with 401 UNAUTHENTICATED', async () => {
    const result = await as();
    expect(result.status).toBe(401);
    expect(result.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(result.data).toBeUndefined();
  });

  it('accepts a valid HS256 token and refuses wrong secret, issuer, audience, expiry, scheme and "none"', async () => {
    expect((await as(`Bearer ${await tokenFor('alice')}`)).status).toBe(200);
    for (const bad of [
      `Bearer ${await tokenFor('alice', { secret: 'another-secret-of-at-least-32-characters!!' })}`,
      `Bearer ${await tokenFor('alice', { issuer: 'https://evil.test' })}`,
      `Bearer ${await tokenFor('alice', { audience: 'someone-else' })}`,
      `Bearer ${await tokenFor('alice', { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
      `Basic ${Buffer.from('alice:pw').toString('base64')}`,
      `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"alice","exp":9999999999}').toString('base64url')}.`,
      'Bearer not-a-token',
    ]) {
      const result = await as(bad);
      expect({ bad, status: result.status, codes: errorCodes(result) }).toEqual({ bad, status: 401, codes: ['UNAUTHENTICATED'] });
    }
  });

  it('accepts RS256 tokens signed by a key of the JWKS file, and refuses other keys', async () => {
    const sign = (key: CryptoKey, kid = 'k1') =>
      new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid }).setSubject('bob').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').sign(key);
    expect((await as(`Bearer ${await sign(rsaKey)}`)).status).toBe(200);
    const stranger = (await generateKeyPair('RS256')).privateKey as CryptoKey;
    expect((await as(`Bearer ${await sign(stranger)}`)).status).toBe(401);
  });

  it('keeps users apart: a project is invisible to another user', async () => {
    const alice = `Bearer ${await tokenFor('alice')}`;
    const created = await postGraphQL(
      `${sg.url}/graphql`,
      `mutation { createProject(input: {name: "alice's"}) { id ownerId myRole } }`,
      {},
      { authorization: alice },
    );
    expect(created.data.createProject).toMatchObject({ ownerId: 'alice', myRole: 'OWNER' });
    const seen = await postGraphQL(
      `${sg.url}/graphql`,
      `query($id: ID!) { project(id: $id) { id } }`,
      { id: created.data.createProject.id },
      { authorization: `Bearer ${await tokenFor('mallory')}` },
    );
    expect(seen.data.project).toBeNull();
  });

  it('API keys: shown once, stored hashed, usable as Bearer or x-api-key, revocable', async () => {
    const alice = { authorization: `Bearer ${await tokenFor('alice')}` };
    const created = await postGraphQL(`${sg.url}/graphql`, `mutation { createApiKey(name: "ci") { key apiKey { id prefix revokedAt } } }`, {}, alice);
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(/^vbk_[A-Za-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const listed = await postGraphQL(`${sg.url}/graphql`, `{ apiKeys { id name prefix } }`, {}, alice);
    expect(JSON.stringify(listed)).not.toContain(key.slice(apiKey.prefix.length + 1));
    const viaBearer = await postGraphQL(`${sg.url}/graphql`, `{ projects { nodes { ownerId } } }`, {}, { authorization: `Bearer ${key}` });
    expect(viaBearer.status).toBe(200);
    expect(viaBearer.data.projects.nodes.every((p: { ownerId: string }) => p.ownerId === 'alice')).toBe(true);
    expect((await postGraphQL(`${sg.url}/graphql`, ME, {}, { 'x-api-key': key })).status).toBe(200);
    // A forged secret for a real key id, and a key of the right shape that does not exist.
    expect((await postGraphQL(`${sg.url}/graphql`, ME, {}, { authorization: `Bearer ${apiKey.prefix}_${'A'.repeat(43)}` })).status).toBe(401);
    await postGraphQL(`${sg.url}/graphql`, `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, alice);
    const afterRevoke = await postGraphQL(`${sg.url}/graphql`, ME, {}, { authorization: `Bearer ${key}` });
    expect(afterRevoke.status).toBe(401);
    // Someone else cannot revoke (or learn about) alice's keys.
    const other = await postGraphQL(
      `${sg.url}/graphql`,
      `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`,
      { id: apiKey.id },
      { authorization: `Bearer ${await tokenFor('mallory')}` },
    );
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
  });

  it('the router-only resolveApiKey is not part of the public API', async () => {
    const result = await postGraphQL(
      `${sg.url}/graphql`,
      `{ resolveApiKey(key: "vbk_x") { userId } }`,
      {},
      { authorization: `Bearer ${await tokenFor('alice')}` },
    );
    expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('graphql-ws: connection_init needs credentials (authorization or apiKey)', async () => {
    const anonymous = wsClient(sg, {});
    const refused = await firstOutcome(anonymous, `subscription { events { type } }`, {});
    expect(refused.kind).toBe('error');
    await anonymous.dispose();
    const bad = wsClient(sg, { authorization: 'Bearer nope' });
    expect((await firstOutcome(bad, `subscription { events { type } }`, {})).kind).toBe('error');
    await bad.dispose();
    const alice = wsClient(sg, { authorization: `Bearer ${await tokenFor('alice')}` });
    const created = await postGraphQL(
      `${sg.url}/graphql`,
      `mutation { createProject(input: {name: "ws"}) { id } }`,
      {},
      { authorization: `Bearer ${await tokenFor('alice')}` },
    );
    const first = await firstOutcome(alice, `subscription($p: ID!) { projectChanged(projectId: $p) { version actor } }`, { p: created.data.createProject.id });
    expect(first).toMatchObject({ kind: 'next', value: { data: { projectChanged: { version: 1, actor: 'alice' } } } });
    await alice.dispose();
  });

  it('the REST shim authenticates the same way', async () => {
    const anonymous = await request(`${sg.url}/projects`);
    await anonymous.body.text();
    expect(anonymous.statusCode).toBe(401);
    const alice = await request(`${sg.url}/projects`, { headers: { authorization: `Bearer ${await tokenFor('alice')}` } });
    await alice.body.text();
    expect(alice.statusCode).toBe(200);
  });
});

describe('configuration', () => {
  it('production refuses to start the router without authentication, or the local mode off loopback', () => {
    expect(() => assertAuthenticationConfigured(loadConfig({ NODE_ENV: 'production', INTERNAL_TOKEN_SECRET: 'x'.repeat(32) }))).toThrow(ConfigError);
    expect(() => assertAuthenticationConfigured(loadConfig({ HOST: '0.0.0.0' }))).toThrow(/loopback/);
    expect(() =>
      assertAuthenticationConfigured(
        loadConfig({ NODE_ENV: 'production', INTERNAL_TOKEN_SECRET: 'x'.repeat(32), HOST: '0.0.0.0', AUTH_JWT_SECRET: 'y'.repeat(32) }),
      ),
    ).not.toThrow();
    expect(() => assertAuthenticationConfigured(loadConfig({}))).not.toThrow();
  });

  it('refuses a short HS256 secret', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/at least 32/);
  });
});
