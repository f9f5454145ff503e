/**
 * The router's aggregated `/health` in the seed's format: every subgraph of the loaded supergraph asked in parallel,
 * with a timeout. Our own services answer `GET /health` (which also checks their database); any other subgraph is
 * asked `{ __typename }` on its GraphQL endpoint, the check @apollo/gateway itself uses.
 */
import { request } from 'undici';
import { SERVICE_ENV, type AppConfig } from '../platform/config';
import type { SubgraphEndpoint } from './subgraph-endpoints';

export interface ServiceHealth {
  status: 'healthy' | 'unhealthy' | 'unreachable';
  latency_ms?: number;
  error?: string;
}

const HEALTH_CHECK_QUERY = JSON.stringify({ query: 'query __ApolloServiceHealthCheck__ { __typename }' });

async function check(endpoint: SubgraphEndpoint, timeoutMs: number): Promise<boolean> {
  const limits = { signal: AbortSignal.timeout(timeoutMs), headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
  if (endpoint.own) {
    const response = await request(new URL('/health', endpoint.url), limits);
    const body = (await response.body.json()) as { status?: string };
    return response.statusCode === 200 && body.status === 'healthy';
  }
  const response = await request(endpoint.url, { ...limits, method: 'POST', headers: { 'content-type': 'application/json' }, body: HEALTH_CHECK_QUERY });
  const body = (await response.body.json()) as { data?: { __typename?: string } };
  return response.statusCode === 200 && typeof body.data?.__typename === 'string';
}

export async function aggregateHealth(config: AppConfig, endpoints: SubgraphEndpoint[], gatewayReady: boolean, timeoutMs = 1_500) {
  const entries = await Promise.all(
    endpoints.map(async (endpoint): Promise<[string, ServiceHealth]> => {
      const started = performance.now();
      try {
        const healthy = await check(endpoint, timeoutMs);
        return [endpoint.healthName, { status: healthy ? 'healthy' : 'unhealthy', latency_ms: Math.round(performance.now() - started) }];
      } catch (err) {
        // Internal addresses stay internal: the reason is a code, not the error text.
        return [endpoint.healthName, { status: 'unreachable', error: (err as { code?: string }).code ?? 'unreachable' }];
      }
    }),
  );
  const services = Object.fromEntries(entries);
  const down = entries.filter(([, h]) => h.status !== 'healthy').map(([name]) => name);
  const status = !gatewayReady || down.length === entries.length ? 'unhealthy' : down.length ? 'degraded' : 'healthy';
  return {
    service: SERVICE_ENV.router.healthName,
    status,
    version: config.version,
    timestamp: new Date().toISOString(),
    ...(down.length ? { message: `Unavailable: ${down.join(', ')}`, down } : {}),
    services,
  };
}
