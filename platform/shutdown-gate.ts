/**
 * Graceful shutdown, the refusing half: once a server starts closing, requests that arrive (for instance on a
 * keep-alive connection) get a clear 503 SERVICE_UNAVAILABLE with `Connection: close` instead of racing the
 * shutdown, while requests already inside finish (Apollo's drain plugin waits for them). The router retries reads
 * that meet a 503, so a client sees a rolling restart of a subgraph as nothing worse than a slower answer.
 */
import type express from 'express';

export interface ShutdownGate {
  /** Mount first, before every route. */
  middleware: express.RequestHandler;
  /** From now on new requests are refused. */
  close(): void;
  readonly closing: boolean;
}

export function createShutdownGate(service: string): ShutdownGate {
  let closing = false;
  return {
    get closing() {
      return closing;
    },
    close() {
      closing = true;
    },
    middleware(_req, res, next) {
      if (!closing) return next();
      res.set('Connection', 'close').set('Retry-After', '1');
      res.status(503).json({ errors: [{ message: `The ${service} service is shutting down`, extensions: { code: 'SERVICE_UNAVAILABLE', service } }] });
    },
  };
}
