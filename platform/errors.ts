/**
 * Errors clients can act on: every one carries `extensions.code` (docs/ARCHITECTURE.md §7). Anything else is masked by the
 * servers' formatError so no stack, SQL or internal URL leaves a process.
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_GRAPH'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_IMPLEMENTED'
  | 'LIMIT_EXCEEDED'
  | 'SERVICE_UNAVAILABLE'
  | 'SUBGRAPH_MISCONFIGURED'
  /** The run queue is at its bound; retry later. */
  | 'QUEUE_FULL'
  | 'INTERNAL_SERVER_ERROR';

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const notFound = (what: string, id: string) => appError('NOT_FOUND', `${what} "${id}" not found`, { id });
export const badInput = (message: string, extensions?: Record<string, unknown>) => appError('BAD_USER_INPUT', message, extensions);
export const conflict = (message: string, currentVersion: number) => appError('CONFLICT', message, { currentVersion });

/** Codes clients may see verbatim; anything else from a resolver is reported as an internal error. */
export const PUBLIC_ERROR_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_GRAPH',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_IMPLEMENTED',
  'LIMIT_EXCEEDED',
  'SERVICE_UNAVAILABLE',
  'SUBGRAPH_MISCONFIGURED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'RATE_LIMITED',
  'QUEUE_FULL',
]);
