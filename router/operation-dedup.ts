/**
 * Inbound de-duplication of identical in-flight queries (what Hive Router calls inbound deduplication; the subgraph
 * side is router/inflight-dedup.ts): while a query of one caller is being executed, the same query with the same
 * variables from the same caller waits for that execution's answer instead of planning, fetching and shaping again.
 * A dashboard polled by many tabs, or a burst of identical reads, costs one execution.
 *
 * It wraps the gateway's executor, so every per-request step before execution stays per request: authentication,
 * rate limits, operation limits, persisted operations, CSRF and parsing/validation; error formatting and the response
 * after it too. The caller is what subgraphs authorise by (the identity signed into the internal token), so two users
 * never share an answer. Only queries are shared (never mutations), and only while in flight: nothing is cached.
 */
import type { GatewayExecutionResult, GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { routerOperations } from '../platform/metrics';
import { wrapExecutor } from './wrap-executor';
import type { Identity } from '../platform/identity';

type RequestContext = Parameters<GatewayExecutor>[0];

export function dedupOperations(gateway: GatewayInterface, enabled: boolean): GatewayInterface {
  if (!enabled) return gateway;
  return wrapExecutor(gateway, (executor) => {
    const inflight = new Map<string, Promise<GatewayExecutionResult>>();
    return (requestContext) => {
      const key = dedupKey(requestContext);
      if (key === null) return executor(requestContext);
      const pending = inflight.get(key);
      if (pending) {
        routerOperations.inc({ service: 'router', path: 'shared' });
        // Each request gets its own top-level objects: later steps may add to a response's extensions.
        return pending.then((result) => ({ ...result, ...(result.extensions ? { extensions: { ...result.extensions } } : {}) }));
      }
      const leader = executor(requestContext);
      inflight.set(key, leader);
      const forget = () => inflight.delete(key);
      leader.then(forget, forget);
      return leader;
    };
  });
}

/**
 * Null when the request must run on its own: not a query, or no caller. The schema is part of the key, so a request
 * validated against a reloaded supergraph never gets an answer planned on the previous one.
 */
function dedupKey(requestContext: RequestContext): string | null {
  const identity = (requestContext.context as { identity?: Identity } | undefined)?.identity;
  if (requestContext.operation?.operation !== 'query' || !identity) return null;
  const caller = `${identity.via}\u0000${identity.sub}\u0000${identity.name ?? ''}`;
  const variables = requestContext.request.variables ? JSON.stringify(requestContext.request.variables) : '';
  return `${schemaId(requestContext.schema)}\u0000${caller}\u0000${requestContext.queryHash}\u0000${requestContext.operationName ?? ''}\u0000${variables}`;
}

const schemaIds = new WeakMap<object, number>();
let nextSchemaId = 0;
const schemaId = (schema: object) => {
  let id = schemaIds.get(schema);
  if (id === undefined) schemaIds.set(schema, (id = ++nextSchemaId));
  return id;
};
