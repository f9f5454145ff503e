/**
 * Deployments and their files. The record keeps the project-entity layout (keys as columns, the rest as a JSON
 * body) plus `environment` and `status` columns, because the service queries by them: recovery after a restart
 * (every unfinished deployment) and rollback (the project's earlier deployments in one environment). Status writes
 * are conditional on the status read, so a cancel and a running job can never overwrite each other. The log (up to
 * 200 lines) has its own column: lists and entity fetches leave it out, `logs(ids)` reads it when it is selected.
 */
import type { Kysely, Migration } from 'kysely';
import { json, type Database } from '../../platform/db';
import {
  newestPerProject,
  newestPerProjectIndexMigration,
  projectEntityBlobMigration,
  projectEntityMigration,
  type ProjectEntity,
} from '../../platform/project-entity-store';
import type { DeploymentConfig } from './environment-config';

export type DeploymentTarget = 'LOCAL' | 'DOCKER' | 'COMPOSE' | 'KUBERNETES' | 'HELM' | 'SERVERLESS_AWS' | 'SERVERLESS_GCP';
export type DeploymentStatus = 'PENDING' | 'BUILDING' | 'DEPLOYING' | 'RUNNING' | 'READY' | 'STOPPED' | 'FAILED' | 'CANCELLED';

export const UNFINISHED_STATUSES: readonly DeploymentStatus[] = ['PENDING', 'BUILDING', 'DEPLOYING'];

export interface StatusChange {
  status: DeploymentStatus;
  at: string;
  reason: string | null;
}

export interface LogLine {
  at: string;
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** Where a LOCAL deployment's process lives, so a restarted service can find it again. */
export interface LocalProcess {
  pid: number;
  /** The program's port: on loopback when native, inside its own network namespace when isolated. */
  port: number;
  workdir: string;
  logFile: string;
  /** Isolated: the Unix socket that is the only way in. */
  socket?: string;
  /** Isolated with outbound network: the slirp4netns process, ended with the program. */
  helperPid?: number;
  /** Isolated: the program's own uid (root mode). */
  uid?: number;
}

/** A deployment of a pinned project version. */
export interface DeploymentRecord extends ProjectEntity {
  projectName: string;
  projectVersion: number;
  target: DeploymentTarget;
  environment: string;
  language: string;
  autoScale: boolean;
  status: DeploymentStatus;
  config: DeploymentConfig;
  endpoint: string | null;
  error: string | null;
  history: StatusChange[];
  logs: LogLine[];
  process: LocalProcess | null;
  /** Code artifact the program came from (absent for a rollback, which reuses the stored program). */
  codeArtifactId: string | null;
  /** The deployment whose program a rollback redeploys. */
  rollbackOf: string | null;
}

export type FileKind = 'program' | 'artifact';
export interface StoredFile {
  path: string;
  content: string;
}

interface DeploymentRow {
  id: string;
  project_id: string;
  owner_id: string;
  environment: string;
  status: string;
  created_at: string;
  updated_at: string;
  body: string;
  /** JSON LogLine[]; absent from list reads. */
  logs?: string | null;
}

interface FileRow {
  deployment_id: string;
  kind: string;
  path: string;
  content: string;
}

interface Tables {
  deployments: DeploymentRow;
  deployment_files: FileRow;
}

export const deploymentMigrations: Record<string, Migration> = {
  // Same first step as the generic project-entity table, so databases created before this service keep working.
  '0001_deployments': projectEntityMigration('deployments'),
  '0002_deployment_columns': {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('deployments')
        .addColumn('environment', 'text', (c) => c.notNull().defaultTo('development'))
        .execute();
      await db.schema
        .alterTable('deployments')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('PENDING'))
        .execute();
      await db.schema.createIndex('deployments_status').on('deployments').column('status').execute();
      await db.schema.createIndex('deployments_project_env').on('deployments').columns(['project_id', 'environment', 'created_at']).execute();
    },
  },
  '0003_deployment_files': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('deployment_files')
        .addColumn('deployment_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('deployment_files_pk', ['deployment_id', 'kind', 'path'])
        .execute();
    },
  },
  '0004_deployment_logs_column': projectEntityBlobMigration('deployments', ['logs']),
  '0005_deployment_newest_index': newestPerProjectIndexMigration('deployments'),
};

/** Everything but the log: what lists and entity fetches read. */
const SUMMARY_COLUMNS = ['id', 'project_id', 'owner_id', 'environment', 'status', 'created_at', 'updated_at', 'body'] as const;

const COLUMNS = new Set(['id', 'projectId', 'ownerId', 'environment', 'status', 'createdAt', 'updatedAt', 'logs']);

export class DeploymentStore {
  private readonly db: Kysely<Tables>;

  constructor(database: Database<unknown>) {
    this.db = database.db as unknown as Kysely<Tables>;
  }

  async insert(record: DeploymentRecord): Promise<void> {
    await this.db.insertInto('deployments').values(toRow(record)).execute();
  }

  /** Writes the record if its stored status is still `expected`; false when someone else changed it first. */
  async saveIf(record: DeploymentRecord, expected: DeploymentStatus): Promise<boolean> {
    const { id, ...row } = toRow(record);
    const result = await this.db.updateTable('deployments').set(row).where('id', '=', id).where('status', '=', expected).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async get(id: string): Promise<DeploymentRecord | undefined> {
    const row = await this.db.selectFrom('deployments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  /** The deployments without their log (`logs` reads it). */
  async getMany(ids: readonly string[]): Promise<Map<string, DeploymentRecord>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .selectFrom('deployments')
      .select(SUMMARY_COLUMNS)
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, fromRow(r)]));
  }

  /** The log of each deployment (absent ids are absent from the map). */
  async logs(ids: readonly string[]): Promise<Map<string, LogLine[]>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .selectFrom('deployments')
      .select(['id', 'logs'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, json.read<LogLine[]>(r.logs, [])]));
  }

  /** The newest `first` deployments of each project (without their log), in one statement (a DataLoader batch). */
  async listByProjects(projectIds: readonly string[], first: number): Promise<Map<string, DeploymentRecord[]>> {
    const result = new Map<string, DeploymentRecord[]>(projectIds.map((id) => [id, []]));
    if (!projectIds.length || first <= 0) return result;
    const rows = await newestPerProject<DeploymentRow>(this.db, 'deployments', projectIds, first, SUMMARY_COLUMNS);
    for (const row of rows) result.get(row.project_id)?.push(fromRow(row));
    return result;
  }

  /** A project's deployments in one environment created before `before`, newest first. */
  async earlier(projectId: string, environment: string, before: string, limit = 50): Promise<DeploymentRecord[]> {
    const rows = await this.db
      .selectFrom('deployments')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('environment', '=', environment)
      .where('created_at', '<', before)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  async withStatus(statuses: readonly DeploymentStatus[]): Promise<DeploymentRecord[]> {
    const rows = await this.db
      .selectFrom('deployments')
      .selectAll()
      .where('status', 'in', [...statuses])
      .orderBy('created_at')
      .execute();
    return rows.map(fromRow);
  }

  async putFiles(deploymentId: string, kind: FileKind, files: readonly StoredFile[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('deployment_files').where('deployment_id', '=', deploymentId).where('kind', '=', kind).execute();
      if (files.length) {
        await tx
          .insertInto('deployment_files')
          .values(files.map((f) => ({ deployment_id: deploymentId, kind, path: f.path, content: f.content })))
          .execute();
      }
    });
  }

  async files(deploymentId: string, kind: FileKind): Promise<StoredFile[]> {
    const rows = await this.db
      .selectFrom('deployment_files')
      .select(['path', 'content'])
      .where('deployment_id', '=', deploymentId)
      .where('kind', '=', kind)
      .orderBy('path')
      .execute();
    return rows;
  }
}

function toRow(record: DeploymentRecord): DeploymentRow {
  const body = Object.fromEntries(Object.entries(record).filter(([k]) => !COLUMNS.has(k)));
  return {
    id: record.id,
    project_id: record.projectId,
    owner_id: record.ownerId,
    environment: record.environment,
    status: record.status,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    body: json.write(body),
    // A record read without its log leaves the stored log as it is.
    ...('logs' in record ? { logs: json.write(record.logs) } : {}),
  };
}

function fromRow(row: DeploymentRow): DeploymentRecord {
  return {
    ...json.read<Record<string, unknown>>(row.body, {}),
    ...(row.logs !== undefined ? { logs: json.read<LogLine[]>(row.logs, []) } : {}),
    id: row.id,
    projectId: row.project_id,
    ownerId: row.owner_id,
    environment: row.environment,
    status: row.status as DeploymentStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  } as DeploymentRecord;
}
