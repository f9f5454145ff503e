import type { Kysely, Migration } from 'kysely';
import { newestPerProjectIndexMigration } from '../../platform/project-entity-store';

/** Forward-only migrations of the workflow service's own tables. */
export const workflowMigrations: Record<string, Migration> = {
  '0001_projects': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('projects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('template_id', 'text')
        .addColumn('metadata', 'text')
        .addColumn('graph', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('projects_owner_created').on('projects').columns(['owner_id', 'created_at', 'id']).execute();
      await db.schema
        .createTable('project_changes')
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_changes_pk', ['project_id', 'version'])
        .execute();
    },
  },
};

workflowMigrations['0002_runs'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('project_version', 'integer', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('inputs', 'text', (c) => c.notNull())
      .addColumn('outputs', 'text')
      .addColumn('error', 'text')
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('runs_project_created').on('runs').columns(['project_id', 'created_at']).execute();
    await db.schema.createIndex('runs_status').on('runs').column('status').execute();
  },
};

/** Project members with roles (the owner in `projects.owner_id` is implicit) and API keys (only their hash is kept). */
workflowMigrations['0003_members_and_api_keys'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('project_members')
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('project_members_pk', ['project_id', 'user_id'])
      .execute();
    await db.schema.createIndex('project_members_user').on('project_members').columns(['user_id', 'project_id']).execute();
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('api_keys_owner').on('api_keys').columns(['owner_id', 'created_at']).execute();
  },
};

/** Named project secrets, encrypted at rest (secret-store.ts). */
workflowMigrations['0004_project_secrets'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('project_secrets')
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('iv', 'text', (c) => c.notNull())
      .addColumn('ciphertext', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('project_secrets_pk', ['project_id', 'name'])
      .execute();
  },
};

/**
 * Runs are recorded before they start and executed by queue workers: the pinned graph travels with the run, the
 * executing worker keeps a heartbeat (a lost worker is detected from it), and every run event is kept with its
 * sequence number so `runEvents` can replay from any point.
 */
workflowMigrations['0005_run_queue_and_events'] = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('runs').addColumn('graph', 'text').execute();
    await db.schema.alterTable('runs').addColumn('worker_id', 'text').execute();
    await db.schema.alterTable('runs').addColumn('heartbeat_at', 'text').execute();
    await db.schema.createIndex('runs_owner_status').on('runs').columns(['owner_id', 'status']).execute();
    await db.schema
      .createTable('run_events')
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('run_events_pk', ['run_id', 'seq'])
      .execute();
  },
};

/**
 * A run whose worker was lost or shut down goes back to the queue when no node acting outside the run had started
 * (run-executor.ts): how many times that happened, and which node's outside effects began in the current attempt.
 */
workflowMigrations['0006_run_requeues'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('runs')
      .addColumn('requeues', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('runs').addColumn('outside_effects_node', 'text').execute();
    await db.schema.alterTable('runs').addColumn('outside_effects_at', 'text').execute();
  },
};

/** Runs are listed per project newest first (newestPerProject): an index in that exact order. */
workflowMigrations['0007_runs_newest_index'] = newestPerProjectIndexMigration('runs');
