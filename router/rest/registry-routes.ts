/**
 * The component library and templates (component registry): the gateway's GET /components/library and the
 * registry's own CRUD routes, which the original gateway forgot to forward.
 */
import { deletionRoute } from './deletion-route';
import { RestError } from './envelope';
import { storedOperation, type GatewayCall } from './gateway-call';
import {
  COMPONENT_FIELDS,
  componentKinds,
  legacyComponents,
  legacyConnection,
  legacyKey,
  libraryEntry,
  libraryMap,
  type GqlComponent,
  type GqlConnection,
  type GqlNode,
} from './legacy-shapes';
import type { RouteGroup, RouteSpec } from './route-table';
import {
  anyJson,
  arrayOf,
  bool,
  int,
  jsonObject,
  libraryEntry as libraryEntrySchema,
  mapOf,
  nonEmpty,
  nullable,
  obj,
  position,
  str,
  template as templateSchema,
} from './schemas';
import type { JsonSchema } from './validation';

const LIBRARY = storedOperation(
  'LegacyLibrary',
  `query LegacyLibrary($category: String, $search: String, $deprecated: Boolean) { categories components(category: $category, search: $search, includeDeprecated: $deprecated) { ...LegacyComponentFields } } ${COMPONENT_FIELDS}`,
);
const COMPONENT = storedOperation('LegacyComponent', `query LegacyComponent($id: ID!) { component(id: $id) { ...LegacyComponentFields } } ${COMPONENT_FIELDS}`);
const CREATE_COMPONENT = storedOperation(
  'LegacyCreateComponent',
  `mutation LegacyCreateComponent($input: ComponentInput!) { createComponent(input: $input) { ...LegacyComponentFields } } ${COMPONENT_FIELDS}`,
);
const UPDATE_COMPONENT = storedOperation(
  'LegacyUpdateComponent',
  `mutation LegacyUpdateComponent($id: ID!, $input: ComponentUpdateInput!) { updateComponent(id: $id, input: $input) { ...LegacyComponentFields } } ${COMPONENT_FIELDS}`,
);
const DELETE_COMPONENT = storedOperation('LegacyDeleteComponent', `mutation LegacyDeleteComponent($id: ID!) { deleteComponent(id: $id) { id deleted } }`);

const TEMPLATE_FIELDS = `
  fragment LegacyTemplateFields on Template {
    id name description categories builtin sampleInputs expectedOutputs
    nodes { id componentId componentVersion label position { x y } config }
    connections { id sourceId sourcePort targetId targetPort }
  }`;
const TEMPLATES = storedOperation(
  'LegacyTemplates',
  `query LegacyTemplates($category: String) { templates(category: $category) { ...LegacyTemplateFields } } ${TEMPLATE_FIELDS}`,
);
const TEMPLATE = storedOperation('LegacyTemplate', `query LegacyTemplate($id: ID!) { template(id: $id) { ...LegacyTemplateFields } } ${TEMPLATE_FIELDS}`);
const CREATE_TEMPLATE = storedOperation(
  'LegacyCreateTemplate',
  `mutation LegacyCreateTemplate($input: TemplateInput!) { createTemplate(input: $input) { ...LegacyTemplateFields } } ${TEMPLATE_FIELDS}`,
);
const UPDATE_TEMPLATE = storedOperation(
  'LegacyUpdateTemplate',
  `mutation LegacyUpdateTemplate($id: ID!, $input: TemplateUpdateInput!) { updateTemplate(id: $id, input: $input) { ...LegacyTemplateFields } } ${TEMPLATE_FIELDS}`,
);
const DELETE_TEMPLATE = storedOperation('LegacyDeleteTemplate', `mutation LegacyDeleteTemplate($id: ID!) { deleteTemplate(id: $id) { id deleted } }`);

interface GqlTemplate {
  id: string;
  name: string;
  description: string;
  categories: string[];
  builtin: boolean;
  sampleInputs: unknown;
  expectedOutputs: unknown;
  nodes: GqlNode[];
  connections: GqlConnection[];
}

// ---- components ------------------------------------------------------------------------------------------------

const portInput = {
  anyOf: [
    str('A port name (type any)'),
    obj({ name: nonEmpty(), type: str(undefined, { default: 'any' }), required: bool(), multiple: bool(), description: nullable(str()) }, ['name']),
  ],
};
const componentBody = (create: boolean): JsonSchema =>
  obj(
    {
      ...(create ? { id: nonEmpty('Component id (letters, digits, _, -, /)', 100) } : {}),
      name: nonEmpty(),
      category: nonEmpty('Must match the category in the path'),
      description: str(),
      ports: obj({ inputs: arrayOf(portInput), outputs: arrayOf(portInput) }),
      metadata: obj(
        {
          description: str(),
          version: str(),
          icon: nullable(str()),
          color: nullable(str()),
          deprecated: bool(),
          config_schema: jsonObject('JSON Schema of the config'),
        },
        [],
        { open: true },
      ),
      default_config: jsonObject('Config defaults (kept as the config schema property defaults)'),
    },
    create ? ['id', 'name'] : [],
    { open: true },
  );

type PortBody = string | { name: string; type?: string; required?: boolean; multiple?: boolean; description?: string | null };
const toPort = (p: PortBody) =>
  typeof p === 'string'
    ? { name: p, type: 'any' }
    : { name: p.name, type: p.type ?? 'any', required: p.required ?? false, multiple: p.multiple ?? false, description: p.description ?? null };

function configSchemaOf(body: any): Record<string, unknown> | undefined {
  const schema = body.metadata?.config_schema ? { ...body.metadata.config_schema } : body.default_config ? { type: 'object' } : undefined;
  if (!schema || !body.default_config) return schema;
  const properties: Record<string, any> = { ...(schema.properties ?? {}) };
  for (const [key, value] of Object.entries(body.default_config as Record<string, unknown>)) properties[key] = { ...(properties[key] ?? {}), default: value };
  return { ...schema, properties };
}

function componentFields(body: any, category: string) {
  if (body.category !== undefined && body.category !== category) {
    throw new RestError(400, 'BAD_USER_INPUT', `category "${body.category}" does not match the path's category "${category}"`, { field: 'category' });
  }
  const meta = body.metadata ?? {};
  const fields: Record<string, unknown> = {
    name: body.name,
    category,
    description: body.description ?? meta.description,
    version: meta.version,
    inputs: body.ports?.inputs?.map(toPort),
    outputs: body.ports?.outputs?.map(toPort),
    configSchema: configSchemaOf(body),
    icon: meta.icon,
    color: meta.color,
    deprecated: meta.deprecated,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

async function componentIn(call: GatewayCall, category: string, id: string): Promise<GqlComponent> {
  const { component } = await call<{ component: GqlComponent | null }>(COMPONENT, { id });
  if (!component || component.category !== category)
    throw new RestError(404, 'NOT_FOUND', `Component "${id}" not found in category "${category}"`, { component_id: id, category });
  return component;
}

const withKey = (c: GqlComponent) => ({ component_id: legacyKey(c, c.id), ...libraryEntry(c) });
const keyedEntry = obj({ component_id: str('Library key'), ...((libraryEntrySchema.properties ?? {}) as Record<string, JsonSchema>) }, [
  'component_id',
  'name',
  'ports',
  'metadata',
]);

const componentRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/components/library',
    operationId: 'componentLibrary',
    tag: 'components',
    summary: 'The whole library by category',
    query: obj({ search: str('Only components whose id, name or description contain this'), include_deprecated: bool(undefined, { default: false }) }),
    response: obj({ categories: mapOf(mapOf(libraryEntrySchema), 'category → library key → component'), total: int() }, ['categories', 'total']),
    errors: [],
    async handle({ query, call }) {
      const { components } = await call<{ components: GqlComponent[] }>(LIBRARY, { search: query.search ?? null, deprecated: query.include_deprecated });
      const categories: Record<string, Record<string, unknown>> = {};
      for (const c of components) (categories[c.category] ??= {})[legacyKey(c, c.id)] = libraryEntry(c);
      return { data: { categories, total: components.length } };
    },
  },
  {
    method: 'get',
    path: '/components/{category}',
    operationId: 'componentsInCategory',
    tag: 'components',
    summary: "One category's components",
    response: obj({ category: str(), components: mapOf(libraryEntrySchema), count: int() }, ['category', 'components', 'count']),
    errors: [404],
    async handle({ params, call }) {
      const data = await call<{ categories: string[]; components: GqlComponent[] }>(LIBRARY, { category: params.category });
      if (!data.categories.includes(params.category))
        throw new RestError(404, 'NOT_FOUND', `Category "${params.category}" not found; categories: ${data.categories.join(', ')}`, {
          categories: data.categories,
        });
      return { data: { category: params.category, components: libraryMap(data.components), count: data.components.length } };
    },
  },
  {
    method: 'get',
    path: '/components/{category}/{component_id}',
    operationId: 'getComponent',
    tag: 'components',
    summary: 'A component (by library key such as llm, or by id; encode "/" as %2F)',
    response: keyedEntry,
    errors: [404],
    handle: async ({ params, call }) => ({ data: withKey(await componentIn(call, params.category, params.component_id)) }),
  },
  {
    method: 'post',
    path: '/components/{category}',
    operationId: 'createComponent',
    tag: 'components',
    summary: 'Register a custom component in a category',
    body: componentBody(true),
    response: keyedEntry,
    errors: [409],
    async handle({ params, body, call }) {
      const data = await call<{ createComponent: GqlComponent }>(CREATE_COMPONENT, { input: { id: body.id, ...componentFields(body, params.category) } });
      return { data: withKey(data.createComponent), message: 'Component created' };
    },
  },
  {
    method: 'put',
    path: '/components/{category}/{component_id}',
    operationId: 'updateComponent',
    tag: 'components',
    summary: 'Change a custom component (built-ins are read-only: 403)',
    body: componentBody(false),
    response: keyedEntry,
    errors: [403, 404],
    async handle({ params, body, call }) {
      const current = await componentIn(call, params.category, params.component_id);
      const fields = componentFields({ ...body, category: body.category ?? params.category }, body.category ?? params.category);
      const data = await call<{ updateComponent: GqlComponent }>(UPDATE_COMPONENT, { id: current.id, input: fields });
      return { data: withKey(data.updateComponent), message: 'Component updated' };
    },
  },
  deletionRoute({
    path: '/components/{category}/{component_id}',
    operationId: 'deleteComponent',
    tag: 'components',
    summary: 'Remove a custom component (built-ins: 403)',
    idParam: 'component_id',
    operation: DELETE_COMPONENT,
    errors: [403, 404],
    message: 'Component deleted',
    resolveId: async ({ params, call }) => (await componentIn(call, params.category, params.component_id)).id,
  }),
];

// ---- templates -------------------------------------------------------------------------------------------------

const legacyComponentBody = obj(
  { id: str(), component_id: nonEmpty(), type: str(), position, config: jsonObject(), label: nullable(str()), metadata: jsonObject() },
  ['component_id'],
  { open: true },
);
const legacyConnectionBody = obj(
  { id: str(), source: nonEmpty(), target: nonEmpty(), source_port: nonEmpty(), target_port: nonEmpty() },
  ['source', 'target', 'source_port', 'target_port'],
  { open: true },
);
const templateBody = (create: boolean): JsonSchema =>
  obj(
    {
      ...(create ? { id: nonEmpty('Template id', 100) } : {}),
      name: nonEmpty(),
      description: str(),
      categories: arrayOf(str()),
      components: { anyOf: [mapOf(legacyComponentBody), arrayOf(legacyComponentBody)], description: 'Instance id → component, or a list with ids' },
      connections: arrayOf(legacyConnectionBody),
      metadata: obj({ sample_inputs: anyJson(), expected_outputs: anyJson() }, [], { open: true }),
    },
    create ? ['id', 'name', 'components', 'connections'] : [],
    { open: true },
  );

function legacyGraph(body: any) {
  const entries: [string, any][] = Array.isArray(body.components)
    ? body.components.map((c: any, i: number) => [c.id ?? `n${i + 1}`, c])
    : Object.entries(body.components ?? {});
  const nodes = entries.map(([id, c], i) => ({
    id,
    componentId: c.component_id,
    position: c.position ?? { x: i * 200, y: 0 },
    config: c.config ?? {},
    label: c.label ?? c.metadata?.label ?? null,
  }));
  const connections = (body.connections ?? []).map((c: any, i: number) => ({
    id: c.id ?? `c${i + 1}`,
    sourceId: c.source,
    sourcePort: c.source_port,
    targetId: c.target,
    targetPort: c.target_port,
  }));
  return { nodes, connections };
}

function templateFields(body: any) {
  const fields: Record<string, unknown> = {
    name: body.name,
    description: body.description,
    categories: body.categories,
    graph: body.components !== undefined || body.connections !== undefined ? legacyGraph(body) : undefined,
    sampleInputs: body.metadata?.sample_inputs,
    expectedOutputs: body.metadata?.expected_outputs,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

async function legacyTemplates(call: GatewayCall, templates: GqlTemplate[]) {
  const kinds = await componentKinds(call, templates);
  return templates.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    categories: t.categories,
    components: legacyComponents(t.nodes, kinds),
    connections: t.connections.map(legacyConnection),
    metadata: { builtin: t.builtin, sample_inputs: t.sampleInputs, expected_outputs: t.expectedOutputs },
  }));
}

async function oneTemplate(call: GatewayCall, template: GqlTemplate) {
  return (await legacyTemplates(call, [template]))[0];
}

const templateRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/templates',
    operationId: 'listTemplates',
    tag: 'templates',
    summary: 'Built-in and custom templates',
    query: obj({ category: str('Only templates in this category') }),
    response: obj({ templates: arrayOf(templateSchema), categories: arrayOf(str()), count: int() }, ['templates', 'categories', 'count']),
    errors: [],
    async handle({ query, call }) {
      const { templates } = await call<{ templates: GqlTemplate[] }>(TEMPLATES, { category: query.category ?? null });
      const categories = [...new Set(templates.flatMap((t) => t.categories))].sort();
      return { data: { templates: await legacyTemplates(call, templates), categories, count: templates.length } };
    },
  },
  {
    method: 'get',
    path: '/templates/{template_id}',
    operationId: 'getTemplate',
    tag: 'templates',
    summary: 'A template',
    response: templateSchema,
    errors: [404],
    async handle({ params, call }) {
      const { template } = await call<{ template: GqlTemplate | null }>(TEMPLATE, { id: params.template_id });
      if (!template) throw new RestError(404, 'NOT_FOUND', `Template "${params.template_id}" not found`, { template_id: params.template_id });
      return { data: await oneTemplate(call, template) };
    },
  },
  {
    method: 'post',
    path: '/templates',
    operationId: 'createTemplate',
    tag: 'templates',
    summary: 'Store a custom template (its graph is validated: 422 when invalid)',
    body: templateBody(true),
    response: templateSchema,
    errors: [409, 422],
    async handle({ body, call }) {
      const data = await call<{ createTemplate: GqlTemplate }>(CREATE_TEMPLATE, { input: { id: body.id, ...templateFields(body) } });
      return { data: await oneTemplate(call, data.createTemplate), message: 'Template created' };
    },
  },
  {
    method: 'put',
    path: '/templates/{template_id}',
    operationId: 'updateTemplate',
    tag: 'templates',
    summary: 'Change a custom template (built-ins: 403)',
    body: templateBody(false),
    response: templateSchema,
    errors: [403, 404, 422],
    async handle({ params, body, call }) {
      const data = await call<{ updateTemplate: GqlTemplate }>(UPDATE_TEMPLATE, { id: params.template_id, input: templateFields(body) });
      return { data: await oneTemplate(call, data.updateTemplate), message: 'Template updated' };
    },
  },
  deletionRoute({
    path: '/templates/{template_id}',
    operationId: 'deleteTemplate',
    tag: 'templates',
    summary: 'Remove a custom template (built-ins: 403)',
    idParam: 'template_id',
    operation: DELETE_TEMPLATE,
    errors: [403, 404],
    message: 'Template deleted',
  }),
];

export const registryRoutes: RouteGroup = () => [...componentRoutes, ...templateRoutes];
