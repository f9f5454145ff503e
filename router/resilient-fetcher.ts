/**
 * What the gateway calls one subgraph through: a circuit breaker (a dead subgraph fails fast), one retry for
 * idempotent reads (queries, never mutations) when the connection failed or the subgraph answered "unavailable",
 * a client span with the W3C `traceparent` header (so the subgraph's spans join the router's trace), and metrics.
 * Timeouts are the pooled fetcher's (headers/body timeouts per call).
 */
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { circuitState, subgraphFetchDuration, subgraphFetches } from '../platform/metrics';
import { CircuitBreaker, CircuitOpenError, type CircuitState } from './circuit-breaker';

export interface ResilienceOptions {
  /** Consecutive failures that open a subgraph's circuit. */
  failureThreshold: number;
  /** How long an open circuit fails fast before a probe. */
  openMs: number;
  /** Pause before the retry of a read. */
  retryDelayMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = { failureThreshold: 5, openMs: 500, retryDelayMs: 50 };

const STATE_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };
/** Errors where the request never reached a resolver or its answer was cut: a read may safely be sent again. */
const RETRYABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
/**
 * Errors of configuration, not of the subgraph: an address that is not a URL, a host name that does not resolve.
 * Retrying or opening the circuit would not help and "unavailable" would send the operator the wrong way.
 */
const CONFIGURATION_CODES: Record<string, SubgraphConfigurationError['reason']> = {
  ERR_INVALID_URL: 'invalid_url',
  UND_ERR_INVALID_ARG: 'invalid_url',
  ENOTFOUND: 'host_not_found',
};
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

const tracer = trace.getTracer('visual-builder-router');

/** The gateway sends `{"query":"query …"}` / `{"query":"mutation …"}`; anonymous `{ … }` is a query too. */
export function isReadOperation(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  const match = /"query"\s*:\s*"\s*(\{|[a-z]+)/.exec(body);
  return match !== null && (match[1] === '{' || match[1] === 'query');
}

/** A fetch that failed because the subgraph's configured address cannot be used; `cause` is the original error. */
export class SubgraphConfigurationError extends Error {
  constructor(
    readonly subgraph: string,
    readonly reason: 'invalid_url' | 'host_not_found',
    cause: Error,
  ) {
    super(`subgraph ${subgraph}: ${reason === 'invalid_url' ? 'invalid URL' : 'host not found'} (${cause.message})`, { cause });
  }
}

function asConfigurationError(subgraph: string, err: unknown): SubgraphConfigurationError | undefined {
  const reason = CONFIGURATION_CODES[(err as { code?: string } | undefined)?.code ?? ''];
  return reason ? new SubgraphConfigurationError(subgraph, reason, err as Error) : undefined;
}

function outcomeOf(err: unknown): string {
  if (err instanceof CircuitOpenError) return 'circuit_open';
  if (err instanceof SubgraphConfigurationError) return 'misconfigured';
  return TIMEOUT_CODES.has((err as { code?: string }).code ?? '') ? 'timeout' : 'error';
}

export function createResilientFetcher(subgraph: string, inner: Fetcher, options: ResilienceOptions = DEFAULT_RESILIENCE): Fetcher {
  const breaker = new CircuitBreaker(subgraph, {
    failureThreshold: options.failureThreshold,
    openMs: options.openMs,
    onStateChange: (state) => circuitState.set({ subgraph }, STATE_VALUE[state]),
    isNeutral: (err) => err instanceof SubgraphConfigurationError,
  });
  circuitState.set({ subgraph }, 0);
  const fetchOnce: Fetcher = async (url, init) => {
    try {
      return await inner(url, init);
    } catch (err) {
      throw asConfigurationError(subgraph, err) ?? err;
    }
  };
  const attempt: Fetcher = (url, init) =>
    breaker.run(
      () => fetchOnce(url, init),
      (response: FetcherResponse) => response.status >= 500,
    );

  return async (url, init) => {
    const span = tracer.startSpan(`subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph': subgraph, 'http.url': url } });
    const headers = { ...((init?.headers as Record<string, string> | undefined) ?? {}) };
    propagation.inject(trace.setSpan(context.active(), span), headers);
    const call = { ...init, headers };
    const started = performance.now();
    try {
      let response: FetcherResponse;
      try {
        response = await attempt(url, call);
        if (UNAVAILABLE_STATUSES.has(response.status) && isReadOperation(init?.body))
          throw Object.assign(new Error(`status ${response.status}`), { retryable: true, response });
      } catch (err) {
        const retryable = (err as { retryable?: boolean }).retryable || RETRYABLE_CODES.has((err as { code?: string }).code ?? '');
        if (!retryable || !isReadOperation(init?.body) || breaker.current === 'open') {
          const response = (err as { response?: FetcherResponse }).response;
          if (response) return response;
          throw err;
        }
        subgraphFetches.inc({ subgraph, outcome: 'retried' });
        await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
        response = await attempt(url, call);
      }
      subgraphFetches.inc({ subgraph, outcome: response.status >= 500 ? 'error' : 'ok' });
      span.setAttribute('http.status_code', response.status);
      return response;
    } catch (err) {
      subgraphFetches.inc({ subgraph, outcome: outcomeOf(err) });
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      subgraphFetchDuration.observe({ subgraph }, (performance.now() - started) / 1000);
      span.end();
    }
  };
}
