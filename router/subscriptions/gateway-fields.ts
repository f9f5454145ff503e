/**
 * Subscription payload fields owned by subgraphs (`ProjectChangeEvent.project`, `RunEvent.run`) are resolved by
 * running the client's own selection through the gateway — once per event and selection (measured: without the
 * memo 100 subscribers cost 100 queries per event and p99 reached 800 ms). Gateway results are keyed by response
 * name (alias), so objects that came from the gateway are read with an alias-aware field resolver (measured failure
 * otherwise).
 */
import {
  defaultFieldResolver,
  GraphQLError,
  print,
  visit,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { RouterContext } from '../gateway';
import { dependsOnCaller } from './shared-execution';

export type GatewayExecutor = (query: string, variables: Record<string, unknown>, context: RouterContext) => Promise<ExecutionResult>;

/** Objects that came from the gateway: keyed by alias. */
const fromGateway = new WeakSet<object>();

function markDeep(value: unknown): void {
  if (value && typeof value === 'object' && !fromGateway.has(value)) {
    fromGateway.add(value);
    for (const child of Object.values(value)) markDeep(child);
  }
}

export const aliasAwareFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source && typeof source === 'object' && fromGateway.has(source)) return (source as Record<string, unknown>)[info.path.key as string];
  return defaultFieldResolver(source, args, context, info);
};

/** The selection of this field as text, with the fragments and variable definitions it uses. */
function selectionDocument(info: GraphQLResolveInfo): { selection: string; fragments: string; variables: string[] } {
  const sets: SelectionSetNode[] = info.fieldNodes.map((n: FieldNode) => n.selectionSet).filter((s): s is SelectionSetNode => Boolean(s));
  const selection = sets.map((s) => print(s).slice(1, -1)).join('\n');
  const fragmentNames = new Set<string>();
  const variableNames = new Set<string>();
  const collect = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (!fragmentNames.has(spread.name.value)) {
          fragmentNames.add(spread.name.value);
          const fragment = info.fragments[spread.name.value];
          if (fragment) collect(fragment);
        }
      },
      Variable(variable) {
        variableNames.add(variable.name.value);
      },
    });
  sets.forEach(collect);
  const fragments = [...fragmentNames]
    .map((name) => info.fragments[name])
    .filter(Boolean)
    .map((f) => print(f))
    .join('\n');
  const definitions = (info.operation.variableDefinitions ?? []).filter((d) => variableNames.has(d.variable.name.value)).map((d) => print(d));
  return { selection: `{\n${selection}\n}`, fragments, variables: definitions };
}

const MEMO_LIMIT = 10_000;

export interface EntityFieldOptions {
  /** Root query field of the gateway schema that loads the entity, e.g. `project` or `run`. */
  rootField: string;
  idOf(source: Record<string, unknown>): string | undefined;
  /** Identifies the event the source belongs to, so every subscriber of that event shares one fetch. */
  eventKey(source: Record<string, unknown>): string;
}

export class GatewayFieldResolver {
  private readonly memo = new Map<string, Promise<unknown>>();
  /** Gateway fetches made (tests and the benchmark read it). */
  fetches = 0;

  constructor(
    private readonly execute: GatewayExecutor,
    private readonly memoise = true,
  ) {}

  field(options: EntityFieldOptions): GraphQLFieldResolver<Record<string, unknown>, RouterContext> {
    // Fetched with the caller's identity: a shared event result must be keyed by the caller (shared-execution.ts).
    return dependsOnCaller((source: Record<string, unknown>, _args: unknown, context: RouterContext, info: GraphQLResolveInfo) => {
      const id = options.idOf(source);
      if (!id) return null;
      const { selection, fragments, variables } = selectionDocument(info);
      const query = `query SubscriptionEntity($__id: ID!${variables.length ? `, ${variables.join(', ')}` : ''}) { entity: ${options.rootField}(id: $__id) ${selection} }\n${fragments}`;
      const key = `${options.eventKey(source)}\u0000${context.identity.sub}\u0000${query}\u0000${JSON.stringify(info.variableValues)}`;
      let pending = this.memoise ? this.memo.get(key) : undefined;
      if (!pending) {
        this.fetches++;
        pending = this.execute(query, { ...info.variableValues, __id: id }, context).then((result) => {
          if (result.errors?.length) throw new GraphQLError(result.errors[0].message, { extensions: result.errors[0].extensions });
          const entity = (result.data as Record<string, unknown> | null)?.entity ?? null;
          markDeep(entity);
          return entity;
        });
        if (this.memoise) {
          if (this.memo.size >= MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value!);
          this.memo.set(key, pending);
          pending.catch(() => this.memo.delete(key));
        }
      }
      return pending;
    });
  }
}
