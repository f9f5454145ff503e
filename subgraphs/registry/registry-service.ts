/**
 * The component catalogue and templates. Built-ins come from engine/ (the single source of truth, with behaviour);
 * custom components and templates are stored, belong to their creator, and are checked before they are accepted.
 */
import Ajv from 'ajv';
import { builtinComponents } from '../../engine/components';
import { isPortType } from '../../engine/model/ports';
import { parseGraph } from '../../engine/model/graph-schema';
import type { PortSpec } from '../../engine/model/types';
import { validateGraph, type ComponentShape } from '../../engine/model/validate';
import { builtinTemplates } from '../../engine/templates';
import { appError, badInput, notFound } from '../../platform/errors';
import type { Identity } from '../../platform/identity';
import { fromBuiltinComponent, fromBuiltinTemplate, type CatalogComponent, type CatalogTemplate } from './catalog';
import type { RegistryStore } from './registry-store';

export interface PortInput {
  name: string;
  type: string;
  required?: boolean | null;
  multiple?: boolean | null;
  description?: string | null;
}

export interface ComponentFields {
  name?: string | null;
  category?: string | null;
  description?: string | null;
  version?: string | null;
  inputs?: PortInput[] | null;
  outputs?: PortInput[] | null;
  configSchema?: unknown;
  icon?: string | null;
  color?: string | null;
  deprecated?: boolean | null;
}

export interface TemplateFields {
  name?: string | null;
  description?: string | null;
  categories?: string[] | null;
  graph?: unknown;
  sampleInputs?: unknown;
  expectedOutputs?: unknown;
}

const CUSTOM_ID = /^[a-z0-9][a-z0-9_/-]{0,99}$/i;
const CATEGORY = /^[a-z][a-z0-9_-]{0,39}$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const PORT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const schemaCompiler = new Ajv({ strict: false, allErrors: true });

export class RegistryService {
  private readonly builtins = builtinComponents.map(fromBuiltinComponent);
  private readonly builtinById = new Map<string, CatalogComponent>();
  private readonly builtinTemplates = new Map(builtinTemplates.map((t) => [t.id, fromBuiltinTemplate(t)]));

  constructor(private readonly store: RegistryStore) {
    for (const c of this.builtins) {
      this.builtinById.set(c.id, c);
      for (const legacy of c.legacyIds) this.builtinById.set(legacy, c);
    }
  }

  recordUsage(eventId: string, componentId: string): Promise<boolean> {
    return this.store.recordUsage(eventId, componentId);
  }

  usageCounts(componentIds: readonly string[]): Promise<Map<string, number>> {
    return this.store.usageCounts(componentIds);
  }

  async components(
    identity: Identity,
    filter: { category?: string | null; search?: string | null; includeDeprecated?: boolean | null },
  ): Promise<CatalogComponent[]> {
    const all = [...this.builtins, ...(await this.store.components(identity.sub))];
    const search = filter.search?.toLowerCase();
    return all.filter(
      (c) =>
        (!filter.category || c.category === filter.category) &&
        (filter.includeDeprecated || !c.deprecated) &&
        (!search || c.id.toLowerCase().includes(search) || c.name.toLowerCase().includes(search) || c.description.toLowerCase().includes(search)),
    );
  }

  async categories(identity: Identity): Promise<string[]> {
    return [...new Set((await this.components(identity, { includeDeprecated: true })).map((c) => c.category))].sort();
  }

  async componentsByIds(ids: readonly string[], identity: Identity): Promise<(CatalogComponent | null)[]> {
    const custom = await this.store.componentsByIds(
      ids.filter((id) => !this.builtinById.has(id)),
      identity.sub,
    );
    return ids.map((id) => {
      const found = this.builtinById.get(id) ?? custom.get(id);
      return found && this.visible(found, identity) ? found : null;
    });
  }

  async component(id: string, identity: Identity): Promise<CatalogComponent | null> {
    return (await this.componentsByIds([id], identity))[0];
  }

  async createComponent(input: ComponentFields & { id: string }, identity: Identity): Promise<CatalogComponent> {
    if (!CUSTOM_ID.test(input.id) || input.id.startsWith('core/')) {
      throw badInput('id must be 1–100 letters, digits, "_", "-" or "/", and must not start with "core/"', { field: 'id' });
    }
    // Only built-ins, published ids and the caller's own are looked at: another user's private ids are invisible here.
    if (this.builtinById.has(input.id) || (await this.store.componentsByIds([input.id], identity.sub)).has(input.id)) {
      throw appError('CONFLICT', `A component with id "${input.id}" already exists`, { field: 'id' });
    }
    const component = this.checkComponent(
      {
        id: input.id,
        version: '1.0.0',
        name: '',
        category: '',
        description: '',
        inputs: [],
        outputs: [],
        configSchema: { type: 'object' },
        icon: null,
        color: null,
        builtin: false,
        deprecated: false,
        legacyIds: [],
        ownerId: identity.sub,
      },
      input,
    );
    await this.store.insertComponent(component);
    return component;
  }

  async updateComponent(id: string, input: ComponentFields, identity: Identity): Promise<CatalogComponent> {
    const current = await this.ownedComponent(id, identity);
    const updated = this.checkComponent(current, input);
    await this.store.updateComponent(updated);
    return updated;
  }

  async deleteComponent(id: string, identity: Identity) {
    await this.ownedComponent(id, identity);
    await this.store.deleteComponent(id, identity.sub);
    return { id, deleted: true };
  }

  async templates(identity: Identity, category?: string | null): Promise<CatalogTemplate[]> {
    const all = [...this.builtinTemplates.values(), ...(await this.store.templates(identity.sub))];
    return category ? all.filter((t) => t.categories.includes(category)) : all;
  }

  async template(id: string, identity: Identity): Promise<CatalogTemplate | null> {
    const found = this.builtinTemplates.get(id) ?? (await this.store.template(id, identity.sub));
    return found && this.visible(found, identity) ? found : null;
  }

  async createTemplate(input: TemplateFields & { id: string; name: string; graph: unknown }, identity: Identity): Promise<CatalogTemplate> {
    if (!CUSTOM_ID.test(input.id)) throw badInput('id must be 1–100 letters, digits, "_", "-" or "/"', { field: 'id' });
    if (this.builtinTemplates.has(input.id) || (await this.store.template(input.id, identity.sub)))
      throw appError('CONFLICT', `A template with id "${input.id}" already exists`, { field: 'id' });
    const template = await this.checkTemplate(
      {
        id: input.id,
        name: '',
        description: '',
        categories: [],
        nodes: [],
        connections: [],
        sampleInputs: null,
        expectedOutputs: null,
        builtin: false,
        ownerId: identity.sub,
      },
      input,
      identity,
    );
    await this.store.insertTemplate(template);
    return template;
  }

  async updateTemplate(id: string, input: TemplateFields, identity: Identity): Promise<CatalogTemplate> {
    const current = await this.ownedTemplate(id, identity);
    const updated = await this.checkTemplate(current, input, identity);
    await this.store.updateTemplate(updated);
    return updated;
  }

  async deleteTemplate(id: string, identity: Identity) {
    await this.ownedTemplate(id, identity);
    await this.store.deleteTemplate(id, identity.sub);
    return { id, deleted: true };
  }

  private visible(item: { builtin: boolean; ownerId: string | null; published?: boolean }, identity: Identity): boolean {
    return item.builtin || item.published === true || item.ownerId === identity.sub;
  }

  /** Publishing shares a custom component with every user (they can see it and use it; only its creator changes it). */
  async publishComponent(id: string, published: boolean, identity: Identity): Promise<CatalogComponent> {
    const current = await this.ownedComponent(id, identity);
    // Publishing keeps the id: it moves to the public namespace, which must not hold it already.
    if (published && !current.published && (await this.store.publishedComponentExists(id)))
      throw appError('CONFLICT', `A published component with id "${id}" already exists; create yours under another id`, { field: 'id' });
    const updated = { ...current, published };
    await this.store.updateComponent(updated);
    return updated;
  }

  async publishTemplate(id: string, published: boolean, identity: Identity): Promise<CatalogTemplate> {
    const current = await this.ownedTemplate(id, identity);
    if (published && !current.published && (await this.store.publishedTemplateExists(id)))
      throw appError('CONFLICT', `A published template with id "${id}" already exists; create yours under another id`, { field: 'id' });
    const updated = { ...current, published };
    await this.store.updateTemplate(updated);
    return updated;
  }

  private async ownedComponent(id: string, identity: Identity): Promise<CatalogComponent> {
    if (this.builtinById.has(id)) throw appError('FORBIDDEN', `Built-in component "${id}" cannot be changed`);
    const current = (await this.store.componentsByIds([id], identity.sub)).get(id);
    if (!current || current.ownerId !== identity.sub) throw notFound('Component', id);
    return current;
  }

  private async ownedTemplate(id: string, identity: Identity): Promise<CatalogTemplate> {
    if (this.builtinTemplates.has(id)) throw appError('FORBIDDEN', `Built-in template "${id}" cannot be changed`);
    const current = await this.store.template(id, identity.sub);
    if (!current || current.ownerId !== identity.sub) throw notFound('Template', id);
    return current;
  }

  private checkComponent(base: CatalogComponent, input: ComponentFields): CatalogComponent {
    const next: CatalogComponent = {
      ...base,
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(input.category != null ? { category: input.category } : {}),
      ...(input.description != null ? { description: input.description } : {}),
      ...(input.version != null ? { version: input.version } : {}),
      ...(input.inputs != null ? { inputs: checkPorts('inputs', input.inputs) } : {}),
      ...(input.outputs != null ? { outputs: checkPorts('outputs', input.outputs) } : {}),
      ...(input.configSchema != null ? { configSchema: checkJsonSchema(input.configSchema) } : {}),
      ...(input.icon !== undefined ? { icon: input.icon } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.deprecated != null ? { deprecated: input.deprecated } : {}),
    };
    if (!next.name || next.name.length > 200) throw badInput('name is required (at most 200 characters)', { field: 'name' });
    if (!CATEGORY.test(next.category)) throw badInput('category must be lower-case letters, digits, "_" or "-" (at most 40)', { field: 'category' });
    if (!SEMVER.test(next.version)) throw badInput(`version "${next.version}" is not a semantic version (e.g. 1.0.0)`, { field: 'version' });
    if (next.description.length > 10_000) throw badInput('description is longer than 10000 characters', { field: 'description' });
    return next;
  }

  private async checkTemplate(base: CatalogTemplate, input: TemplateFields, identity: Identity): Promise<CatalogTemplate> {
    let graph = { nodes: base.nodes, connections: base.connections };
    if (input.graph != null) {
      const parsed = parseGraph(input.graph, (id) => this.builtinById.get(id)?.version ?? '1.0.0');
      if (!parsed.ok)
        throw badInput(`graph is malformed: ${parsed.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, { field: 'graph', errors: parsed.errors });
      graph = parsed.graph;
    }
    const next: CatalogTemplate = {
      ...base,
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(input.description != null ? { description: input.description } : {}),
      ...(input.categories != null ? { categories: input.categories } : {}),
      ...(input.sampleInputs !== undefined ? { sampleInputs: input.sampleInputs } : {}),
      ...(input.expectedOutputs !== undefined ? { expectedOutputs: input.expectedOutputs } : {}),
      nodes: graph.nodes.map((n) => ({ ...n, componentId: this.builtinById.get(n.componentId)?.id ?? n.componentId })),
      connections: graph.connections,
    };
    if (!next.name || next.name.length > 200) throw badInput('name is required (at most 200 characters)', { field: 'name' });
    const shapes = new Map<string, ComponentShape>();
    const found = await this.componentsByIds([...new Set(next.nodes.map((n) => n.componentId))], identity);
    for (const c of found) if (c) shapes.set(c.id, c);
    const report = validateGraph({ nodes: next.nodes, connections: next.connections }, shapes);
    if (!report.valid)
      throw appError('INVALID_GRAPH', `Template graph is invalid: ${report.errors.map((e) => e.message).join('; ')}`, { issues: report.errors });
    return next;
  }
}

function checkPorts(field: string, ports: PortInput[]): PortSpec[] {
  const seen = new Set<string>();
  return ports.map((p, i) => {
    if (!PORT_NAME.test(p.name)) throw badInput(`${field}[${i}].name "${p.name}" must be an identifier`, { field: `${field}[${i}].name` });
    if (seen.has(p.name)) throw badInput(`${field}[${i}].name "${p.name}" is used twice`, { field: `${field}[${i}].name` });
    seen.add(p.name);
    if (!isPortType(p.type))
      throw badInput(`${field}[${i}].type "${p.type}" is not a port type (any, string, number, boolean, object, array, array<T>)`, {
        field: `${field}[${i}].type`,
      });
    return {
      name: p.name,
      type: p.type,
      required: p.required ?? false,
      multiple: p.multiple ?? false,
      ...(p.description ? { description: p.description } : {}),
    };
  });
}

function checkJsonSchema(schema: unknown): Record<string, unknown> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    throw badInput('configSchema must be a JSON Schema object', { field: 'configSchema' });
  try {
    schemaCompiler.compile(schema);
  } catch (err) {
    throw badInput(`configSchema is not a valid JSON Schema: ${(err as Error).message}`, { field: 'configSchema' });
  }
  return schema as Record<string, unknown>;
}
