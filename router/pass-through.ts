/**
 * Single-fetch pass-through: when an operation's query plan is one `Fetch` against one subgraph, the subgraph's
 * answer is already the client's answer, so the gateway's result shaping (`computeResponse`: a walk of the whole
 * response that re-builds every object) is skipped and the subgraph's `data` is returned as it arrived.
 *
 * Everything else stays the gateway's: it validates, plans, caches the plan, sends the fetch (through our data source:
 * token, de-duplication, circuit breaker, error handling) and runs its spans. Only the shaping is short-cut, and only
 * when it is provably the identity (checked once per plan, `passThroughFetch`):
 * - the plan is a bare `Fetch` (no Sequence/Parallel/Flatten/Condition, no `@requires`, no rewrites);
 * - the subgraph's operation selects exactly what the client selected: the same fields, aliases, arguments,
 *   fragments and `@skip`/`@include` in the same order (so no `__typename` the planner added, nothing it resolved);
 * - every selected field has the same type in the subgraph and the API schema (same nullability and lists, no enum
 *   value or object type the API hides), so no null, enum or `__typename` the subgraph may send is one the gateway
 *   would reject or rename; no introspection and no `__typename` on the root type;
 * - nothing the gateway normalises differently from graphql-js (the same fragment twice in one selection set).
 * And per request: the subgraph answered without errors, and the `@skip`/`@include` variables are booleans.
 * A subgraph is assumed to answer its own operation as the GraphQL spec says (graphql-js does).
 *
 * How: the gateway's `experimental_didResolveQueryPlan` hook marks an eligible request; our data source hands the
 * gateway an empty answer for that fetch and keeps the real one (`capture`); the wrapped executor then returns the
 * real data in place of the gateway's (empty) shaped result. If the subgraph sent errors, nothing is captured and
 * the gateway shapes as usual.
 */
import type { ApolloGateway, Experimental_DidResolveQueryPlanCallback, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  parse,
  print,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { routerOperations } from '../platform/metrics';
import { wrapExecutor } from './wrap-executor';

type PlanResolved = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type QueryPlan = PlanResolved['queryPlan'];
type RequestContext = PlanResolved['requestContext'];

/** What a plan allows: the subgraph operation whose answer passes, and the variables `@skip`/`@include` read. */
interface Verdict {
  operation: string;
  conditionVariables: { name: string; hasDefault: boolean }[];
}

/** A request marked for pass-through: the fetch it expects, and the subgraph's data once it has arrived. */
interface Pending {
  operation: string;
  data?: Record<string, unknown>;
}

/** The gateway's parsed supergraph, for the subgraphs' own schemas (ApolloGateway keeps it on its query planner). */
interface SupergraphInternals {
  subgraphs(): { get(name: string): { schema: { toGraphQLJSSchema(): GraphQLSchema } } | undefined };
}

/** The supergraph the gateway's query planner was built from (undefined before the first load). */
export function plannerSupergraph(gateway: ApolloGateway): SupergraphInternals | undefined {
  return (gateway.__testing().queryPlanner as unknown as { supergraph?: SupergraphInternals } | undefined)?.supergraph;
}

export interface PassThrough {
  /** For ApolloGateway's `experimental_didResolveQueryPlan`. */
  planResolved: Experimental_DidResolveQueryPlanCallback;
  /** Called by the data source with each subgraph answer: keeps a passing answer and gives the gateway an empty one. */
  capture(options: GraphQLDataSourceProcessOptions, response: GatewayGraphQLResponse): GatewayGraphQLResponse;
  /** Wraps the gateway so its executor returns captured answers and counts both paths. */
  gateway(gateway: GatewayInterface): GatewayInterface;
}

/**
 * `enabled: false` (ROUTER_PASS_THROUGH=false) shapes every result and still counts them. `supergraph()` is the
 * gateway's current parsed supergraph (read when a schema loads, so it matches the API schema of that load).
 */
export function createPassThrough(enabled: boolean, supergraph: () => SupergraphInternals | undefined): PassThrough {
  const verdicts = new WeakMap<QueryPlan, Verdict | null>();
  const pending = new WeakMap<RequestContext, Pending>();
  // Subgraph schemas per loaded API schema (a reload brings a new API schema object, new plans and new subgraphs).
  const supergraphs = new WeakMap<GraphQLSchema, { supergraph: SupergraphInternals; schemas: Map<string, GraphQLSchema | undefined> }>();

  const subgraphSchema = (apiSchema: GraphQLSchema, name: string): GraphQLSchema | undefined => {
    const entry = supergraphs.get(apiSchema);
    if (!entry) return undefined;
    if (!entry.schemas.has(name)) entry.schemas.set(name, entry.supergraph.subgraphs().get(name)?.schema.toGraphQLJSSchema());
    return entry.schemas.get(name);
  };

  return {
    planResolved({ queryPlan, operationContext, requestContext }) {
      // Usage-reporting traces (off here) read the subgraph's `extensions.ftv1`, which the empty answer lacks.
      if (!enabled || requestContext.metrics?.captureTraces) return;
      let verdict = verdicts.get(queryPlan);
      if (verdict === undefined) {
        verdict = passThroughFetch(queryPlan, operationContext.operation, operationContext.fragments, operationContext.schema, (name) =>
          subgraphSchema(operationContext.schema, name),
        );
        verdicts.set(queryPlan, verdict);
      }
      if (!verdict) return;
      const variables = requestContext.request.variables ?? {};
      // computeResponse asserts booleans; a subgraph would answer a non-boolean with an error anyway.
      const conditionsBoolean = verdict.conditionVariables.every(
        ({ name, hasDefault }) => typeof variables[name] === 'boolean' || (variables[name] === undefined && hasDefault),
      );
      if (conditionsBoolean) pending.set(requestContext, { operation: verdict.operation });
    },

    capture(options, response) {
      if (!('incomingRequestContext' in options)) return response;
      const marked = pending.get(options.incomingRequestContext);
      if (!marked || marked.data || marked.operation !== options.request.query) return response;
      if (response.errors !== undefined || response.data === null || typeof response.data !== 'object') return response;
      marked.data = response.data;
      // The gateway shapes this instead: its root fields come out null, which the executor replaces.
      return { data: null };
    },

    gateway(gateway) {
      gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
        const current = supergraph();
        if (current) supergraphs.set(apiSchema, { supergraph: current, schemas: new Map() });
      });
      return wrapExecutor(gateway, (executor) => async (requestContext) => {
        const result = await executor(requestContext);
        const marked = pending.get(requestContext as RequestContext);
        pending.delete(requestContext as RequestContext);
        // No errors can come from shaping an empty answer (no introspection, boolean conditions); if some did,
        // the gateway's result stands.
        if (!marked?.data || result.errors?.length) {
          routerOperations.inc({ service: 'router', path: 'shaped' });
          return result;
        }
        routerOperations.inc({ service: 'router', path: 'pass_through' });
        // `valueCompletion` only reports the nulls of the empty answer; other extensions (query plan) stay.
        const { valueCompletion: _empty, ...extensions } = result.extensions ?? {};
        const { extensions: _shaped, ...rest } = result;
        return Object.keys(extensions).length ? { ...rest, data: marked.data, extensions } : { ...rest, data: marked.data };
      });
    },
  };
}

/**
 * The single fetch of `plan` whose answer is the client's answer as it stands, or null. `apiSchema` is the schema the
 * client's operation was validated against; `subgraphSchema(name)` the subgraph's own.
 */
export function passThroughFetch(
  plan: QueryPlan,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  apiSchema: GraphQLSchema,
  subgraphSchema: (name: string) => GraphQLSchema | undefined,
): Verdict | null {
  const fetch = plan.node;
  if (fetch?.kind !== 'Fetch' || fetch.requires || fetch.hasDefers) return null;
  if (fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length) return null;
  if (operation.operation !== fetch.operationKind || operation.operation === 'subscription' || operation.directives?.length) return null;
  const schema = subgraphSchema(fetch.serviceName);
  if (!schema) return null;
  let document;
  try {
    document = fetch.operationDocumentNode ?? parse(fetch.operation);
  } catch {
    return null;
  }
  const subgraphOperation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const subgraphFragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const apiRoot = apiSchema.getRootType(operation.operation);
  const subgraphRoot = schema.getRootType(operation.operation);
  if (!subgraphOperation || !apiRoot || !subgraphRoot || subgraphOperation.directives?.length) return null;

  const conditionVariables = new Set<string>();
  const client: Side = { schema: apiSchema, fragments, root: apiRoot };
  const subgraph: Side = { schema, fragments: subgraphFragments, root: subgraphRoot };
  if (!sameSelections(operation.selectionSet, apiRoot, client, subgraphOperation.selectionSet, subgraphRoot, subgraph, conditionVariables)) return null;

  // `@skip`/`@include` are evaluated by the subgraph with its operation's defaults and by the gateway with the
  // client's: they must agree.
  const definition = (op: OperationDefinitionNode, name: string) => op.variableDefinitions?.find((d) => d.variable.name.value === name);
  const variables: Verdict['conditionVariables'] = [];
  for (const name of conditionVariables) {
    const mine = definition(operation, name);
    const theirs = definition(subgraphOperation, name);
    if (!mine || !theirs || print(mine) !== print(theirs) || !fetch.variableUsages?.includes(name)) return null;
    variables.push({ name, hasDefault: mine.defaultValue !== undefined });
  }
  return { operation: fetch.operation, conditionVariables: variables };
}

interface Side {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  root: GraphQLCompositeType;
}

/** A selection with named fragments spread inline. */
type Selection =
  | { kind: 'field'; alias?: string; name: string; args: string; directives: readonly DirectiveNode[]; selectionSet?: SelectionSetNode }
  | { kind: 'fragment'; typeCondition?: string; directives: readonly DirectiveNode[]; selectionSet: SelectionSetNode };

/**
 * The selections of `set` with named fragments spread inline, and a fragment that neither narrows (no type condition
 * or the parent's own) nor has directives flattened into its parent: the planner writes those as plain fields, and
 * graphql-js and the gateway both take their fields where they stand. Null when such a fragment appears twice in one
 * selection set: the gateway merges repeated fragments into the first, graphql-js does not.
 */
function selections(set: SelectionSetNode, side: Side, parentName: string, out: Selection[] = [], flattened = { seen: false }): Selection[] | null {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      out.push({
        kind: 'field',
        alias: s.alias?.value,
        name: s.name.value,
        args: (s.arguments ?? []).map((a) => print(a)).join(','),
        directives: s.directives ?? [],
        selectionSet: s.selectionSet,
      });
      continue;
    }
    let fragment: Extract<Selection, { kind: 'fragment' }>;
    if (s.kind === Kind.INLINE_FRAGMENT) {
      fragment = { kind: 'fragment', typeCondition: s.typeCondition?.name.value, directives: s.directives ?? [], selectionSet: s.selectionSet };
    } else {
      const definition = side.fragments[s.name.value];
      if (!definition || definition.directives?.length) return null;
      fragment = {
        kind: 'fragment',
        typeCondition: definition.typeCondition.name.value,
        directives: s.directives ?? [],
        selectionSet: definition.selectionSet,
      };
    }
    const narrows = fragment.typeCondition !== undefined && fragment.typeCondition !== parentName;
    if (narrows || fragment.directives.length) {
      out.push(fragment);
      continue;
    }
    if (flattened.seen) return null;
    flattened.seen = true;
    if (!selections(fragment.selectionSet, side, parentName, out, flattened)) return null;
  }
  return out;
}

/** Only `@skip`/`@include`, with a literal or a variable; the variables are collected. */
function conditions(directives: readonly DirectiveNode[], variables: Set<string>): string | null {
  for (const d of directives) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') return null;
    const condition = d.arguments?.find((a) => a.name.value === 'if')?.value;
    if (condition?.kind === Kind.VARIABLE) variables.add(condition.name.value);
    else if (condition?.kind !== Kind.BOOLEAN) return null;
  }
  return directives.map((d) => print(d)).join(' ');
}

function sameSelections(
  clientSet: SelectionSetNode,
  clientType: GraphQLCompositeType,
  client: Side,
  subgraphSet: SelectionSetNode,
  subgraphType: GraphQLCompositeType,
  subgraph: Side,
  conditionVariables: Set<string>,
): boolean {
  const mine = selections(clientSet, client, clientType.name);
  const theirs = selections(subgraphSet, subgraph, subgraphType.name);
  if (!mine || !theirs || mine.length !== theirs.length) return false;
  const fragmentKeys = new Set<string>();
  // A fragment narrowing an abstract type is applied by the gateway from `__typename` in the data.
  const typenameSelected = mine.some((s) => s.kind === 'field' && s.name === '__typename' && !s.alias && !s.directives.length);
  for (let i = 0; i < mine.length; i++) {
    const a = mine[i];
    const b = theirs[i];
    const directives = conditions(a.directives, conditionVariables);
    if (directives === null || directives !== conditions(b.directives, conditionVariables)) return false;
    if (a.kind === 'field') {
      if (b.kind !== 'field' || a.alias !== b.alias || a.name !== b.name || a.args !== b.args) return false;
      if (a.name === '__typename') {
        // The subgraph's root type may have another name; object types answer their own name in both.
        if (clientType === client.root || !sameType(clientType, subgraphType, client.schema, subgraph.schema)) return false;
        continue;
      }
      if (a.name.startsWith('__') || isUnionType(clientType) || isUnionType(subgraphType)) return false;
      const apiField = clientType.getFields()[a.name];
      const subgraphField = subgraphType.getFields()[a.name];
      if (!apiField || !subgraphField || String(apiField.type) !== String(subgraphField.type)) return false;
      const apiNamed = getNamedType(apiField.type);
      const subgraphNamed = getNamedType(subgraphField.type);
      if (!sameType(apiNamed, subgraphNamed, client.schema, subgraph.schema)) return false;
      if (!a.selectionSet || !b.selectionSet) {
        if (a.selectionSet || b.selectionSet) return false;
        continue;
      }
      if (!isComposite(apiNamed) || !isComposite(subgraphNamed)) return false;
      if (!sameSelections(a.selectionSet, apiNamed, client, b.selectionSet, subgraphNamed, subgraph, conditionVariables)) return false;
    } else {
      if (b.kind !== 'fragment' || a.typeCondition !== b.typeCondition) return false;
      // graphql-js collects a repeated fragment where it stands; the gateway merges it into the first.
      const key = `${a.typeCondition ?? ''} ${directives}`;
      if (fragmentKeys.has(key)) return false;
      fragmentKeys.add(key);
      let apiNext = clientType;
      let subgraphNext = subgraphType;
      if (a.typeCondition && a.typeCondition !== clientType.name) {
        const apiCondition = client.schema.getType(a.typeCondition);
        const subgraphCondition = subgraph.schema.getType(a.typeCondition);
        // Only an object type narrowing an abstract one: the same test (`__typename` equals it) on both sides.
        if (!isAbstractType(clientType) || !isObjectType(apiCondition) || !isObjectType(subgraphCondition) || !typenameSelected) return false;
        if (!sameType(apiCondition, subgraphCondition, client.schema, subgraph.schema)) return false;
        apiNext = apiCondition;
        subgraphNext = subgraphCondition;
      }
      if (!sameSelections(a.selectionSet, apiNext, client, b.selectionSet, subgraphNext, subgraph, conditionVariables)) return false;
    }
  }
  return true;
}

const isComposite = (type: GraphQLNamedType): type is GraphQLCompositeType => isObjectType(type) || isInterfaceType(type) || isUnionType(type);

/**
 * Whatever the subgraph may return for `subgraphType` the gateway takes unchanged as `apiType`: the same kind, every
 * enum value the subgraph knows visible in the API, every object an abstract type may resolve to an object there too.
 */
function sameType(apiType: GraphQLNamedType, subgraphType: GraphQLNamedType, apiSchema: GraphQLSchema, subgraphSchema: GraphQLSchema): boolean {
  if (apiType.name !== subgraphType.name) return false;
  if (isObjectType(apiType)) return isObjectType(subgraphType);
  if (isScalarType(apiType)) return isScalarType(subgraphType);
  if (isEnumType(apiType)) return isEnumType(subgraphType) && subgraphType.getValues().every((v) => apiType.getValue(v.name) !== undefined);
  if (isInputObjectType(apiType) || !isAbstractType(apiType) || !isAbstractType(subgraphType)) return false;
  if (isInterfaceType(apiType) !== isInterfaceType(subgraphType)) return false;
  return subgraphSchema.getPossibleTypes(subgraphType).every((possible) => {
    const visible = apiSchema.getType(possible.name);
    return isObjectType(visible) && apiSchema.isSubType(apiType, visible);
  });
}
