/**
 * Per-operation limits as GraphQL validation rules, so they run before any resolver or subgraph call — on HTTP,
 * over graphql-ws and in the REST shim alike: depth, aliases and a simple cost (every selected field counts 1, __typename included;
 * fragments expanded where they are spread, so a fragment bomb costs what it expands to), with introspection
 * (__schema / __type subtrees) measured apart under INTROSPECTION_LIMITS. Tokens are capped at parse time
 * (graphql's `maxTokens`).
 */
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { SecurityConfig } from '../../platform/config';

const limitError = (message: string, extensions: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: 'LIMIT_EXCEEDED', ...extensions } });

/**
 * Introspection is limited on its own terms (as graphql-armor and Apollo Router do), not by the operation depth: the
 * standard introspection query (graphql's getIntrospectionQuery with every option: 229 fields, 15 levels, lists
 * nested 3 deep in types → fields → args) must pass, while a hostile one (ofType chains 50 deep, types → fields →
 * type → fields … lists multiplying the answer, many aliased __schema roots) is refused. The answer is bounded by
 * the schema's size times these numbers.
 */
export const INTROSPECTION_LIMITS = {
  /** __schema / __type fields per operation. */
  roots: 3,
  /** Levels below and including __schema / __type (the standard query needs 15). */
  depth: 20,
  /** List-valued introspection fields (types, fields, args, interfaces, …) nested on one path (the standard query needs 3). */
  lists: 3,
  /** Introspection fields selected, fragments expanded (the standard query selects 229). */
  fields: 1_000,
} as const;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
const INTROSPECTION_LISTS = new Set(['types', 'directives', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'locations']);

interface Measure {
  /** Of the operation without its introspection subtrees. */
  depth: number;
  cost: number;
  aliases: number;
  introspection: { roots: number; depth: number; lists: number; fields: number };
}

/** Where a walk is: depth outside introspection, or inside one introspection subtree. */
interface Position {
  depth: number;
  introspection?: { depth: number; lists: number };
}

/** Walks a selection set with fragments expanded; stops early once a limit is passed (bombs are refused cheaply). */
function measure(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, limits: SecurityConfig): Measure {
  const total: Measure = { depth: 0, cost: 0, aliases: 0, introspection: { roots: 0, depth: 0, lists: 0, fields: 0 } };
  const intro = total.introspection;
  const over = () =>
    total.depth > limits.maxDepth ||
    total.cost > limits.maxCost ||
    total.aliases > limits.maxAliases ||
    intro.roots > INTROSPECTION_LIMITS.roots ||
    intro.depth > INTROSPECTION_LIMITS.depth ||
    intro.lists > INTROSPECTION_LIMITS.lists ||
    intro.fields > INTROSPECTION_LIMITS.fields;
  const visit = (set: SelectionSetNode, at: Position, expanding: Set<string>) => {
    for (const selection of set.selections) {
      if (over()) return;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) total.aliases++;
        const name = selection.name.value;
        let next: Position;
        if (at.introspection || INTROSPECTION_ROOTS.has(name)) {
          if (!at.introspection) intro.roots++;
          intro.fields++;
          const depth = (at.introspection?.depth ?? 0) + 1;
          const lists = (at.introspection?.lists ?? 0) + (INTROSPECTION_LISTS.has(name) ? 1 : 0);
          intro.depth = Math.max(intro.depth, depth);
          intro.lists = Math.max(intro.lists, lists);
          next = { depth: at.depth, introspection: { depth, lists } };
        } else {
          total.cost++; // __typename too: otherwise a fragment tree ending in it expands for free
          total.depth = Math.max(total.depth, at.depth + 1);
          next = { depth: at.depth + 1 };
        }
        if (selection.selectionSet) visit(selection.selectionSet, next, expanding);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, at, expanding);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || expanding.has(name)) continue; // unknown or cyclic: graphql's own rules report those
        visit(fragment.selectionSet, at, new Set(expanding).add(name));
      }
    }
  };
  visit(selectionSet, { depth: 0 }, new Set());
  return total;
}

/**
 * Operations the gateway would only reject while planning (reported there as internal errors): a root type the API
 * does not have over this transport (subscriptions are served over WebSocket) and number literals that are not finite.
 */
const plannableOperation: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(
          `This endpoint has no ${node.operation} operations${node.operation === 'subscription' ? '; subscribe over WebSocket (graphql-ws) at /graphql' : ''}`,
          { nodes: [node], extensions: { code: 'BAD_REQUEST' } },
        ),
      );
    }
  },
  FloatValue(node) {
    if (!Number.isFinite(Number(node.value)))
      context.reportError(new GraphQLError(`The number ${node.value.slice(0, 30)} is out of range`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
  },
});

export function operationLimitRules(limits: SecurityConfig): ValidationRule[] {
  const operationLimits: ValidationRule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = Object.fromEntries(
        context
          .getDocument()
          .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      const found = measure(node.selectionSet, fragments, limits);
      if (found.depth > limits.maxDepth)
        context.reportError(limitError(`The operation is deeper than ${limits.maxDepth} levels`, { limit: 'depth', max: limits.maxDepth }));
      if (found.aliases > limits.maxAliases)
        context.reportError(limitError(`The operation uses more than ${limits.maxAliases} aliases`, { limit: 'aliases', max: limits.maxAliases }));
      if (found.cost > limits.maxCost)
        context.reportError(limitError(`The operation selects more than ${limits.maxCost} fields`, { limit: 'cost', max: limits.maxCost }));
      const intro = found.introspection;
      if (intro.roots > INTROSPECTION_LIMITS.roots)
        context.reportError(
          limitError(`The operation introspects more than ${INTROSPECTION_LIMITS.roots} times (__schema / __type)`, {
            limit: 'introspectionRoots',
            max: INTROSPECTION_LIMITS.roots,
          }),
        );
      if (intro.depth > INTROSPECTION_LIMITS.depth)
        context.reportError(
          limitError(`The introspection is deeper than ${INTROSPECTION_LIMITS.depth} levels`, { limit: 'introspectionDepth', max: INTROSPECTION_LIMITS.depth }),
        );
      if (intro.lists > INTROSPECTION_LIMITS.lists)
        context.reportError(
          limitError(`The introspection nests more than ${INTROSPECTION_LIMITS.lists} lists (types, fields, args, …)`, {
            limit: 'introspectionLists',
            max: INTROSPECTION_LIMITS.lists,
          }),
        );
      if (intro.fields > INTROSPECTION_LIMITS.fields)
        context.reportError(
          limitError(`The introspection selects more than ${INTROSPECTION_LIMITS.fields} fields`, {
            limit: 'introspectionFields',
            max: INTROSPECTION_LIMITS.fields,
          }),
        );
    },
  });
  return limits.introspection ? [operationLimits, plannableOperation] : [operationLimits, plannableOperation, NoSchemaIntrospectionCustomRule];
}
