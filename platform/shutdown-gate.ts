/**
 * Graceful shutdown, the refusing half: once a server starts closing, requests that arrive (for instance on a
 * keep-alive connection) get a clear 503 SERVICE_UNAVAILABLE with `Connection: close` instead of racing the
 * shutdown, while requests already inside finish (Apollo's drain plugin waits for them). The router retries reads
 * that meet a 503, so a client sees a rolling restart of a subgraph as nothing worse than a slower answer.
 */
import type express from 'express';
import type { InProcessResponse } from './in-process-subgraphs';

export interface ShutdownGate {
  /** Mount first, before every route. */
  middleware: express.RequestHandler;
  /** The refusal a request gets while closing (for handlers outside express). */
  refusal(): InProcessResponse | undefined;
  /** From now on new requests are refused. */
  close(): void;
  readonly closing: boolean;
}

export function createShutdownGate(service: string): ShutdownGate {
  let closing = false;
  // One refusal for express and for handlers outside it.
  const status = 503;
  const headers = { connection: 'close', 'retry-after': '1' };
  const body = { errors: [{ message: `The ${service} service is shutting down`, extensions: { code: 'SERVICE_UNAVAILABLE', service } }] };
  return {
    get closing() {
      return closing;
    },
    close() {
      closing = true;
    },
    refusal: () => (closing ? { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) } : undefined),
    middleware(_req, res, next) {
      if (!closing) return next();
      // res.json: the router's legacy REST paths re-shape JSON error bodies into their envelope (router/rest/error-shape.ts).
      res.status(status).set(headers).json(body);
    },
  };
}
