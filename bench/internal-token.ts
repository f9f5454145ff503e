/**
 * Bench-only: a long-lived internal token with the same claims the router signs (platform/identity.ts), so Hive
 * Gateway and direct subgraph calls get past the subgraphs' token check for a whole benchmark run. Never used by
 * the product: the router's own tokens live 60 s.
 */
import { SignJWT } from 'jose';
import { LOCAL_IDENTITY } from '../platform/identity';

export async function signBenchToken(secret: string, ttlSeconds = 3600): Promise<string> {
  return new SignJWT({ name: LOCAL_IDENTITY.name, via: LOCAL_IDENTITY.via })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(LOCAL_IDENTITY.sub)
    .setIssuer('visual-builder-router')
    .setAudience('visual-builder-subgraphs')
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(secret));
}
