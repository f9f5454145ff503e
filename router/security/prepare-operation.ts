/**
 * The checks every GraphQL document goes through before it runs, for the transports that do not pass through Apollo
 * Server's own request pipeline (graphql-ws subscriptions): persisted-operations-only, the token cap at parse time,
 * and validation with the operation limits.
 */
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { PersistedOperations, OperationRequest } from './persisted-operations';

export interface PreparedOperation {
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}

export type PrepareOperation = (
  schema: GraphQLSchema,
  request: OperationRequest & { operationName?: string | null; variables?: Record<string, unknown> | null },
) => PreparedOperation | readonly GraphQLError[];

export function operationPreparer(options: { maxTokens: number; rules: readonly ValidationRule[]; persisted?: PersistedOperations }): PrepareOperation {
  const rules = [...specifiedRules, ...options.rules];
  return (schema, request) => {
    let source: string;
    let document: DocumentNode;
    try {
      source = options.persisted ? options.persisted(request) : typeof request.query === 'string' ? request.query : '';
      document = parse(source, { maxTokens: options.maxTokens });
    } catch (err) {
      const error = err as GraphQLError;
      const code = error.extensions?.code ?? 'GRAPHQL_PARSE_FAILED';
      return [new GraphQLError(error.message, { extensions: { code } })];
    }
    const errors = validate(schema, document, rules, { maxErrors: 20 });
    if (errors.length) return errors.map((e) => new GraphQLError(e.message, { extensions: { code: e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED' } }));
    return { document, operationName: request.operationName, variableValues: request.variables };
  };
}
