/**
 * Named PostgreSQL statements are prepared once per connection and reused (platform/pg-prepared-statements.ts), on a
 * real PostgreSQL: the server's pg_prepared_statements shows one statement executed many times, results are what
 * unnamed queries return, the number per connection is bounded, and a column added by a migration — ours, through the
 * same pool, or another process's — is seen by the next read instead of failing it.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { openDatabase } from '../../platform/db';
import { preparedStatements } from '../../platform/pg-prepared-statements';
import { statementReuseWorkload, type ItemTables } from '../support/statement-reuse-workload';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `vb_prep_${randomBytes(4).toString('hex')}`;

type Tables = ItemTables;

interface Prepared {
  name: string;
  statement: string;
  executions: number;
}

const admin = new Pool({ connectionString: PG_URL, max: 1 });
beforeAll(() => admin.query(`CREATE SCHEMA ${schema}`));
afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

/** One connection, so what the test reads from pg_prepared_statements is the connection its queries ran on. */
function open(options: { prepared: boolean; perConnection?: number }) {
  const pool = new Pool({ connectionString: PG_URL, max: 1, options: `-c search_path=${schema}` });
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool: options.prepared ? preparedStatements(pool, options.perConnection) : pool }) });
}

const preparedOn = async (db: Kysely<Tables>): Promise<Prepared[]> =>
  (
    await sql<{
      name: string;
      statement: string;
      executions: string;
    }>`select name, statement, generic_plans + custom_plans as executions from pg_prepared_statements order by name`.execute(db)
  ).rows.map((r) => ({ name: r.name, statement: r.statement, executions: Number(r.executions) }));

async function createItems(db: Kysely<Tables>, table: string) {
  await sql`create table ${sql.table(table)} (id integer primary key, name text not null)`.execute(db);
  for (let i = 1; i <= 20; i++) await sql`insert into ${sql.table(table)} (id, name) values (${i}, ${`item ${i}`})`.execute(db);
}

describe('named PostgreSQL statements', () => {
  it('prepares a statement once per connection and executes it again by name', async () => {
    const db = open({ prepared: true });
    try {
      await createItems(db, 'items');
      const read = (id: number) => db.selectFrom('items').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
      for (let id = 1; id <= 5; id++) expect(await read(id)).toEqual({ id, name: `item ${id}` });
      const text = db.selectFrom('items').select(['id', 'name']).where('id', '=', 1).compile().sql;
      const prepared = (await preparedOn(db)).filter((p) => p.statement === text);
      expect(prepared).toHaveLength(1);
      expect(prepared[0].name).toMatch(/^vb\d+_[0-9a-f]{24}$/);
      expect(prepared[0].executions).toBe(5);
    } finally {
      await db.destroy();
      await admin.query(`DROP TABLE IF EXISTS ${schema}.items`);
    }
  });

  it('returns what unnamed queries return, for reads, writes, errors and transactions', async () => {
    const named = open({ prepared: true });
    const plain = open({ prepared: false });
    try {
      const results: unknown[][] = [];
      for (const db of [named, plain]) {
        await createItems(db, 'items');
        results.push(await statementReuseWorkload(db));
        // A named statement that fails (duplicate key) is still usable afterwards.
        for (const id of [1, 2]) await expect(db.insertInto('items').values({ id, name: 'duplicate' }).execute()).rejects.toMatchObject({ code: '23505' });
        expect((await preparedOn(db)).length > 0).toBe(db === named);
        await sql`drop table items`.execute(db);
      }
      expect(results[0]).toEqual(results[1]);
      expect((results[0].at(-1) as unknown[]).length).toBe(23);
    } finally {
      await named.destroy();
      await plain.destroy();
    }
  });

  it('is what openDatabase gives the services, unless DATABASE_PREPARED_STATEMENTS=false turns it off', async () => {
    const migrations = {
      '0001': { up: (db: Kysely<unknown>) => sql`create table if not exists opened (id integer primary key)`.execute(db).then(() => undefined) },
    };
    for (const preparedStatements of [undefined, false]) {
      const database = await openDatabase<Tables>({ service: 'prepared', dataDir: '', databaseUrl: PG_URL, schema, migrations, preparedStatements });
      try {
        // Sequential queries reuse the one idle connection, so pg_prepared_statements is the one they ran on.
        for (let id = 1; id <= 3; id++) await sql`select id from opened where id = ${id}`.execute(database.db);
        const named = (await preparedOn(database.db)).filter((p) => p.statement.startsWith('select id from opened'));
        expect(named.map((p) => p.executions)).toEqual(preparedStatements === false ? [] : [3]);
      } finally {
        await database.close();
      }
    }
  });

  it('names at most its bound per connection and runs the rest unnamed', async () => {
    const db = open({ prepared: true, perConnection: 5 });
    try {
      await createItems(db, 'items');
      // `IN ($1, $2, …)` of every length: a distinct SQL text each.
      for (let n = 1; n <= 20; n++) {
        const ids = Array.from({ length: n }, (_, i) => i + 1);
        expect(await db.selectFrom('items').select('id').where('id', 'in', ids).orderBy('id').execute()).toEqual(ids.map((id) => ({ id })));
      }
      expect(await preparedOn(db)).toHaveLength(5);
    } finally {
      await db.destroy();
      await admin.query(`DROP TABLE IF EXISTS ${schema}.items`);
    }
  });

  it('sees a column our own migration adds, and does not keep statements of the old schema', async () => {
    const db = open({ prepared: true });
    try {
      await createItems(db, 'items');
      const read = () => db.selectFrom('items').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      expect(await read()).toEqual({ id: 1, name: 'item 1' });
      expect(await read()).toEqual({ id: 1, name: 'item 1' });
      const before = await preparedOn(db);
      await db.schema
        .alterTable('items')
        .addColumn('extra', 'text', (c) => c.defaultTo('x'))
        .execute();
      expect(await read()).toEqual({ id: 1, name: 'item 1', extra: 'x' });
      expect(await read()).toEqual({ id: 1, name: 'item 1', extra: 'x' });
      const after = await preparedOn(db);
      // The connection that held the old statements was closed: none of their names is left.
      expect(after.filter((p) => before.some((b) => b.name === p.name))).toEqual([]);
      expect(after.some((p) => p.statement.includes('select *'))).toBe(true);
    } finally {
      await db.destroy();
      await admin.query(`DROP TABLE IF EXISTS ${schema}.items`);
    }
  });

  it("sees a column another process's migration adds: a read outside a transaction is retried, a transaction fails once", async () => {
    const db = open({ prepared: true });
    try {
      await createItems(db, 'items');
      const read = (trx: Kysely<Tables> = db) => trx.selectFrom('items').selectAll().where('id', '=', 2).executeTakeFirstOrThrow();
      const inTransaction = () => db.transaction().execute((trx) => read(trx));
      for (let i = 0; i < 2; i++) {
        expect(await read()).toEqual({ id: 2, name: 'item 2' });
        expect(await inTransaction()).toEqual({ id: 2, name: 'item 2' });
      }
      await admin.query(`ALTER TABLE ${schema}.items ADD COLUMN extra text DEFAULT 'y'`);
      expect(await read()).toEqual({ id: 2, name: 'item 2', extra: 'y' });
      expect(await inTransaction()).toEqual({ id: 2, name: 'item 2', extra: 'y' });

      await admin.query(`ALTER TABLE ${schema}.items ADD COLUMN more text DEFAULT 'z'`);
      // PostgreSQL aborted the transaction on the stale plan: it cannot be retried under it, so it fails, once.
      await expect(inTransaction()).rejects.toThrow('cached plan must not change result type');
      expect(await inTransaction()).toEqual({ id: 2, name: 'item 2', extra: 'y', more: 'z' });
      expect(await read()).toEqual({ id: 2, name: 'item 2', extra: 'y', more: 'z' });
    } finally {
      await db.destroy();
      await admin.query(`DROP TABLE IF EXISTS ${schema}.items`);
    }
  });
});
