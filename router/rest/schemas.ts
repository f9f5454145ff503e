/** JSON Schema building blocks for the legacy routes (validation and OpenAPI alike). */
import type { JsonSchema } from './validation';

export const str = (description?: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...(description ? { description } : {}), ...extra });
export const nonEmpty = (description?: string, maxLength = 200): JsonSchema => str(description, { minLength: 1, maxLength });
export const num = (description?: string): JsonSchema => ({ type: 'number', ...(description ? { description } : {}) });
export const int = (description?: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
export const bool = (description?: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'boolean', ...(description ? { description } : {}), ...extra });
export const anyJson = (description?: string): JsonSchema => (description ? { description } : {});
export const jsonObject = (description?: string): JsonSchema => ({ type: 'object', ...(description ? { description } : {}) });
export const arrayOf = (items: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({ type: 'array', items, ...extra });
export const mapOf = (values: JsonSchema, description?: string): JsonSchema => ({
  type: 'object',
  additionalProperties: values,
  ...(description ? { description } : {}),
});
export const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type as string, 'null'] });

/** An object schema. Requests may carry fields the original clients sent that we do not use: `open` allows them. */
export function obj(properties: Record<string, JsonSchema>, required: string[] = [], options: { open?: boolean; description?: string } = {}): JsonSchema {
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    ...(options.open ? {} : { additionalProperties: false }),
    ...(options.description ? { description: options.description } : {}),
  };
}

export const position = obj({ x: num(), y: num() }, ['x', 'y']);
export const idField = (what: string) => nonEmpty(`Id of the ${what}`, 200);

/** `?limit=&offset=` */
export const pagination = (maxLimit = 100): Record<string, JsonSchema> => ({
  limit: int(`At most this many (1–${maxLimit})`, { minimum: 1, maximum: maxLimit, default: 20 }),
  offset: int('Skip this many first (at most 10000)', { minimum: 0, maximum: 10_000, default: 0 }),
});

export const port = obj(
  { name: str(), type: str('any, string, number, boolean, object, array or array<T>'), required: bool(), multiple: bool(), description: nullable(str()) },
  ['name', 'type'],
);

/** A component as the original library listed it. */
export const libraryEntry = obj(
  {
    name: str(),
    category: str(),
    ports: obj({ inputs: arrayOf(port), outputs: arrayOf(port) }),
    default_config: jsonObject('Defaults from the config schema'),
    metadata: obj(
      {
        id: str('Canonical id, e.g. core/llm'),
        version: str(),
        description: str(),
        icon: nullable(str()),
        color: nullable(str()),
        builtin: bool(),
        deprecated: bool(),
        legacy_ids: arrayOf(str()),
        config_schema: jsonObject(),
      },
      [],
      { open: true },
    ),
  },
  ['name', 'ports', 'metadata'],
);

export const projectComponent = obj(
  {
    type: str('Category of the component (logic, data, ai, …)'),
    component_id: str('Library key of the component (the original key where one exists, e.g. llm)'),
    position,
    config: jsonObject(),
    metadata: obj({ label: nullable(str()), component_version: str(), canonical_id: str() }, [], { open: true }),
  },
  ['type', 'component_id', 'position', 'config'],
);

export const projectConnection = obj({ id: str(), source: str(), target: str(), source_port: str(), target_port: str() }, [
  'source',
  'target',
  'source_port',
  'target_port',
]);

export const project = obj(
  {
    id: str(),
    name: str(),
    description: str(),
    agent_id: nullable(str()),
    template_id: nullable(str()),
    components: mapOf(projectComponent, 'Instance id → component instance'),
    connections: arrayOf(projectConnection),
    metadata: obj(
      {
        created_at: str(),
        updated_at: str(),
        status: str('draft, development, testing, deployed or archived', { enum: ['draft', 'development', 'testing', 'deployed', 'archived'] }),
        version: int(),
      },
      ['created_at', 'status', 'version'],
      { open: true },
    ),
  },
  ['id', 'name', 'description', 'components', 'connections', 'metadata'],
);

export const template = obj(
  {
    id: str(),
    name: str(),
    description: str(),
    categories: arrayOf(str()),
    components: mapOf(projectComponent),
    connections: arrayOf(projectConnection),
    metadata: obj({ builtin: bool(), sample_inputs: anyJson(), expected_outputs: anyJson() }, [], { open: true }),
  },
  ['id', 'name', 'description', 'categories', 'components', 'connections', 'metadata'],
);

export const deleted = (idName: string) => obj({ status: str(undefined, { enum: ['deleted'] }), [idName]: str() }, ['status', idName]);
