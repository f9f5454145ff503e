/**
 * De-duplication of identical in-flight subgraph reads (like Apollo Router's and Hive Gateway's): while a query with
 * the same URL, body (operation + variables) and caller is on its way, later callers wait for that answer instead of
 * sending their own. The caller is the internal token (the signed identity the subgraph authorises by), so two
 * users never share an answer. Mutations are never shared; neither is anything once it has been answered.
 */
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { INTERNAL_TOKEN_HEADER } from '../platform/identity';
import { subgraphFetches } from '../platform/metrics';
import { isReadOperation } from './resilient-fetcher';

export function createDedupFetcher(subgraph: string, inner: Fetcher): Fetcher {
  const inflight = new Map<string, Promise<FetcherResponse>>();
  return (url, init) => {
    if (!isReadOperation(init?.body)) return inner(url, init);
    const caller = (init?.headers as Record<string, string> | undefined)?.[INTERNAL_TOKEN_HEADER] ?? '';
    const key = `${url}\u0000${caller}\u0000${init!.body as string}`;
    const pending = inflight.get(key);
    if (pending) {
      subgraphFetches.inc({ subgraph, outcome: 'shared' });
      // Each caller gets its own response object: the gateway parses and may consume it.
      return pending.then((response) => response.clone());
    }
    const leader = inner(url, init);
    inflight.set(key, leader);
    const forget = () => inflight.delete(key);
    leader.then(forget, forget);
    return leader;
  };
}
