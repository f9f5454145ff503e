/**
 * The supergraph with authentication switched on (HS256 JWTs), and helpers to act as different users: tokens,
 * GraphQL as a user, a project with a viewer and an editor.
 */
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { postGraphQL, startTestSupergraph, type TestSupergraph } from '../support/supergraph';

export const JWT_SECRET = 'security-suite-secret-of-at-least-32-characters';
export const ISSUER = 'https://issuer.test';
export const AUDIENCE = 'visual-builder';

export const AUTH_ENV = {
  AUTH_JWT_SECRET: JWT_SECRET,
  AUTH_JWT_ISSUER: ISSUER,
  AUTH_JWT_AUDIENCE: AUDIENCE,
  AUTH_API_KEY_CACHE_MS: '0',
  RATE_LIMIT_POINTS: '0',
  DEBUG_MAX_LIVE_SESSIONS: '1000',
};

export function startSecuredSupergraph(env: Record<string, string> = {}): Promise<TestSupergraph> {
  return startTestSupergraph({ env: { ...AUTH_ENV, ...env } });
}

export async function tokenFor(
  sub: string,
  options: { secret?: string; issuer?: string; audience?: string; expiresIn?: string | number } = {},
): Promise<string> {
  return new SignJWT({ name: `User ${sub}` })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
}

export type Persona = 'anonymous' | 'other' | 'viewer' | 'editor' | 'owner';
export const PERSONAS: Persona[] = ['anonymous', 'other', 'viewer', 'editor', 'owner'];

export interface Caller {
  headers: Record<string, string>;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; data?: T; errors?: any[] }>;
}

export async function callerFor(sg: TestSupergraph, persona: Persona, runId = ''): Promise<Caller> {
  const headers: Record<string, string> = persona === 'anonymous' ? {} : { authorization: `Bearer ${await tokenFor(`${persona}${runId}`)}` };
  return { headers, gql: (query, variables) => postGraphQL(`${sg.url}/graphql`, query, variables, headers) };
}

/** A graphql-ws client for the router, with `connection_init` carrying `params`. */
export function wsClient(sg: TestSupergraph, params: Record<string, unknown>): Client {
  return createClient({ url: sg.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: params, retryAttempts: 0, lazy: true });
}

/** The first message of a subscription, or the error that ended it, or `quiet` after `waitMs` without either. */
export function firstOutcome(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  waitMs = 1_500,
): Promise<{ kind: 'next'; value: any } | { kind: 'error'; error: any } | { kind: 'complete' } | { kind: 'quiet' }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve({ kind: 'quiet' });
    }, waitMs);
    const stop = client.subscribe(
      { query, variables },
      {
        next: (value) => {
          clearTimeout(timer);
          stop();
          resolve(value.errors ? { kind: 'error', error: value.errors } : { kind: 'next', value });
        },
        error: (error) => {
          clearTimeout(timer);
          resolve({ kind: 'error', error });
        },
        complete: () => {
          clearTimeout(timer);
          resolve({ kind: 'complete' });
        },
      },
    );
  });
}

export const errorCodes = (result: { errors?: any[] }) => (result.errors ?? []).map((e) => e?.extensions?.code);
