/**
 * End-user JWTs: HS256 with AUTH_JWT_SECRET, or RS256/ES256 against the public keys of a JWKS file (read at start;
 * no network fetch). Issuer and audience are checked when configured; `exp` is required.
 */
import fs from 'node:fs';
import { createLocalJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ConfigError, type AuthConfig } from '../../platform/config';
import type { Identity } from '../../platform/identity';

export type JwtVerifier = (token: string) => Promise<Identity>;

const ASYMMETRIC = ['RS256', 'ES256'];

function loadJwks(file: string): JWTVerifyGetKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`AUTH_JWKS_FILE "${file}" is not a readable JSON file: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as { keys?: unknown }).keys))
    throw new ConfigError(`AUTH_JWKS_FILE "${file}" has no "keys" array`);
  return createLocalJWKSet(parsed as Parameters<typeof createLocalJWKSet>[0]);
}

function identityFrom(payload: JWTPayload): Identity {
  const sub = payload.sub;
  if (typeof sub !== 'string' || !sub || sub.length > 200) throw new Error('the token has no usable "sub"');
  const name = [payload.name, payload.preferred_username, payload.email].find((v): v is string => typeof v === 'string');
  return { sub, name: name?.slice(0, 200), via: 'jwt' };
}

export function createJwtVerifier(auth: AuthConfig): JwtVerifier {
  const secret = auth.jwtSecret ? new TextEncoder().encode(auth.jwtSecret) : undefined;
  const jwks = auth.jwksFile ? loadJwks(auth.jwksFile) : undefined;
  const options = { issuer: auth.issuer, audience: auth.audience, requiredClaims: ['exp', 'sub'], clockTolerance: 5 };
  return async (token) => {
    // The algorithm list is fixed per key kind, so a token cannot pick "none" or turn a public key into an HMAC secret.
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8') || 'null') as { alg?: string } | null;
    if (header?.alg === 'HS256' && secret) return identityFrom((await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload);
    if (header?.alg && ASYMMETRIC.includes(header.alg) && jwks)
      return identityFrom((await jwtVerify(token, jwks, { ...options, algorithms: ASYMMETRIC })).payload);
    throw new Error(`tokens signed with "${header?.alg ?? 'nothing'}" are not accepted here`);
  };
}
