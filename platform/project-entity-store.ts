/**
 * Storage for entities that belong to a project and are owned by another service than the workflow engine
 * (CodeArtifact, DebugSession, Deployment, Suggestion): a table per service with the keys as columns and the
 * entity's own fields as a JSON body, so each service evolves its entity without a migration per field.
 */
import { sql, type Kysely, type Migration } from 'kysely';
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

/** The newest `first` rows of each project in `table` (one statement: a window function), newest first. */
export async function newestPerProject<R>(db: Kysely<any>, table: string, projectIds: readonly string[], first: number): Promise<R[]> {
  return (await db
    .selectFrom((eb) =>
      eb
        .selectFrom(table)
        .selectAll()
        .select(sql<number>`row_number() over (partition by project_id order by created_at desc, id desc)`.as('rn'))
        .where('project_id', 'in', [...projectIds])
        .as('ranked'),
    )
    .selectAll()
    .where(sql.ref('rn'), '<=', first)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()) as unknown as R[];
}

const KEY_FIELDS = new Set(['id', 'projectId', 'ownerId', 'createdAt', 'updatedAt']);

export class ProjectEntityStore<T extends ProjectEntity> {
  private readonly db: Kysely<Tables>;

  constructor(database: Database<unknown>, private readonly table: string) {
    this.db = database.db as unknown as Kysely<Tables>;
  }

  async insert(entity: T): Promise<void> {
    await this.db.insertInto(this.table).values(this.toRow(entity)).execute();
  }

  async update(entity: T): Promise<void> {
    const { id: _id, ...row } = this.toRow(entity);
    await this.db.updateTable(this.table).set(row).where('id', '=', entity.id).execute();
  }

  async get(id: string): Promise<T | undefined> {
    const row = await this.db.selectFrom(this.table).selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.fromRow(row as EntityRow);
  }

  async getMany(ids: readonly string[]): Promise<Map<string, T>> {
    if (!ids.length) return new Map();
    const rows = (await this.db.selectFrom(this.table).selectAll().where('id', 'in', [...ids]).execute()) as EntityRow[];
    return new Map(rows.map((r) => [r.id, this.fromRow(r)]));
  }

  /** The newest `first` entities of each project, in one statement (a DataLoader batch). */
  async listByProjects(projectIds: readonly string[], first: number): Promise<Map<string, T[]>> {
    const result = new Map<string, T[]>(projectIds.map((id) => [id, []]));
    if (!projectIds.length || first <= 0) return result;
    const rows = await newestPerProject<EntityRow>(this.db, this.table, projectIds, first);
    for (const row of rows) result.get(row.project_id)?.push(this.fromRow(row));
    return result;
  }

  private toRow(entity: T): EntityRow {
    const body = Object.fromEntries(Object.entries(entity).filter(([k]) => !KEY_FIELDS.has(k)));
    return { id: entity.id, project_id: entity.projectId, owner_id: entity.ownerId, created_at: entity.createdAt, updated_at: entity.updatedAt, body: json.write(body) };
  }

  private fromRow(row: EntityRow): T {
    return { ...json.read<Record<string, unknown>>(row.body, {}), id: row.id, projectId: row.project_id, ownerId: row.owner_id, createdAt: row.created_at, updatedAt: row.updated_at } as T;
  }
}
