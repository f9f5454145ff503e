/**
 * Every service's migrations, on SQLite and PostgreSQL: forward-only (no `down`), they build a schema from an empty
 * database, and they upgrade the previous release's schema (only the first migration applied, rows in every table)
 * to the latest with every row still there. Rows are made generically from the introspected columns, so a new
 * migration or table is covered without touching this test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql, type Migration } from 'kysely';
import { Pool } from 'pg';
import { openDatabase, type Database } from '../../platform/db';
import { projectEntityMigration } from '../../platform/project-entity-store';
import { debuggerMigrations } from '../../subgraphs/debugger/migrations';
import { codegenMigrations } from '../../subgraphs/codegen/artifact-store';
import { deploymentMigrations } from '../../subgraphs/deployment/deployment-store';
import { registryMigrations } from '../../subgraphs/registry/migrations';
import { privateKey } from '../../subgraphs/registry/registry-store';
import { workflowMigrations } from '../../subgraphs/workflow/migrations';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemaPrefix = `vb_mig_${randomBytes(3).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-migrations-'));

/** Each service's migrations as its index.ts passes them to openDatabase. */
const SERVICES: Record<string, Record<string, Migration>> = {
  workflow: workflowMigrations,
  registry: registryMigrations,
  debugger: debuggerMigrations,
  deployment: deploymentMigrations,
  codegen: codegenMigrations,
  assistant: { '0001_suggestions': projectEntityMigration('suggestions') },
};

/** Data migrations that change a kept row on purpose (registry 0004: private ids move into their owner's namespace). */
const REWRITES: Record<string, (row: Record<string, unknown>) => Record<string, unknown>> = {
  'registry.components': (row) => ({ ...row, id: privateKey(String(row.owner_id), String(row.id)) }),
  'registry.templates': (row) => ({ ...row, id: privateKey(String(row.owner_id), String(row.id)) }),
};

const usedSchemas: string[] = [];
afterAll(async () => {
  const pool = new Pool({ connectionString: PG_URL });
  for (const schema of usedSchemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Storage = { dataDir: string; databaseUrl?: string; schema?: string };

function storageFor(dialect: 'sqlite' | 'postgres', label: string): Storage {
  if (dialect === 'sqlite') return { dataDir: fs.mkdtempSync(path.join(dataDir, `${label}-`)) };
  const schema = `${schemaPrefix}_${label}`;
  usedSchemas.push(schema);
  return { dataDir, databaseUrl: PG_URL, schema };
}

interface Column {
  name: string;
  dataType: string;
  isAutoIncrementing: boolean;
}

async function userTables(database: Database<unknown>, schema?: string) {
  const tables = await database.db.introspection.getTables();
  return tables
    .filter((t) => !t.isView && !t.name.startsWith('kysely_migration') && (!schema || t.schema === schema))
    .map((t) => ({ name: t.name, columns: t.columns as Column[] }));
}

/** A value every column type accepts, distinct per table and row. */
function sampleValue(column: Column, tag: string): unknown {
  const type = column.dataType.toLowerCase();
  if (/int|serial/.test(type)) return 7;
  if (/real|double|numeric|float/.test(type)) return 1.5;
  if (/bool/.test(type)) return true;
  if (/json/.test(type)) return '{}';
  if (/timestamp|date/.test(type)) return '2024-01-01T00:00:00.000Z';
  return column.name === 'status' || column.name === 'state' ? 'PENDING' : `${tag}-${column.name}`;
}

describe.each(['sqlite', 'postgres'] as const)('%s', (dialect) => {
  it.each(Object.keys(SERVICES))('%s migrations are forward-only', (service) => {
    for (const [name, migration] of Object.entries(SERVICES[service])) expect({ name, down: migration.down }).toEqual({ name, down: undefined });
  });

  it.each(Object.keys(SERVICES))('%s builds from an empty database', async (service) => {
    const storage = storageFor(dialect, `${service}_empty`);
    const database = await openDatabase<unknown>({ service, ...storage, migrations: SERVICES[service] });
    try {
      const { rows } = await sql<{ name: string }>`select name from ${sql.table(`kysely_migration_${service}`)} order by name`.execute(database.db);
      expect(rows.map((r) => r.name)).toEqual(Object.keys(SERVICES[service]).sort());
      expect((await userTables(database, storage.schema)).length).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it.each(Object.keys(SERVICES))('%s upgrades the previous release with every row kept', async (service) => {
    const migrations = SERVICES[service];
    const first = Object.keys(migrations).sort()[0];
    const storage = storageFor(dialect, `${service}_upgrade`);
    const previous = await openDatabase<any>({ service, ...storage, migrations, migrateUpTo: first });
    const inserted: { table: string; row: Record<string, unknown> }[] = [];
    try {
      for (const table of await userTables(previous, storage.schema)) {
        for (let i = 0; i < 3; i++) {
          const row = Object.fromEntries(table.columns.filter((c) => !c.isAutoIncrementing).map((c) => [c.name, sampleValue(c, `${table.name}${i}`)]));
          // Composite keys of integer columns would collide: vary every integer per row.
          for (const c of table.columns) if (typeof row[c.name] === 'number') row[c.name] = (row[c.name] as number) + i;
          await previous.db.insertInto(table.name).values(row).execute();
          inserted.push({ table: table.name, row });
        }
      }
    } finally {
      await previous.close();
    }
    expect(inserted.length).toBeGreaterThan(0);

    const latest = await openDatabase<any>({ service, ...storage, migrations });
    try {
      for (const { table, row: before } of inserted) {
        const row = REWRITES[`${service}.${table}`]?.(before) ?? before;
        let query = latest.db.selectFrom(table).selectAll();
        for (const [column, value] of Object.entries(row)) query = query.where(column, '=', value);
        expect({ table, found: (await query.execute()).length }).toEqual({ table, found: 1 });
      }
      const { rows } = await sql<{ name: string }>`select name from ${sql.table(`kysely_migration_${service}`)}`.execute(latest.db);
      expect(rows.length).toBe(Object.keys(migrations).length);
    } finally {
      await latest.close();
    }
  });
});
