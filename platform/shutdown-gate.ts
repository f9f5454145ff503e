/**
 * Graceful shutdown, the refusing half: once a server starts closing, requests that arrive (for instance on a
 * keep-alive connection) get a clear 503 SERVICE_UNAVAILABLE with `Connection: close` instead of racing the
 * shutdown, while requests already inside finish (Apollo's drain plugin waits for them). The router retries reads
 * that meet a 503, so a client sees a rolling restart of a subgraph as nothing worse than a slower answer.
 */
import type express from 'express';
import { graphQLErrorBody } from './graphql-post-lane';
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
  const message = `The ${service} service is shutting down`;
  return {
    get closing() {
      return closing;
    },
    close() {
      closing = true;
    },
    refusal: () =>
      closing
        ? {
            status: 503,
            headers: { 'content-type': 'application/json', connection: 'close', 'retry-after': '1' },
            body: graphQLErrorBody(message, 'SERVICE_UNAVAILABLE', { service }),
          }
        : undefined,
    middleware(_req, res, next) {
      if (!closing) return next();
      res.set('Connection', 'close').set('Retry-After', '1');
      // res.json: the router's legacy REST paths re-shape JSON error bodies into their envelope (router/rest/error-shape.ts).
      res.status(503).json({ errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE', service } }] });
    },
  };
}
