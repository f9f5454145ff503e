/**
 * What the statement-reuse tests (SQLite's cache, PostgreSQL's named statements) run on a reusing database and on a
 * plain one: reads, writes and transactions, each three times so reused statements run again; the results must match.
 */
import type { Kysely } from 'kysely';

export interface ItemTables {
  items: { id: number; name: string; extra?: string | null; more?: string | null };
}

export async function statementReuseWorkload(db: Kysely<ItemTables>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let round = 0; round < 3; round++) {
    out.push(
      await db
        .selectFrom('items')
        .selectAll()
        .where('id', '>', 15 + round)
        .orderBy('id')
        .execute(),
    );
    out.push(
      await db
        .updateTable('items')
        .set({ name: `renamed ${round}` })
        .where('id', '=', 3)
        .executeTakeFirst(),
    );
    out.push(
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('items')
          .values({ id: 100 + round, name: 'new' })
          .execute();
        return trx
          .selectFrom('items')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('id', '>', 0)
          .executeTakeFirstOrThrow();
      }),
    );
    // A refused transaction rolls back through the same reused statements.
    let refused: unknown;
    await db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('items')
          .values({ id: 200 + round, name: 'gone' })
          .execute();
        throw new Error('refused');
      })
      .catch((err: Error) => (refused = err.message));
    out.push(refused);
  }
  out.push(await db.selectFrom('items').selectAll().where('id', '>', 0).orderBy('id').execute());
  return out;
}
