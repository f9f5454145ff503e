/**
 * A subscription event is executed once per distinct (event, schema, operation, variables, access scope) instead of
 * once per subscriber (docs/ARCHITECTURE.md §8). Safe because a subscriber only ever looks up events its own stream
 * yielded (its access was checked when it subscribed, and its stream ends when access is lost, access-watch.ts), and
 * because the result is keyed by the caller whenever the operation selects a field whose answer depends on who asks
 * (entity fields fetched through the gateway with the caller's identity, gateway-fields.ts). Results live as long as
 * the event object (a WeakMap), so nothing is evicted by hand. graphql-js's own mapping iterator is internal, hence
 * the small one here; it behaves as graphql's `subscribe` does (a failed mapping closes the source and rethrows).
 */
import {
  createSourceEventStream,
  execute,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { RouterContext } from '../gateway';

/** Resolvers whose answer depends on the caller. */
const perCaller = new WeakSet<GraphQLFieldResolver<never, never>>();

export function dependsOnCaller<T extends GraphQLFieldResolver<never, never>>(resolver: T): T {
  perCaller.add(resolver);
  return resolver;
}

/**
 * What an event's result can depend on besides the event: whether a per-caller field is selected, and the variables
 * used anywhere but in the subscription field's own arguments (those only pick the stream — `sinceVersion`, `fromSeq`
 * —: its resolver hands the event through, subscription-schema.ts), so subscribers that started at different points
 * still share.
 */
function resultInputs(args: ExecutionArgs): { perCaller: boolean; variables: string[] } {
  const typeInfo = new TypeInfo(args.schema);
  const subscriptionType = args.schema.getSubscriptionType();
  let selectsPerCaller = false;
  const variables = new Set<string>();
  visit(
    args.document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const resolve = typeInfo.getFieldDef()?.resolve;
        if (resolve && perCaller.has(resolve as GraphQLFieldResolver<never, never>)) selectsPerCaller = true;
      },
      Argument() {
        if (!typeInfo.getDirective() && typeInfo.getParentType() === subscriptionType) return false;
        return undefined;
      },
      VariableDefinition() {
        return false; // a declaration, not a use
      },
      Variable(node) {
        variables.add(node.name.value);
      },
    }),
  );
  return { perCaller: selectsPerCaller, variables: [...variables].sort() };
}

const schemaIds = new WeakMap<GraphQLSchema, number>();
let nextSchemaId = 0;
const schemaId = (schema: GraphQLSchema) => schemaIds.get(schema) ?? (schemaIds.set(schema, ++nextSchemaId), nextSchemaId);

/** Executions made and executions shared (tests and metrics read them). */
export const sharedExecutionStats = { executed: 0, shared: 0 };

const results = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();

/** What `subscribe` from graphql-js returns, with each event's result shared between subscribers of the same key. */
export async function subscribeShared(args: ExecutionArgs): Promise<Required<AsyncIterableIterator<ExecutionResult>> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
  const events = source as AsyncGenerator<unknown>;
  const inputs = resultInputs(args);
  const scope = inputs.perCaller ? `caller:${(args.contextValue as RouterContext).identity.sub}` : 'anyone';
  const variables = JSON.stringify(inputs.variables.map((name) => [name, args.variableValues?.[name]]));
  const key = [scope, schemaId(args.schema), args.operationName ?? '', variables, print(args.document)].join('\u0000');
  const resultOf = (event: unknown): ExecutionResult | Promise<ExecutionResult> => {
    if (!event || typeof event !== 'object') return execute({ ...args, rootValue: event });
    let byKey = results.get(event);
    if (!byKey) results.set(event, (byKey = new Map()));
    const known = byKey.get(key);
    if (known) {
      sharedExecutionStats.shared++;
      return known;
    }
    sharedExecutionStats.executed++;
    const result = execute({ ...args, rootValue: event });
    byKey.set(key, result);
    return result;
  };
  const closeIgnoringErrors = async () => {
    try {
      await events.return(undefined);
    } catch {
      // keep the original error
    }
  };
  const mapped = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> => {
    if (step.done) return step as IteratorResult<ExecutionResult>;
    try {
      return { value: await resultOf(step.value), done: false };
    } catch (err) {
      await closeIgnoringErrors();
      throw err;
    }
  };
  const iterator: Required<AsyncIterableIterator<ExecutionResult>> = {
    next: async () => mapped(await events.next()),
    return: async () => mapped(await events.return(undefined)),
    throw: async (err: unknown) => {
      await closeIgnoringErrors();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
