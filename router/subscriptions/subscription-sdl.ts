/**
 * The part of schema/subscriptions.graphql that fits a given API schema. Our subscriptions name types of our own
 * subgraphs (`Project`, `WorkflowRun`, `DateTime`, …); on another supergraph those may be missing, or a type of ours
 * may already exist there under the same name. A type of the file is kept only when every type it names exists
 * (in the API schema or among the kept types of the file) and its name is free; a subscription field only when its
 * result and argument types are kept, and only the types those fields reach. Nothing left: no extension at all.
 */
import { Kind, type DefinitionNode, type DocumentNode, type FieldDefinitionNode, type GraphQLSchema, type TypeNode } from 'graphql';

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

const typesOf = (field: FieldDefinitionNode) => [namedType(field.type), ...(field.arguments ?? []).map((a) => namedType(a.type))];

type TypeDefinition = Extract<DefinitionNode, { kind: Kind.OBJECT_TYPE_DEFINITION | Kind.ENUM_TYPE_DEFINITION }>;

export function fittingSubscriptions(sdl: DocumentNode, apiSchema: GraphQLSchema): DocumentNode | undefined {
  // A supergraph that has its own subscription root keeps it; ours would collide.
  if (apiSchema.getSubscriptionType() || apiSchema.getType('Subscription')) return undefined;
  const definitions = sdl.definitions.filter((d): d is TypeDefinition => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.ENUM_TYPE_DEFINITION);
  const root = definitions.find((d) => d.name.value === 'Subscription');
  const defined = new Set(definitions.map((d) => d.name.value));
  // A name the file defines means the file's type: another supergraph's type of that name is not ours to use.
  const inApi = (name: string) => !defined.has(name) && apiSchema.getType(name) !== undefined;
  let kept = definitions.filter((d) => d !== root && !apiSchema.getType(d.name.value));
  // Drop types that name a missing type until nothing changes (a dropped type can orphan another).
  for (let changed = true; changed; ) {
    const names = new Set(kept.map((d) => d.name.value));
    const exists = (name: string) => names.has(name) || inApi(name);
    const next = kept.filter((d) => d.kind === Kind.ENUM_TYPE_DEFINITION || (d.fields ?? []).every((f) => typesOf(f).every(exists)));
    changed = next.length !== kept.length;
    kept = next;
  }
  const names = new Set(kept.map((d) => d.name.value));
  const exists = (name: string) => names.has(name) || inApi(name);
  if (root?.kind !== Kind.OBJECT_TYPE_DEFINITION) return undefined;
  const fields = (root.fields ?? []).filter((f) => typesOf(f).every(exists));
  if (fields.length === 0) return undefined;
  // Only the types the kept fields reach: no stray event types in someone else's schema.
  const byName = new Map(kept.map((d) => [d.name.value, d]));
  const reached = new Set<string>();
  const reach = (name: string) => {
    const definition = byName.get(name);
    if (!definition || reached.has(name)) return;
    reached.add(name);
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) for (const field of definition.fields ?? []) typesOf(field).forEach(reach);
  };
  for (const field of fields) typesOf(field).forEach(reach);
  const schemaExtensions = sdl.definitions.filter((d) => d.kind === Kind.SCHEMA_EXTENSION);
  return { kind: Kind.DOCUMENT, definitions: [...schemaExtensions, ...kept.filter((d) => reached.has(d.name.value)), { ...root, fields }] };
}
