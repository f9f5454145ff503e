/**
 * The router's subgraph fetcher: undici `Pool.request()` per subgraph origin with keep-alive connections and a
 * minimal Response shim. Measured here (docs/ARCHITECTURE.md §10) as the fastest option for @apollo/gateway: the default
 * make-fetch-happen fetcher is CPU-heavy. A subgraph started in this process is called in-process instead
 * (platform/in-process-subgraphs.ts), under the same timeout.
 */
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import { Pool } from 'undici';
import { callInProcess, inProcessSubgraph, type InProcessHandler } from '../platform/in-process-subgraphs';

class ShimHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();
  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const [k, v] of Object.entries(raw)) if (v !== undefined) this.map.set(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v);
  }
  append(name: string, value: string) {
    const key = name.toLowerCase();
    this.map.set(key, this.map.has(key) ? `${this.map.get(key)}, ${value}` : value);
  }
  delete(name: string) {
    this.map.delete(name.toLowerCase());
  }
  get(name: string) {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string) {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string) {
    this.map.set(name.toLowerCase(), value);
  }
  entries() {
    return this.map.entries();
  }
  keys() {
    return this.map.keys();
  }
  values() {
    return this.map.values();
  }
  [Symbol.iterator]() {
    return this.map.entries();
  }
}

function shimResponse(url: string, status: number, headers: ShimHeaders, body: string): FetcherResponse {
  const response: FetcherResponse = {
    bodyUsed: false,
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText: String(status),
    headers,
    text: async () => body,
    json: async () => JSON.parse(body),
    arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
    clone: () => shimResponse(url, status, headers, body),
  };
  return response;
}

export interface PooledFetcher {
  fetcher: Fetcher;
  close(): Promise<void>;
}

/** An in-process call: the gateway's request and a Response shim over the answer, as over HTTP. */
async function fetchInProcess(handler: InProcessHandler, url: string, init: Parameters<Fetcher>[1], timeoutMs: number): Promise<FetcherResponse> {
  const headers = Object.fromEntries(Object.entries((init?.headers as Record<string, string> | undefined) ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const answer = await callInProcess(handler, { body: String(init?.body ?? ''), headers }, timeoutMs);
  return shimResponse(url, answer.status, new ShimHeaders(answer.headers), answer.body);
}

export function createPooledFetcher(options: { timeoutMs: number; connections?: number; inProcess?: boolean }): PooledFetcher {
  const pools = new Map<string, Pool>();
  const poolFor = (origin: string) => {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: options.connections ?? 32,
        pipelining: 1,
        keepAliveTimeout: 30_000,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        connectTimeout: Math.min(options.timeoutMs, 2_000),
      });
      pools.set(origin, pool);
    }
    return pool;
  };
  const fetcher: Fetcher = async (url, init) => {
    const target = new URL(url);
    const local = options.inProcess ? inProcessSubgraph(target) : undefined;
    if (local) return fetchInProcess(local, url, init, options.timeoutMs);
    const { statusCode, headers, body } = await poolFor(target.origin).request({
      path: target.pathname + target.search,
      method: (init?.method ?? 'GET') as 'POST',
      headers: init?.headers,
      body: init?.body,
      signal: init?.signal,
    });
    return shimResponse(url, statusCode, new ShimHeaders(headers), await body.text());
  };
  return {
    fetcher,
    close: async () => {
      await Promise.all([...pools.values()].map((p) => p.close()));
    },
  };
}
