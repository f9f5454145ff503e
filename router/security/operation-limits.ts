/**
 * Per-operation limits as GraphQL validation rules, so they run before any resolver or subgraph call — on HTTP,
 * over graphql-ws and in the REST shim alike: depth, aliases and a simple cost (every selected field counts 1, __typename included;
 * fragments expanded where they are spread, so a fragment bomb costs what it expands to). Tokens are capped at
 * parse time (graphql's `maxTokens`).
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

const limitError = (message: string, extensions: Record<string, unknown>) => new GraphQLError(message, { extensions: { code: 'LIMIT_EXCEEDED', ...extensions } });

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
}

/** Walks a selection set with fragments expanded; stops early once a limit is passed (bombs are refused cheaply). */
function measure(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, limits: SecurityConfig): Measure {
  const total: Measure = { depth: 0, cost: 0, aliases: 0 };
  const over = () => total.depth > limits.maxDepth || total.cost > limits.maxCost || total.aliases > limits.maxAliases;
  const visit = (set: SelectionSetNode, depth: number, expanding: Set<string>) => {
    for (const selection of set.selections) {
      if (over()) return;
      if (selection.kind === Kind.FIELD) {
        total.cost++; // __typename too: otherwise a fragment tree ending in it expands for free

        if (selection.alias) total.aliases++;
        total.depth = Math.max(total.depth, depth + 1);
        if (selection.selectionSet) visit(selection.selectionSet, depth + 1, expanding);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, depth, expanding);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || expanding.has(name)) continue; // unknown or cyclic: graphql's own rules report those
        visit(fragment.selectionSet, depth, new Set(expanding).add(name));
      }
    }
  };
  visit(selectionSet, 0, new Set());
  return total;
}

/**
 * Operations the gateway would only reject while planning (reported there as internal errors): a root type the API
 * does not have over this transport (subscriptions are served over WebSocket) and number literals that are not finite.
 */
const plannableOperation: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This endpoint has no ${node.operation} operations${node.operation === 'subscription' ? '; subscribe over WebSocket (graphql-ws) at /graphql' : ''}`, { nodes: [node], extensions: { code: 'BAD_REQUEST' } }));
    }
  },
  FloatValue(node) {
    if (!Number.isFinite(Number(node.value))) context.reportError(new GraphQLError(`The number ${node.value.slice(0, 30)} is out of range`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
  },
});

export function operationLimitRules(limits: SecurityConfig): ValidationRule[] {
  const operationLimits: ValidationRule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = Object.fromEntries(context.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
      const found = measure(node.selectionSet, fragments, limits);
      if (found.depth > limits.maxDepth) context.reportError(limitError(`The operation is deeper than ${limits.maxDepth} levels`, { limit: 'depth', max: limits.maxDepth }));
      if (found.aliases > limits.maxAliases) context.reportError(limitError(`The operation uses more than ${limits.maxAliases} aliases`, { limit: 'aliases', max: limits.maxAliases }));
      if (found.cost > limits.maxCost) context.reportError(limitError(`The operation selects more than ${limits.maxCost} fields`, { limit: 'cost', max: limits.maxCost }));
    },
  });
  return limits.introspection ? [operationLimits, plannableOperation] : [operationLimits, plannableOperation, NoSchemaIntrospectionCustomRule];
}
