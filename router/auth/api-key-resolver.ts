/**
 * API keys are kept (hashed) by the workflow service; the router asks it who a key belongs to with its own service
 * identity, and reuses the answer for `apiKeyCacheMs` so an authenticated request costs no extra call.
 */
import { createHash } from 'node:crypto';
import type { AuthConfig } from '../../platform/config';
import { ROUTER_SERVICE_IDENTITY, type Identity } from '../../platform/identity';
import type { ServiceClient } from '../../platform/service-client';

const RESOLVE = /* GraphQL */ `query ResolveApiKey($key: String!) { resolveApiKey(key: $key) { userId keyId name } }`;
const MAX_CACHED = 10_000;
/** Unknown keys are remembered briefly too, so a client retrying a bad key does not hammer the workflow service. */
const NEGATIVE_TTL_MS = 5_000;

export type ApiKeyResolver = (key: string) => Promise<Identity | null>;

export function createApiKeyResolver(services: ServiceClient, auth: AuthConfig): ApiKeyResolver {
  const cache = new Map<string, { identity: Identity | null; until: number }>();
  return async (key) => {
    if (key.length > 200) return null;
    const cacheKey = createHash('sha256').update(key).digest('base64');
    const now = Date.now();
    const hit = cache.get(cacheKey);
    if (hit && hit.until > now) return hit.identity;
    const data = await services.query<{ resolveApiKey: { userId: string; keyId: string; name: string } | null }>(
      'workflow',
      RESOLVE,
      { key },
      ROUTER_SERVICE_IDENTITY,
    );
    const owner = data.resolveApiKey;
    const identity: Identity | null = owner ? { sub: owner.userId, name: `API key ${owner.name}`, via: 'api-key' } : null;
    if (cache.size > MAX_CACHED) cache.clear();
    const ttl = identity ? auth.apiKeyCacheMs : Math.min(auth.apiKeyCacheMs, NEGATIVE_TTL_MS);
    if (ttl > 0) cache.set(cacheKey, { identity, until: now + ttl });
    return identity;
  };
}
