/**
 * Subgraphs started in this process, by origin (the embedded one-process default). The router (and the service
 * client subgraphs use to ask each other, e.g. for project roles) calls a subgraph that
 * is here in-process — no socket, no HTTP parsing, no second JSON parse of the request — with the same request
 * (router-signed internal token, request id) and the same answer (status, headers, body) it would get over HTTP,
 * through the same fetcher chain (de-duplication, circuit breaker, retry, metrics). A subgraph that stops is removed
 * first, so calls then go over HTTP and fail as they would between processes.
 */
export interface InProcessRequest {
  /** The JSON request body the gateway would POST. */
  body: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

export interface InProcessResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type InProcessHandler = (request: InProcessRequest) => Promise<InProcessResponse>;

const handlers = new Map<string, InProcessHandler>();

/** Registers the GraphQL endpoint of a subgraph listening at `url`; returns the unregistration. */
export function registerInProcessSubgraph(url: string, handler: InProcessHandler): () => void {
  const origin = new URL(url).origin;
  handlers.set(origin, handler);
  return () => {
    if (handlers.get(origin) === handler) handlers.delete(origin);
  };
}

/** The in-process handler for a subgraph's `/graphql` URL, if that subgraph runs in this process. */
export function inProcessSubgraph(url: URL): InProcessHandler | undefined {
  return url.pathname === '/graphql' && !url.search ? handlers.get(url.origin) : undefined;
}

/** Calls `handler`, failing like undici's headers timeout when the answer takes longer than `timeoutMs`. */
export async function callInProcess(handler: InProcessHandler, request: InProcessRequest, timeoutMs: number): Promise<InProcessResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' })), timeoutMs);
  });
  try {
    return await Promise.race([handler(request), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
