/**
 * The seed's common response format `{status, data, message, timestamp}` with real HTTP status codes: a GraphQL
 * error's `extensions.code` decides the status, so a REST client sees 404 for an unknown id (never 200 with an error
 * inside) and a 500 only for a genuine server fault.
 */
import type express from 'express';

/** GraphQL error code → HTTP status. Codes not listed are server faults (500). */
export const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 413,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_GRAPH: 422,
  RATE_LIMITED: 429,
  QUEUE_FULL: 429,
  TOO_MANY_REQUESTS: 429,
  NOT_IMPLEMENTED: 501,
  SERVICE_UNAVAILABLE: 503,
};

/** A failure with the HTTP status and error code it is answered with. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function statusForCode(code: string | undefined, extensions: Record<string, unknown> = {}): number {
  // A subgraph the gateway could not reach (the error names it) is a bad gateway; anything else unavailable is 503.
  if (code === 'SERVICE_UNAVAILABLE' && typeof extensions.service === 'string') return 502;
  return (code && STATUS_BY_CODE[code]) || 500;
}

export interface Envelope<T = unknown> {
  status: 'success' | 'error';
  data: T;
  message?: string;
  timestamp: string;
}

export function sendSuccess(res: express.Response, data: unknown, message?: string): void {
  const body: Envelope = { status: 'success', data, ...(message ? { message } : {}), timestamp: new Date().toISOString() };
  res.status(200).json(body);
}

export function sendError(res: express.Response, error: RestError): void {
  const body: Envelope = { status: 'error', data: { code: error.code, ...error.details }, message: error.message, timestamp: new Date().toISOString() };
  if (error.status === 429 && typeof error.details.retryAfterSeconds === 'number') res.set('retry-after', String(error.details.retryAfterSeconds));
  res.status(error.status).json(body);
}
