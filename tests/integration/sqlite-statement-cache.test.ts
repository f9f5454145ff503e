/**
 * Prepared SQLite statements are reused (platform/sqlite-statement-cache.ts): the same results as preparing every
 * time, the cache stays bounded, a schema change empties it and the next reads see the new schema, and a statement
 * still being iterated is never handed out again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { cachedStatements, type CachedSqliteDatabase } from '../../platform/sqlite-statement-cache';
import { statementReuseWorkload, type ItemTables } from '../support/statement-reuse-workload';

type Tables = ItemTables;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-stmt-cache-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function open(name: string, size?: number): { db: Kysely<Tables>; cache: CachedSqliteDatabase; file: SQLite.Database } {
  const file = new SQLite(path.join(dataDir, `${name}.sqlite`));
  const cache = cachedStatements(file, size);
  return { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: cache }) }), cache, file };
}

async function seed(db: Kysely<Tables>) {
  await db.schema
    .createTable('items')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  for (let i = 1; i <= 20; i++)
    await db
      .insertInto('items')
      .values({ id: i, name: `item ${i}` })
      .execute();
}

describe('cached SQLite statements', () => {
  it('returns what an uncached database returns, for reads, writes and transactions', async () => {
    const cached = open('same-cached');
    const plain = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new SQLite(path.join(dataDir, 'same-plain.sqlite')) }) });
    try {
      for (const db of [cached.db, plain]) await seed(db);
      const [withCache, without] = [await statementReuseWorkload(cached.db), await statementReuseWorkload(plain)];
      expect(withCache).toEqual(without);
      expect((withCache.at(-1) as unknown[]).length).toBe(23);
      expect(cached.cache.cachedStatements).toBeGreaterThan(0);
    } finally {
      await cached.db.destroy();
      await plain.destroy();
    }
  });

  it('keeps at most its size, evicting the least recently used', async () => {
    const { db, cache } = open('bounded', 5);
    try {
      await seed(db);
      // `IN (?, ?, …)` of every length: a distinct SQL text each.
      for (let n = 1; n <= 20; n++) {
        const ids = Array.from({ length: n }, (_, i) => i + 1);
        expect(await db.selectFrom('items').select('id').where('id', 'in', ids).execute()).toHaveLength(n);
        expect(cache.cachedStatements).toBeLessThanOrEqual(5);
      }
      expect(cache.cachedStatements).toBe(5);
    } finally {
      await db.destroy();
    }
  });

  it('empties itself on a schema change, and reads after it see the new columns', async () => {
    const { db, cache } = open('migration');
    try {
      await seed(db);
      const read = () => db.selectFrom('items').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      expect(await read()).toEqual({ id: 1, name: 'item 1' });
      expect(cache.cachedStatements).toBeGreaterThan(0);
      await sql`alter table items add column extra text default 'x'`.execute(db);
      expect(cache.cachedStatements).toBe(0);
      expect(await read()).toEqual({ id: 1, name: 'item 1', extra: 'x' });
    } finally {
      await db.destroy();
    }
  });

  it('never hands out a statement that is still being iterated', async () => {
    const { cache, file } = open('busy');
    try {
      file.exec('create table items (id integer primary key, name text)');
      file.exec("insert into items values (1, 'a'), (2, 'b')");
      const text = 'select id from items order by id';
      const iterating = cache.prepare(text).iterate([]);
      expect(iterating.next().value).toEqual({ id: 1 });
      // The same SQL while the first is mid-iteration (better-sqlite3 refuses to run a busy statement).
      expect(cache.prepare(text).all([])).toEqual([{ id: 1 }, { id: 2 }]);
      expect(iterating.next().value).toEqual({ id: 2 });
      iterating.return?.();
      expect(cache.prepare(text).all([])).toEqual([{ id: 1 }, { id: 2 }]);
    } finally {
      cache.close();
    }
  });
});
