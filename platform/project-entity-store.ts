/**
 * Storage for entities that belong to a project and are owned by another service than the workflow engine
 * (CodeArtifact, DebugSession, Deployment, Suggestion): a table per service with the keys as columns and the
 * entity's own fields as a JSON body, so each service evolves its entity without a migration per field. Large fields
 * (e.g. an artifact's generated files) can live in their own JSON columns ("blobs"): lists and entity fetches never
 * read or parse them; a resolver loads them (`blobs`) only when the field is selected.
 */
import type { Kysely, Migration } from 'kysely';
import type { Database } from './db';
import { json } from './db';

export interface ProjectEntity {
  id: string;
  projectId: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

interface EntityRow {
  id: string;
  project_id: string;
  owner_id: string;
  created_at: string;
  updated_at: string;
  body: string;
}

type Tables = Record<string, EntityRow>;
const ROW_COLUMNS = ['id', 'project_id', 'owner_id', 'created_at', 'updated_at', 'body'] as const;

export function projectEntityMigration(table: string): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex(`${table}_project_created`).on(table).columns(['project_id', 'created_at']).execute();
    },
  };
}

/**
 * Replaces `<table>_project_created` with an index in the exact order lists read (project, newest first, id to break
 * ties), so each per-project branch of newestPerProject reads its `first` rows from the index without a sort.
 */
export function newestPerProjectIndexMigration(table: string): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.dropIndex(`${table}_project_created`).ifExists().execute();
      await db.schema.createIndex(`${table}_project_newest`).on(table).columns(['project_id', 'created_at', 'id']).execute();
    },
  };
}

/**
 * Moves `fields` out of the JSON body of every row of `table` into their own text columns (JSON), so reads that do
 * not need them never parse them. Forward-only; rows whose body is not a JSON object are left as they are.
 */
export function projectEntityBlobMigration(table: string, fields: readonly string[]): Migration {
  return {
    async up(db: Kysely<any>) {
      for (const field of fields) await db.schema.alterTable(table).addColumn(field, 'text').execute();
      let after = '';
      for (;;) {
        const rows: { id: string; body: string }[] = await db
          .selectFrom(table)
          .select(['id', 'body'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(200)
          .execute();
        if (!rows.length) break;
        after = rows[rows.length - 1].id;
        for (const row of rows) {
          let body: unknown;
          try {
            body = JSON.parse(row.body);
          } catch {
            continue;
          }
          if (!body || typeof body !== 'object' || Array.isArray(body)) continue;
          const rest = { ...(body as Record<string, unknown>) };
          const moved: Record<string, string> = {};
          for (const field of fields) {
            if (field in rest) moved[field] = json.write(rest[field]);
            delete rest[field];
          }
          await db
            .updateTable(table)
            .set({ ...moved, body: json.write(rest) })
            .where('id', '=', row.id)
            .execute();
        }
      }
    },
  };
}

/**
 * The newest `first` rows of each project in `table`, each project's newest first: a UNION ALL of one index-ordered,
 * LIMITed branch per project, so a project with thousands of rows costs `first` rows, not a scan of all of them (as a
 * window function over the projects' rows would; the index is newestPerProjectIndexMigration's). One statement per 200
 * projects (SQLite allows 500 branches).
 */
export async function newestPerProject<R>(
  db: Kysely<any>,
  table: string,
  projectIds: readonly string[],
  first: number,
  columns?: readonly string[],
): Promise<R[]> {
  const ids = [...new Set(projectIds)];
  if (first <= 0) return [];
  const branch = (projectId: string, index: number) =>
    db
      .selectFrom(
        (columns ? db.selectFrom(table).select(columns as string[]) : db.selectFrom(table).selectAll())
          .where('project_id', '=', projectId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(first)
          .as(`p${index}`),
      )
      .selectAll();
  const rows: R[] = [];
  for (let start = 0; start < ids.length; start += BRANCHES_PER_STATEMENT) {
    const chunk = ids.slice(start, start + BRANCHES_PER_STATEMENT);
    const query = chunk.slice(1).reduce((union, id, i) => union.unionAll(branch(id, i + 1)), branch(chunk[0], 0));
    rows.push(...((await query.execute()) as R[]));
  }
  // Sorted here, not by an ORDER BY over the union: SQLite would sort every branch into a temporary b-tree first.
  return rows.sort(newestFirst);
}

type Ordered = { created_at: string; id: string };
const newestFirst = (a: unknown, b: unknown) => {
  const x = a as Ordered;
  const y = b as Ordered;
  return x.created_at === y.created_at ? (x.id < y.id ? 1 : x.id > y.id ? -1 : 0) : x.created_at < y.created_at ? 1 : -1;
};

const BRANCHES_PER_STATEMENT = 200;

const KEY_FIELDS = new Set(['id', 'projectId', 'ownerId', 'createdAt', 'updatedAt']);

export class ProjectEntityStore<T extends ProjectEntity> {
  private readonly db: Kysely<Tables>;

  /** `blobs`: fields kept in their own columns (see projectEntityBlobMigration), absent from getMany/listByProjects. */
  constructor(
    database: Database<unknown>,
    private readonly table: string,
    private readonly blobFields: readonly (keyof T & string)[] = [],
  ) {
    this.db = database.db as unknown as Kysely<Tables>;
  }

  async insert(entity: T): Promise<void> {
    await this.db.insertInto(this.table).values(this.toRow(entity)).execute();
  }

  async update(entity: T): Promise<void> {
    const { id: _id, ...row } = this.toRow(entity);
    await this.db.updateTable(this.table).set(row).where('id', '=', entity.id).execute();
  }

  /** The whole entity, blobs included. */
  async get(id: string): Promise<T | undefined> {
    const row = await this.db.selectFrom(this.table).selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.fromRow(row as EntityRow);
  }

  /** The entities without their blob fields. */
  async getMany(ids: readonly string[]): Promise<Map<string, T>> {
    if (!ids.length) return new Map();
    const rows = (await this.db
      .selectFrom(this.table)
      .select(ROW_COLUMNS)
      .where('id', 'in', [...ids])
      .execute()) as EntityRow[];
    return new Map(rows.map((r) => [r.id, this.fromRow(r)]));
  }

  /** One blob field of each entity (absent ids are absent from the map). */
  async blobs<K extends keyof T & string>(ids: readonly string[], field: K): Promise<Map<string, T[K]>> {
    if (!ids.length || !this.blobFields.includes(field)) return new Map();
    const rows = (await this.db
      .selectFrom(this.table)
      .select(['id', field as 'body'])
      .where('id', 'in', [...ids])
      .execute()) as { id: string; body: string | null }[];
    return new Map(rows.map((r) => [r.id, json.read<T[K]>(r[field as 'body'], null as T[K])]));
  }

  /** The newest `first` entities of each project, in one statement (a DataLoader batch). */
  async listByProjects(projectIds: readonly string[], first: number): Promise<Map<string, T[]>> {
    const result = new Map<string, T[]>(projectIds.map((id) => [id, []]));
    if (!projectIds.length || first <= 0) return result;
    const rows = await newestPerProject<EntityRow>(this.db, this.table, projectIds, first, ROW_COLUMNS);
    for (const row of rows) result.get(row.project_id)?.push(this.fromRow(row));
    return result;
  }

  private toRow(entity: T): EntityRow {
    const body = Object.fromEntries(Object.entries(entity).filter(([k]) => !KEY_FIELDS.has(k) && !this.blobFields.includes(k as keyof T & string)));
    // A blob absent from the entity (read without it) is left as stored.
    const blobs = Object.fromEntries(this.blobFields.filter((field) => field in entity).map((field) => [field, json.write(entity[field])]));
    return {
      id: entity.id,
      project_id: entity.projectId,
      owner_id: entity.ownerId,
      created_at: entity.createdAt,
      updated_at: entity.updatedAt,
      body: json.write(body),
      ...blobs,
    };
  }

  private fromRow(row: EntityRow): T {
    const entity: Record<string, unknown> = {
      ...json.read<Record<string, unknown>>(row.body, {}),
      id: row.id,
      projectId: row.project_id,
      ownerId: row.owner_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    for (const field of this.blobFields) {
      const value = (row as unknown as Record<string, string | null | undefined>)[field];
      if (value !== undefined) entity[field] = json.read(value, null);
    }
    return entity as T;
  }
}
