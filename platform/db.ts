/**
 * Storage (docs/ARCHITECTURE.md §9): Kysely over SQLite files under DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
 * Each subgraph owns its tables and runs its own migrations at start (a migration table per service, so services
 * can share one PostgreSQL database without stepping on each other).
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import { Pool } from 'pg';
import { preparedStatements } from './pg-prepared-statements';
import { cachedStatements } from './sqlite-statement-cache';

export type Dialect = 'sqlite' | 'postgres';

export interface Database<DB> {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Statements executed so far (tests use it to prove batching). */
  stats: { queries: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  service: string;
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema (created if missing); tests isolate themselves with it. */
  schema?: string;
  /** PostgreSQL: reuse named statements per connection (default; `DATABASE_PREPARED_STATEMENTS=false` turns it off). */
  preparedStatements?: boolean;
  migrations: Record<string, Migration>;
  /** Stop after this migration instead of the latest (upgrade tests rebuild a previous release's schema with it). */
  migrateUpTo?: string;
}

export async function openDatabase<DB>(options: DatabaseOptions): Promise<Database<DB>> {
  const stats = { queries: 0 };
  const log = () => {
    stats.queries++;
  };
  let db: Kysely<DB>;
  let dialect: Dialect;
  if (options.databaseUrl) {
    if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`Invalid schema name "${options.schema}"`);
    if (options.schema) {
      const admin = new Pool({ connectionString: options.databaseUrl, max: 1 });
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: 10,
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    });
    // A dropped connection must not crash the process; the next query reports the outage instead.
    pool.on('error', () => undefined);
    // Same for a connection checked out between two statements of a transaction when the server goes away: without a
    // listener, pg's 'error' event would be unhandled and take the whole process down (seen restarting PostgreSQL).
    pool.on('connect', (client) => client.on('error', () => undefined));
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: options.preparedStatements === false ? pool : preparedStatements(pool) }), log });
    dialect = 'postgres';
  } else {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const file = new SQLite(path.join(options.dataDir, `${options.service}.sqlite`));
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = NORMAL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    // Sorts and OR-index lookups use ephemeral tables; in a temp *file* each such statement cost ≈150 µs more (the
    // project list: 243 → 45 µs on 20,000 projects; bench/README.md). They are small: memory is the right place.
    file.pragma('temp_store = MEMORY');
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachedStatements(file) }), log });
    dialect = 'sqlite';
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => options.migrations },
    migrationTableName: `kysely_migration_${options.service}`,
    migrationLockTableName: `kysely_migration_lock_${options.service}`,
    // Without it Kysely looks for its tables in every schema, and a copy in another schema (another test run, another
    // environment on the same server) makes it skip creating them here.
    ...(options.databaseUrl && options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error } = options.migrateUpTo ? await migrator.migrateTo(options.migrateUpTo) : await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`Migrations of ${options.service} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { db, dialect, stats, close: () => db.destroy() };
}

/** JSON columns are text in both dialects: portable, and never anything executable (no pickling). */
export const json = {
  write: (value: unknown): string => JSON.stringify(value ?? null),
  read: <T>(text: string | null | undefined, fallback: T): T => (text == null || text === '' ? fallback : (JSON.parse(text) as T)),
};

export { sql };
