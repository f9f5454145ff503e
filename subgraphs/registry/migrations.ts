import type { Kysely, Migration } from 'kysely';
import { privateKey } from './registry-store';

/** Forward-only migrations of the registry's own tables (custom components and templates). */
export const registryMigrations: Record<string, Migration> = {
  '0001_catalogue': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('components')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('inputs', 'text', (c) => c.notNull())
        .addColumn('outputs', 'text', (c) => c.notNull())
        .addColumn('config_schema', 'text', (c) => c.notNull())
        .addColumn('icon', 'text')
        .addColumn('color', 'text')
        .addColumn('deprecated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('graph', 'text', (c) => c.notNull())
        .addColumn('sample_inputs', 'text')
        .addColumn('expected_outputs', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

registryMigrations['0002_usage'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('component_usage')
      .addColumn('component_id', 'text', (c) => c.primaryKey())
      .addColumn('uses', 'integer', (c) => c.notNull())
      .execute();
    // Stream entries already counted: delivery is at-least-once, counting must be exactly-once.
    await db.schema
      .createTable('usage_events')
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('counted_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/** Custom components and templates are their creator's until published (then everyone may see and use them). */
registryMigrations['0003_published'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('components')
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('templates')
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

/** Private ids move into their owner's namespace (issue 16): another user's private id can no longer be probed. */
registryMigrations['0004_private_namespaces'] = {
  async up(db: Kysely<any>) {
    for (const table of ['components', 'templates']) {
      const rows = await db.selectFrom(table).select(['id', 'owner_id']).where('published', '=', 0).execute();
      for (const row of rows as { id: string; owner_id: string }[]) {
        if (row.id.startsWith('~')) continue;
        await db
          .updateTable(table)
          .set({ id: privateKey(row.owner_id, row.id) })
          .where('id', '=', row.id)
          .execute();
      }
    }
  },
};
