import type { Kysely, Migration } from 'kysely';
import { newestPerProjectIndexMigration, projectEntityMigration } from '../../platform/project-entity-store';

/**
 * Forward-only migrations of the debugger's tables. 0001 is the generic entity table the service started with
 * (kept so existing data directories migrate); 0002 adds the columns the debugger queries by (state, expiry) and
 * the journal of completed steps that a restarted process replays; 0003 records which replica drives a live session
 * and until when (session-leases.ts); 0004 indexes sessions in list order.
 */
export const debuggerMigrations: Record<string, Migration> = {
  '0001_debug_sessions': projectEntityMigration('debug_sessions'),
  '0002_debug_state_and_journal': {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('debug_sessions')
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('INITIALIZED'))
        .execute();
      await db.schema.alterTable('debug_sessions').addColumn('expires_at', 'text').execute();
      await db.schema.createIndex('debug_sessions_owner_state').on('debug_sessions').columns(['owner_id', 'state']).execute();
      await db.schema
        .createTable('debug_journal')
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('entry', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('debug_journal_pk', ['session_id', 'seq'])
        .execute();
    },
  },
  '0003_debug_session_lease': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('debug_sessions').addColumn('lease_holder', 'text').execute();
      await db.schema.alterTable('debug_sessions').addColumn('lease_until', 'text').execute();
      await db.schema.createIndex('debug_sessions_lease_holder').on('debug_sessions').column('lease_holder').execute();
    },
  },
  '0004_debug_sessions_newest_index': newestPerProjectIndexMigration('debug_sessions'),
};
