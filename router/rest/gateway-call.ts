/**
 * Runs the shim's stored GraphQL operations through the router's own ApolloServer (in-process `executeOperation`),
 * with the same RouterContext the HTTP path builds — so authentication, limits, logging and metrics are those of
 * GraphQL. GraphQL errors become RestErrors carrying the HTTP status of their code.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { REQUEST_ID_HEADER } from '../../platform/identity';
import { registerOperationNames } from '../../platform/metrics';
import type { RequestAuthentication } from '../authenticate';
import type { RouterContext } from '../gateway';
import { RestError, statusForCode } from './envelope';

/** A GraphQL document kept in code: REST clients can only run these, never a query of their own. */
export interface StoredOperation {
  readonly name: string;
  readonly document: string;
}

export function storedOperation(name: string, document: string): StoredOperation {
  registerOperationNames([name]); // the router's own operations label metrics by name
  return { name, document };
}

export type GatewayCall = <T = Record<string, any>>(operation: StoredOperation, variables?: Record<string, unknown>) => Promise<T>;

export function restErrorFrom(error: GraphQLFormattedError): RestError {
  const extensions = (error.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const { code: _code, stacktrace: _stack, ...details } = extensions;
  return new RestError(statusForCode(code, extensions), code, error.message, details);
}

/** Who is calling, established exactly as for GraphQL over HTTP. */
export async function routerContextFor(req: IncomingMessage, auth: RequestAuthentication): Promise<RouterContext> {
  let identity;
  try {
    identity = await auth.authenticate(req);
  } catch (err) {
    const code = (err as { extensions?: { code?: string } }).extensions?.code ?? 'UNAUTHENTICATED';
    throw new RestError(statusForCode(code), code, (err as Error).message || 'Authentication failed');
  }
  const requestId = req.headers[REQUEST_ID_HEADER];
  return { identity, requestId: typeof requestId === 'string' && requestId ? requestId : randomUUID() };
}

export function gatewayCaller(apollo: ApolloServer<RouterContext>, context: RouterContext): GatewayCall {
  return async <T>(operation: StoredOperation, variables: Record<string, unknown> = {}) => {
    const response = await apollo.executeOperation({ query: operation.document, operationName: operation.name, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new RestError(500, 'INTERNAL_SERVER_ERROR', 'Incremental delivery is not supported by the REST shim');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw restErrorFrom(errors[0]);
    return data as T;
  };
}
