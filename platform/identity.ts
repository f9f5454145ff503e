/**
 * The caller's identity, carried router → subgraph in a short-lived router-signed token (docs/ARCHITECTURE.md §11), so a
 * subgraph reached directly (even through `_entities`) serves nobody the router did not vouch for.
 * Authentication of end users is the router's job; this module is the seam between the two.
 */
import { jwtVerify, SignJWT } from 'jose';
import { appError } from './errors';

export const INTERNAL_TOKEN_HEADER = 'x-vb-internal-token';
export const REQUEST_ID_HEADER = 'x-request-id';

export interface Identity {
  /** Stable user id; `local` in the embedded single-user mode. */
  sub: string;
  name?: string;
  /** How the router established it. */
  via: 'local' | 'jwt' | 'api-key' | 'service';
}

export const LOCAL_IDENTITY: Identity = { sub: 'local', name: 'Local user', via: 'local' };

const ISSUER = 'visual-builder-router';
const AUDIENCE = 'visual-builder-subgraphs';
const TOKEN_TTL_SECONDS = 60;

const keyCache = new Map<string, Uint8Array>();
function key(secret: string): Uint8Array {
  let k = keyCache.get(secret);
  if (!k) keyCache.set(secret, (k = new TextEncoder().encode(secret)));
  return k;
}

/** Signed tokens are reused for half their lifetime: signing per request is measurable on the hot path. */
const tokenCache = new Map<string, { token: string; renewAt: number }>();

export async function signInternalToken(identity: Identity, secret: string): Promise<string> {
  const cacheKey = `${secret}\u0000${identity.via}\u0000${identity.sub}\u0000${identity.name ?? ''}`;
  const cached = tokenCache.get(cacheKey);
  const now = Date.now();
  if (cached && cached.renewAt > now) return cached.token;
  const token = await new SignJWT({ name: identity.name, via: identity.via })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
    .sign(key(secret));
  if (tokenCache.size > 10_000) tokenCache.clear();
  tokenCache.set(cacheKey, { token, renewAt: now + (TOKEN_TTL_SECONDS * 1000) / 2 });
  return token;
}

/**
 * Tokens already verified, until they expire: a subgraph verifies the same router token on every request (twice over
 * HTTP: the trusted-caller guard, then the context), and the HMAC check was ≈4% of a subgraph's CPU on the dashboard.
 * Keyed by the whole token, so a token with any other byte is verified afresh.
 */
const verifiedCache = new Map<string, { identity: Identity; expiresAt: number }>();

export async function verifyInternalToken(token: string | undefined, secret: string): Promise<Identity> {
  if (!token) throw appError('UNAUTHENTICATED', 'This service only answers requests forwarded by the router');
  const cacheKey = `${secret}\u0000${token}`;
  const cached = verifiedCache.get(cacheKey);
  if (cached) {
    if (cached.expiresAt > Date.now()) return { ...cached.identity };
    verifiedCache.delete(cacheKey);
  }
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const via = payload.via;
    const identity: Identity = {
      sub: String(payload.sub),
      name: typeof payload.name === 'string' ? payload.name : undefined,
      via: via === 'jwt' || via === 'api-key' || via === 'service' ? via : 'local',
    };
    if (typeof payload.exp === 'number') {
      if (verifiedCache.size > 10_000) verifiedCache.clear();
      verifiedCache.set(cacheKey, { identity, expiresAt: payload.exp * 1000 });
    }
    return { ...identity };
  } catch {
    throw appError('UNAUTHENTICATED', 'Invalid or expired internal token');
  }
}

/** The router asking on its own behalf (e.g. "whose API key is this?"); users can never obtain `via: 'service'`. */
export const ROUTER_SERVICE_IDENTITY: Identity = { sub: 'service:router', name: 'Router', via: 'service' };

export const isRouterService = (identity: Identity) => identity.via === 'service' && identity.sub === ROUTER_SERVICE_IDENTITY.sub;
