/**
 * One public schema for HTTP and WebSocket: the supergraph's API schema plus our subscriptions
 * (schema/subscriptions.graphql). Apollo Server validates against it and introspection answers from it, so GraphiQL,
 * codegen and other tools see `subscriptionType` with its fields over either transport. Queries and mutations still
 * run through @apollo/gateway (it plans against its own API schema, which the public one extends); subscriptions run
 * over graphql-ws only.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  buildASTSchema,
  execute,
  GraphQLError,
  Kind,
  parse,
  printSchema,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

/** The message a subscription sent over HTTP gets (validation refuses it with 400 before it reaches the gateway). */
export const SUBSCRIPTIONS_OVER_WEBSOCKET = 'Subscriptions are served over WebSocket: subscribe with graphql-ws (subprotocol graphql-transport-ws) at /graphql';

const subscriptionOverHttp = () => new GraphQLError(SUBSCRIPTIONS_OVER_WEBSOCKET, { extensions: { code: 'BAD_REQUEST' } });

/** Apollo Server's validation rule (HTTP and the router's own gateway calls): subscription operations are refused. */
export const noSubscriptionOverHttp: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription')
      context.reportError(new GraphQLError(SUBSCRIPTIONS_OVER_WEBSOCKET, { nodes: [node], extensions: { code: 'BAD_REQUEST' } }));
  },
});

/** Which root fields are introspection (__schema, __type): all, some (direct fields only) or none. */
function rootIntrospection(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): 'all' | 'some' | 'none' {
  const only = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__');
      if (selection.kind === Kind.INLINE_FRAGMENT) return only(selection.selectionSet, seen);
      const fragment = fragments[selection.name.value];
      return !fragment || seen.has(fragment.name.value) || only(fragment.selectionSet, new Set(seen).add(fragment.name.value));
    });
  if (operation.operation !== 'query') return 'none';
  if (only(operation.selectionSet, new Set())) return 'all';
  return operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && INTROSPECTION_ROOTS.has(s.name.value)) ? 'some' : 'none';
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Apollo Server's own copy of a schema, identical in SDL: Apollo wraps every field resolver of the schema it holds
 * (for willResolveField plugins) and its wrapper ignores the field resolver graphql-ws executes subscriptions with.
 */
export function apolloCopy(schema: GraphQLSchema): GraphQLSchema {
  return buildASTSchema(parse(printSchema(schema)), { assumeValidSDL: true });
}

/**
 * Wraps the gateway for Apollo Server: each API schema it loads is replaced by `toPublic(apiSchema)` (falling back
 * to the API schema when that fails), and introspection is answered from that public schema instead of the gateway's:
 * introspection-only operations entirely, and the __schema / __type root fields of operations that also select data
 * (which the gateway plans as usual).
 */
export function publicSchemaGateway(gateway: GatewayInterface, toPublic: (apiSchema: GraphQLSchema) => GraphQLSchema | undefined): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) =>
      gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => callback({ apiSchema: toPublic(apiSchema) ?? apiSchema, coreSupergraphSdl })),
    stop: () => gateway.stop(),
    async load(options) {
      const { executor } = await gateway.load(options);
      if (!executor) return { executor };
      const publicExecutor: GatewayExecutor = async (requestContext) => {
        const { operation, document, schema } = requestContext;
        if (operation.operation === 'subscription') return { errors: [subscriptionOverHttp()] };
        const fragments = Object.fromEntries(
          document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
        );
        const introspection = rootIntrospection(operation, fragments);
        const local = (doc: DocumentNode) =>
          execute({
            schema,
            document: doc,
            operationName: requestContext.operationName,
            variableValues: requestContext.request.variables,
            contextValue: requestContext.context,
          });
        if (introspection === 'all') return local(document);
        const planned = await executor(requestContext);
        if (introspection === 'none' || !planned.data) return planned;
        // Data and introspection in one operation: the gateway answers __schema / __type from its API schema, so
        // those root fields are answered again from the public one (execute does not validate: unused fragments are fine).
        const roots = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && INTROSPECTION_ROOTS.has(s.name.value));
        const onlyRoots: OperationDefinitionNode = { ...operation, selectionSet: { ...operation.selectionSet, selections: roots } };
        const answered = await local({ ...document, definitions: document.definitions.map((d) => (d === operation ? onlyRoots : d)) });
        const errors = [...(planned.errors ?? []), ...(answered.errors ?? [])];
        return { ...planned, data: { ...planned.data, ...answered.data }, ...(errors.length ? { errors } : {}) };
      };
      return { executor: publicExecutor };
    },
  };
}
