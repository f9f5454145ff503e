/**
 * The router's error masking. The router's own errors are masked like a subgraph's (platform maskError: public codes
 * pass, anything else is "Internal server error"). Errors a subgraph returned (the gateway marks them with
 * `serviceName`) follow the subgraph's intent, as the plain gateway does: a code the subgraph chose is part of its API
 * and passes unchanged; an unexpected error (INTERNAL_SERVER_ERROR, or no code: DOWNSTREAM_SERVICE_ERROR) keeps its
 * code, path and subgraph but not its text, which may carry internals (SQL, file paths, hosts).
 */
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../platform/logger';
import { maskError } from '../platform/subgraph-server';

const UNEXPECTED = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);
export const MASKED_MESSAGE = 'Internal server error';

export function maskRouterError(log: Logger) {
  const mask = maskError(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    const serviceName = extensions.serviceName;
    if (typeof serviceName !== 'string') return mask(formatted, error);
    if (!UNEXPECTED.has(String(extensions.code ?? ''))) return { ...formatted, extensions };
    if (formatted.message !== MASKED_MESSAGE) log.warn({ subgraph: serviceName, message: formatted.message, path: formatted.path }, 'subgraph error masked');
    return { ...formatted, message: MASKED_MESSAGE, extensions };
  };
}
