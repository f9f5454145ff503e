/**
 * Projects and their change log. Every change runs in one transaction: lock the row, check `expectedVersion`,
 * write the new state with `version + 1`, append the ProjectChangeRecord — so concurrent editors never lose an update
 * and the log has no gaps.
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { WorkflowGraph } from '../../engine/model/types';
import { json, type Database } from '../../platform/db';
import { conflict, notFound } from '../../platform/errors';
import { requireRole, type ProjectRole } from '../../platform/project-access';
import { MemberStore } from './member-store';
import type { ProjectsTable, WorkflowTables } from './tables';

export type { WorkflowTables };

export type ProjectStatus = 'DRAFT' | 'DEVELOPMENT' | 'TESTING' | 'DEPLOYED' | 'ARCHIVED';

export interface ProjectRecord {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  status: ProjectStatus;
  version: number;
  agentId: string | null;
  templateId: string | null;
  metadata: unknown;
  graph: WorkflowGraph;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectChangeRecord {
  projectId: string;
  version: number;
  actor: string;
  op: string;
  payload: unknown;
  at: string;
}

/** What a change does: the new fields, and what the change log records. */
export interface ProjectMutation {
  set: Partial<Pick<ProjectRecord, 'name' | 'description' | 'status' | 'metadata' | 'graph'>>;
  payload: Record<string, unknown>;
  /** Further writes in the same transaction (e.g. a membership row), after the project row is locked. */
  write?: (trx: Transaction<WorkflowTables>) => Promise<void>;
}

export interface ProjectPage {
  nodes: ProjectRecord[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

const MAX_PAGE = 100;

function toRecord(row: ProjectsTable): ProjectRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    description: row.description,
    status: row.status as ProjectStatus,
    version: Number(row.version),
    agentId: row.agent_id,
    templateId: row.template_id,
    metadata: json.read(row.metadata, null),
    graph: json.read<WorkflowGraph>(row.graph, { nodes: [], connections: [] }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const encodeCursor = (row: { created_at: string; id: string }) => Buffer.from(`${row.created_at}|${row.id}`).toString('base64url');
function decodeCursor(cursor: string): [string, string] | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return at && id ? [at, id] : undefined;
}

export class ProjectStore {
  constructor(private readonly database: Database<WorkflowTables>) {}

  private get db(): Kysely<WorkflowTables> {
    return this.database.db;
  }

  async create(input: {
    name: string;
    description: string;
    ownerId: string;
    agentId?: string | null;
    templateId?: string | null;
    metadata?: unknown;
    graph?: WorkflowGraph;
  }): Promise<ProjectRecord> {
    const now = new Date().toISOString();
    const row: ProjectsTable = {
      id: randomUUID(),
      owner_id: input.ownerId,
      name: input.name,
      description: input.description,
      status: 'DRAFT',
      version: 1,
      agent_id: input.agentId ?? null,
      template_id: input.templateId ?? null,
      metadata: input.metadata === undefined ? null : json.write(input.metadata),
      graph: json.write(input.graph ?? { nodes: [], connections: [] }),
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('projects').values(row).execute();
      await this.appendChange(trx, {
        projectId: row.id,
        version: 1,
        actor: input.ownerId,
        op: 'createProject',
        payload: { name: row.name, templateId: row.template_id },
        at: now,
      });
    });
    return toRecord(row);
  }

  async get(id: string): Promise<ProjectRecord | undefined> {
    const row = await this.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** One query for many ids (DataLoader batches). */
  async getMany(ids: readonly string[]): Promise<Map<string, ProjectRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('projects')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, toRecord(r)]));
  }

  /** Projects the user owns or is a member of. */
  async list(userId: string, first: number, after?: string | null): Promise<ProjectPage> {
    const limit = Math.max(0, Math.min(first, MAX_PAGE));
    const visible = (eb: ExpressionBuilder<WorkflowTables, 'projects'>) =>
      eb.or([eb('owner_id', '=', userId), eb('id', 'in', eb.selectFrom('project_members').select('project_id').where('user_id', '=', userId))]);
    let query = this.db.selectFrom('projects').selectAll().where(visible);
    const cursor = after ? decodeCursor(after) : undefined;
    if (cursor) {
      const [at, id] = cursor;
      query = query.where((eb) => eb.or([eb('created_at', '>', at), eb.and([eb('created_at', '=', at), eb('id', '>', id)])]));
    }
    const [rows, total] = await Promise.all([
      query
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit + 1)
        .execute(),
      this.db
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(visible)
        .executeTakeFirstOrThrow(),
    ]);
    const page = rows.slice(0, limit);
    return {
      nodes: page.map(toRecord),
      hasNextPage: rows.length > limit,
      endCursor: page.length ? encodeCursor(page[page.length - 1]) : null,
      totalCount: Number(total.n),
    };
  }

  /**
   * Applies one change atomically. `compute` sees the locked current state and returns what to set (or throws to
   * refuse the change, e.g. an invalid edge); nothing is written unless it returns. With `needed`, the actor must have
   * that role on the project, checked on the locked row (NOT_FOUND without access, FORBIDDEN below it, both before the
   * version is compared): the caller need not read the project first.
   */
  async mutate(
    id: string,
    actor: string,
    op: string,
    expectedVersion: number | null | undefined,
    compute: (current: ProjectRecord) => Promise<ProjectMutation> | ProjectMutation,
    needed?: ProjectRole,
  ): Promise<{ project: ProjectRecord; change: ProjectChangeRecord }> {
    return this.db.transaction().execute(async (trx) => {
      const current = await this.lock(trx, id);
      if (needed) requireRole(await this.roleIn(trx, current, actor), needed, { type: 'Project', id });
      if (expectedVersion != null && expectedVersion !== current.version) {
        throw conflict(`Project "${id}" is at version ${current.version}, not ${expectedVersion}`, current.version);
      }
      const { set, payload, write } = await compute(current);
      await write?.(trx);
      const now = new Date().toISOString();
      const version = current.version + 1;
      await trx
        .updateTable('projects')
        .set({
          version,
          updated_at: now,
          ...(set.name !== undefined ? { name: set.name } : {}),
          ...(set.description !== undefined ? { description: set.description } : {}),
          ...(set.status !== undefined ? { status: set.status } : {}),
          ...(set.metadata !== undefined ? { metadata: json.write(set.metadata) } : {}),
          ...(set.graph !== undefined ? { graph: json.write(set.graph) } : {}),
        })
        .where('id', '=', id)
        .execute();
      const change: ProjectChangeRecord = { projectId: id, version, actor, op, payload, at: now };
      await this.appendChange(trx, change);
      return { project: { ...current, ...set, version, updatedAt: now }, change };
    });
  }

  async delete(id: string, expectedVersion: number | null | undefined): Promise<ProjectRecord> {
    return this.db.transaction().execute(async (trx) => {
      const current = await this.lock(trx, id);
      if (expectedVersion != null && expectedVersion !== current.version) {
        throw conflict(`Project "${id}" is at version ${current.version}, not ${expectedVersion}`, current.version);
      }
      await trx.deleteFrom('project_changes').where('project_id', '=', id).execute();
      await trx.deleteFrom('project_members').where('project_id', '=', id).execute();
      await trx.deleteFrom('project_secrets').where('project_id', '=', id).execute();
      await trx.deleteFrom('projects').where('id', '=', id).execute();
      return current;
    });
  }

  async changes(id: string, sinceVersion: number, first: number): Promise<ProjectChangeRecord[]> {
    const rows = await this.db
      .selectFrom('project_changes')
      .selectAll()
      .where('project_id', '=', id)
      .where('version', '>', sinceVersion)
      .orderBy('version')
      .limit(Math.max(0, Math.min(first, 1000)))
      .execute();
    return rows.map((r) => ({ projectId: r.project_id, version: Number(r.version), actor: r.actor, op: r.op, payload: json.read(r.payload, {}), at: r.at }));
  }

  /** The actor's latest `last` changes, oldest first (undo/redo rebuild the actor's stacks from them). */
  async changesBy(id: string, actor: string, last: number): Promise<ProjectChangeRecord[]> {
    const rows = await this.db
      .selectFrom('project_changes')
      .selectAll()
      .where('project_id', '=', id)
      .where('actor', '=', actor)
      .orderBy('version', 'desc')
      .limit(Math.max(0, Math.min(last, 1000)))
      .execute();
    return rows
      .reverse()
      .map((r) => ({ projectId: r.project_id, version: Number(r.version), actor: r.actor, op: r.op, payload: json.read(r.payload, {}), at: r.at }));
  }

  private async lock(trx: Transaction<WorkflowTables>, id: string): Promise<ProjectRecord> {
    const query = trx.selectFrom('projects').selectAll().where('id', '=', id);
    // SQLite serialises writers itself; PostgreSQL needs the row lock.
    const row = await (this.database.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    if (!row) throw notFound('Project', id);
    return toRecord(row);
  }

  /** The creator owns the project; members have their row's role (read in the transaction: its connection is held). */
  private async roleIn(trx: Transaction<WorkflowTables>, project: ProjectRecord, userId: string): Promise<ProjectRole | null> {
    if (project.ownerId === userId) return 'owner';
    return (await MemberStore.rolesIn(trx, userId, [project.id])).get(project.id) ?? null;
  }

  private async appendChange(trx: Transaction<WorkflowTables>, change: ProjectChangeRecord) {
    await trx
      .insertInto('project_changes')
      .values({ project_id: change.projectId, version: change.version, actor: change.actor, op: change.op, payload: json.write(change.payload), at: change.at })
      .execute();
  }
}
