/** The router's aggregated `/health` in the seed's format: each subgraph asked in parallel, with a timeout. */
import { request } from 'undici';
import { SERVICE_ENV, SUBGRAPH_NAMES, type AppConfig } from '../platform/config';

export interface ServiceHealth {
  status: 'healthy' | 'unhealthy' | 'unreachable';
  latency_ms?: number;
  error?: string;
}

export async function aggregateHealth(config: AppConfig, gatewayReady: boolean, timeoutMs = 1_500) {
  const entries = await Promise.all(
    SUBGRAPH_NAMES.map(async (name): Promise<[string, ServiceHealth]> => {
      const url = config.urls[name];
      const started = performance.now();
      try {
        const response = await request(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs), headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
        const body = (await response.body.json()) as { status?: string };
        const healthy = response.statusCode === 200 && body.status === 'healthy';
        return [SERVICE_ENV[name].healthName, { status: healthy ? 'healthy' : 'unhealthy', latency_ms: Math.round(performance.now() - started) }];
      } catch (err) {
        // Internal addresses stay internal: the reason is a code, not the error text.
        return [SERVICE_ENV[name].healthName, { status: 'unreachable', error: (err as { code?: string }).code ?? 'unreachable' }];
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
