/**
 * Typed-enough internal GraphQL calls from one service to another subgraph, over real HTTP, carrying the caller's
 * identity in a fresh router-grade internal token (the callee trusts nothing else).
 */
import { Pool } from 'undici';
import type { AppConfig, SubgraphName } from './config';
import { appError } from './errors';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken, type Identity } from './identity';
import { callInProcess, inProcessSubgraph } from './in-process-subgraphs';

export interface ServiceClient {
  query<T>(service: SubgraphName, query: string, variables: Record<string, unknown>, identity: Identity, requestId?: string): Promise<T>;
  close(): Promise<void>;
}

export function createServiceClient(config: AppConfig): ServiceClient {
  const pools = new Map<string, Pool>();
  const pool = (origin: string) => {
    let p = pools.get(origin);
    if (!p) pools.set(origin, (p = new Pool(origin, { connections: 16, headersTimeout: config.subgraphTimeoutMs, bodyTimeout: config.subgraphTimeoutMs })));
    return p;
  };
  return {
    async query<T>(service: SubgraphName, query: string, variables: Record<string, unknown>, identity: Identity, requestId?: string) {
      const url = new URL('/graphql', config.urls[service]);
      let body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      try {
        const headers = {
          'content-type': 'application/json',
          [INTERNAL_TOKEN_HEADER]: await signInternalToken(identity, config.internalTokenSecret),
          ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
        };
        const local = config.inProcessSubgraphs ? inProcessSubgraph(url) : undefined;
        if (local) {
          body = JSON.parse(
            (await callInProcess(local, { body: JSON.stringify({ query, variables }), headers }, config.subgraphTimeoutMs)).body,
          ) as typeof body;
        } else {
          const response = await pool(url.origin).request({ path: url.pathname, method: 'POST', headers, body: JSON.stringify({ query, variables }) });
          body = (await response.body.json()) as typeof body;
        }
      } catch (err) {
        throw appError('SERVICE_UNAVAILABLE', `The ${service} service is unavailable`, { service });
      }
      if (body.errors?.length) {
        const first = body.errors[0];
        const code = String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
        throw appError(code as never, first.message, { ...first.extensions, service });
      }
      return body.data as T;
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close()));
    },
  };
}
