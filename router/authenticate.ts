/**
 * Who is calling (docs/ARCHITECTURE.md §11). With AUTH_JWT_SECRET or AUTH_JWKS_FILE set, every request must carry
 * `Authorization: Bearer <JWT or API key>` (or `x-api-key`), and a graphql-ws `connection_init` payload
 * `{authorization: "Bearer …"}` or `{apiKey}`; anything else is UNAUTHENTICATED (401). Without them the router runs
 * in the local single-user mode (loopback, announced at start) and everyone is the local user.
 *
 * `RequestAuthentication.authenticate(req)` is the one entry point for GraphQL over HTTP, the REST shim and WebSocket
 * handshakes; each router builds its own and passes it to its parts, and each request's answer is computed once.
 */
import type { IncomingMessage } from 'node:http';
import { appError } from '../platform/errors';
import { LOCAL_IDENTITY, type Identity } from '../platform/identity';
import type { ApiKeyResolver } from './auth/api-key-resolver';
import type { JwtVerifier } from './auth/jwt-verifier';

export interface Authenticator {
  readonly mode: 'local' | 'authenticated';
  fromCredentials(credentials: { authorization?: string; apiKey?: string }): Promise<Identity>;
}

export const API_KEY_HEADER = 'x-api-key';
const API_KEY_PREFIX = 'vbk_';

export const unauthenticated = (message: string) => appError('UNAUTHENTICATED', message, { http: { status: 401 } });

export const localAuthenticator: Authenticator = { mode: 'local', fromCredentials: async () => LOCAL_IDENTITY };

export function createAuthenticator(verifyJwt: JwtVerifier, resolveApiKey: ApiKeyResolver): Authenticator {
  const byApiKey = async (key: string) => {
    const identity = await resolveApiKey(key);
    if (!identity) throw unauthenticated('Unknown or revoked API key');
    return identity;
  };
  return {
    mode: 'authenticated',
    async fromCredentials({ authorization, apiKey }) {
      if (apiKey) return byApiKey(apiKey);
      if (!authorization) throw unauthenticated('Authentication required: send "Authorization: Bearer <token or API key>"');
      const match = /^Bearer\s+(\S{1,8192})\s*$/i.exec(authorization);
      if (!match) throw unauthenticated('The Authorization header must be "Bearer <token or API key>"');
      if (match[1].startsWith(API_KEY_PREFIX)) return byApiKey(match[1]);
      try {
        return await verifyJwt(match[1]);
      } catch (err) {
        throw unauthenticated(`Invalid token: ${(err as Error).message}`);
      }
    },
  };
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function connectionCredentials(params: Record<string, unknown>): { authorization?: string; apiKey?: string } {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { authorization: text(params.authorization) ?? text(params.Authorization), apiKey: text(params.apiKey) };
}

/**
 * One router's way to learn who is calling, handed explicitly to every part that needs it (GraphQL context, REST
 * shim, rate limit, WebSocket servers, deployment endpoint) — never looked up from a module-level registry.
 */
export interface RequestAuthentication {
  readonly mode: Authenticator['mode'];
  /** The caller of an HTTP request (or WebSocket handshake); computed once per request. */
  authenticate(req: IncomingMessage): Promise<Identity>;
  /** graphql-ws: credentials in the `connection_init` payload; the handshake's own headers when the payload has none. */
  authenticateConnection(params: Record<string, unknown>, req?: IncomingMessage): Promise<Identity>;
  /** The same check again, never from the per-request answer: an open socket is re-checked so revocation ends it. */
  reauthenticate(params: Record<string, unknown>, req: IncomingMessage): Promise<Identity>;
}

export function requestAuthentication(authenticator: Authenticator): RequestAuthentication {
  const answers = new WeakMap<IncomingMessage, Promise<Identity>>();
  const fromHeaders = (req: IncomingMessage) => ({ authorization: header(req, 'authorization'), apiKey: header(req, API_KEY_HEADER) });
  const authenticate = (req: IncomingMessage): Promise<Identity> => {
    let answer = answers.get(req);
    if (!answer) {
      answer = authenticator.fromCredentials(fromHeaders(req));
      answer.catch(() => undefined); // callers see the rejection; an unobserved copy must not crash the process
      answers.set(req, answer);
    }
    return answer;
  };
  return {
    mode: authenticator.mode,
    authenticate,
    authenticateConnection(params, req) {
      const credentials = connectionCredentials(params);
      if (!credentials.authorization && !credentials.apiKey && req) return authenticate(req);
      return authenticator.fromCredentials(credentials);
    },
    reauthenticate(params, req) {
      const credentials = connectionCredentials(params);
      return authenticator.fromCredentials(!credentials.authorization && !credentials.apiKey ? fromHeaders(req) : credentials);
    },
  };
}
