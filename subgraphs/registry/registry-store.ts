/** Custom components and templates (built-ins live in engine/ and are never stored). */
import { sql, type Kysely } from 'kysely';
import type { PortSpec, WorkflowGraph } from '../../engine/model/types';
import { json, type Database } from '../../platform/db';
import type { CatalogComponent, CatalogTemplate } from './catalog';

interface ComponentsTable {
  id: string;
  owner_id: string;
  version: string;
  name: string;
  category: string;
  description: string;
  inputs: string;
  outputs: string;
  config_schema: string;
  icon: string | null;
  color: string | null;
  deprecated: number;
  published: number;
  created_at: string;
  updated_at: string;
}

interface TemplatesTable {
  id: string;
  owner_id: string;
  name: string;
  description: string;
  categories: string;
  graph: string;
  sample_inputs: string | null;
  expected_outputs: string | null;
  published: number;
  created_at: string;
  updated_at: string;
}

export interface RegistryTables {
  components: ComponentsTable;
  templates: TemplatesTable;
  component_usage: { component_id: string; uses: number };
  usage_events: { event_id: string; counted_at: string };
}

/**
 * Private ids are namespaced by their owner in storage (`~<owner>/<id>`, issue 16): two users' private components or
 * templates never collide, so creating or reading one reveals nothing about another user's. Published ones are
 * stored under their public id (unique among published ones). Callers only ever see the id they chose.
 */
export function privateKey(ownerId: string, id: string): string {
  return `~${encodeURIComponent(ownerId)}/${id}`;
}

const storageKey = (item: { id: string; ownerId: string | null; published?: boolean }) => (item.published ? item.id : privateKey(item.ownerId ?? '', item.id));
const publicId = (key: string) => (key.startsWith('~') ? key.slice(key.indexOf('/') + 1) : key);
/** The keys `ids` may be stored under for `viewer`: published, or the viewer's own private ones. */
const keysFor = (ids: readonly string[], viewer: string) => [...ids, ...ids.map((id) => privateKey(viewer, id))];

function toComponent(row: ComponentsTable): CatalogComponent {
  return {
    id: publicId(row.id),
    version: row.version,
    name: row.name,
    category: row.category,
    description: row.description,
    inputs: json.read<PortSpec[]>(row.inputs, []),
    outputs: json.read<PortSpec[]>(row.outputs, []),
    configSchema: json.read(row.config_schema, {}),
    icon: row.icon,
    color: row.color,
    builtin: false,
    deprecated: Boolean(row.deprecated),
    legacyIds: [],
    ownerId: row.owner_id,
    published: Boolean(row.published),
  };
}

function toTemplate(row: TemplatesTable): CatalogTemplate {
  const graph = json.read<WorkflowGraph>(row.graph, { nodes: [], connections: [] });
  return {
    id: publicId(row.id),
    name: row.name,
    description: row.description,
    categories: json.read<string[]>(row.categories, []),
    nodes: graph.nodes,
    connections: graph.connections,
    sampleInputs: json.read(row.sample_inputs, null),
    expectedOutputs: json.read(row.expected_outputs, null),
    builtin: false,
    ownerId: row.owner_id,
    published: Boolean(row.published),
  };
}

function componentRow(c: CatalogComponent, now: string): Omit<ComponentsTable, 'created_at'> {
  return {
    id: storageKey(c),
    owner_id: c.ownerId ?? '',
    version: c.version,
    name: c.name,
    category: c.category,
    description: c.description,
    inputs: json.write(c.inputs),
    outputs: json.write(c.outputs),
    config_schema: json.write(c.configSchema),
    icon: c.icon,
    color: c.color,
    deprecated: c.deprecated ? 1 : 0,
    published: c.published ? 1 : 0,
    updated_at: now,
  };
}

function templateRow(t: CatalogTemplate, now: string): Omit<TemplatesTable, 'created_at'> {
  return {
    id: storageKey(t),
    owner_id: t.ownerId ?? '',
    name: t.name,
    description: t.description,
    categories: json.write(t.categories),
    graph: json.write({ nodes: t.nodes, connections: t.connections }),
    sample_inputs: t.sampleInputs == null ? null : json.write(t.sampleInputs),
    expected_outputs: t.expectedOutputs == null ? null : json.write(t.expectedOutputs),
    published: t.published ? 1 : 0,
    updated_at: now,
  };
}

/** By public id; the viewer's own private item wins over a published one with the same id. */
function byPublicId<T extends { id: string; ownerId: string | null; published?: boolean }>(items: T[], viewer: string): Map<string, T> {
  const found = new Map<string, T>();
  for (const item of items) if (!found.has(item.id) || (!item.published && item.ownerId === viewer)) found.set(item.id, item);
  return found;
}

export class RegistryStore {
  constructor(private readonly database: Database<RegistryTables>) {}

  private get db(): Kysely<RegistryTables> {
    return this.database.db;
  }

  /** The user's own and everyone's published ones. */
  async components(ownerId: string): Promise<CatalogComponent[]> {
    const rows = await this.db
      .selectFrom('components')
      .selectAll()
      .where((eb) => eb.or([eb('owner_id', '=', ownerId), eb('published', '=', 1)]))
      .orderBy('id')
      .limit(10_000)
      .execute();
    return rows.map(toComponent);
  }

  /** Published ones and `viewer`'s own private ones (own first); nobody else's private ids are looked at. */
  async componentsByIds(ids: readonly string[], viewer: string): Promise<Map<string, CatalogComponent>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('components').selectAll().where('id', 'in', keysFor(ids, viewer)).execute();
    return byPublicId(rows.map(toComponent), viewer);
  }

  /** Whether a published component holds this public id (publishing needs it free). */
  async publishedComponentExists(id: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('components').select('id').where('id', '=', id).executeTakeFirst());
  }

  async insertComponent(c: CatalogComponent): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto('components')
      .values({ ...componentRow(c, now), created_at: now })
      .execute();
  }

  /** Also moves it between the private and the public key when `published` changed. */
  async updateComponent(c: CatalogComponent): Promise<void> {
    const owner = c.ownerId ?? '';
    await this.db
      .updateTable('components')
      .set(componentRow(c, new Date().toISOString()))
      .where('owner_id', '=', owner)
      .where('id', 'in', keysFor([c.id], owner))
      .execute();
  }

  async deleteComponent(id: string, ownerId: string): Promise<void> {
    await this.db
      .deleteFrom('components')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', keysFor([id], ownerId))
      .execute();
  }

  async templates(ownerId: string): Promise<CatalogTemplate[]> {
    const rows = await this.db
      .selectFrom('templates')
      .selectAll()
      .where((eb) => eb.or([eb('owner_id', '=', ownerId), eb('published', '=', 1)]))
      .orderBy('id')
      .limit(10_000)
      .execute();
    return rows.map(toTemplate);
  }

  /** Published, or `viewer`'s own private one (own first). */
  async template(id: string, viewer: string): Promise<CatalogTemplate | undefined> {
    const rows = await this.db
      .selectFrom('templates')
      .selectAll()
      .where('id', 'in', keysFor([id], viewer))
      .execute();
    return byPublicId(rows.map(toTemplate), viewer).get(id);
  }

  async publishedTemplateExists(id: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('templates').select('id').where('id', '=', id).executeTakeFirst());
  }

  async insertTemplate(t: CatalogTemplate): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto('templates')
      .values({ ...templateRow(t, now), created_at: now })
      .execute();
  }

  async updateTemplate(t: CatalogTemplate): Promise<void> {
    const owner = t.ownerId ?? '';
    await this.db
      .updateTable('templates')
      .set(templateRow(t, new Date().toISOString()))
      .where('owner_id', '=', owner)
      .where('id', 'in', keysFor([t.id], owner))
      .execute();
  }

  async deleteTemplate(id: string, ownerId: string): Promise<void> {
    await this.db
      .deleteFrom('templates')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', keysFor([id], ownerId))
      .execute();
  }

  /** Counts one use, once per stream entry however often it is delivered. */
  async recordUsage(eventId: string, componentId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('usage_events')
        .values({ event_id: eventId, counted_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await trx
        .insertInto('component_usage')
        .values({ component_id: componentId, uses: 1 })
        .onConflict((oc) => oc.column('component_id').doUpdateSet({ uses: sql<number>`component_usage.uses + 1` }))
        .execute();
      return true;
    });
  }

  async usageCounts(componentIds: readonly string[]): Promise<Map<string, number>> {
    if (!componentIds.length) return new Map();
    const rows = await this.db
      .selectFrom('component_usage')
      .selectAll()
      .where('component_id', 'in', [...componentIds])
      .execute();
    return new Map(rows.map((r) => [r.component_id, Number(r.uses)]));
  }
}
