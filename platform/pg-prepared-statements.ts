/**
 * Named PostgreSQL statements, prepared once per connection and reused (docs/ARCHITECTURE.md §9). Kysely's
 * PostgresDialect sends every query unnamed, so PostgreSQL parses, analyses and plans the same SQL text on every call.
 * This wraps the `pg` pool Kysely is given: a parameterised DML statement is sent as `{ name, text, values }`, the name
 * derived from a hash of its text, so `pg` sends Parse only the first time a connection sees it and Bind/Execute after.
 *
 * - Only statements that already use the extended protocol (they have parameters) and are DML are named: `begin`,
 *   `commit` and DDL keep the simple protocol, and a multi-statement text is never named (Parse refuses those).
 * - At most `perConnection` names per connection, first come; later texts run unnamed. Kysely's SQL is parameterised,
 *   so a service has a few hundred texts; `IN ($1, $2, …)` lists of every length are why the bound exists.
 * - A schema change invalidates what was prepared: PostgreSQL re-plans by itself, but a statement whose result columns
 *   changed (`SELECT *` after `ADD COLUMN`) fails with "cached plan must not change result type". DDL through this pool
 *   (our migrations, at start) starts a new generation: names carry it, and a connection holding an older generation's
 *   statements is closed when next checked out instead of reused. DDL from another process (a rolling upgrade) shows
 *   as that error: a new generation starts likewise, and the statement is run again (unnamed) when no transaction
 *   was open; inside a transaction the error reaches the caller (PostgreSQL has aborted the transaction), at most
 *   once per connection.
 */
import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type { Pool, PoolClient } from 'pg';

export const PREPARED_STATEMENTS_PER_CONNECTION = 200;

const DDL = /^\s*(create|alter|drop)\b/i;
const DML = /^\s*(select|insert|update|delete|with)\b/i;
/** The text → name memo stays small: the texts a service runs are few, anything beyond is hashed again. */
const MAX_NAMED_TEXTS = 2_000;

interface Connection {
  generation: number;
  named: Set<string>;
}

const isResultTypeChange = (err: unknown) =>
  (err as { code?: string }).code === '0A000' && /cached plan must not change result type/.test((err as Error).message);

export function preparedStatements(pool: Pool, perConnection = PREPARED_STATEMENTS_PER_CONNECTION): PostgresPool {
  let generation = 0;
  const connections = new WeakMap<PoolClient, { state: Connection; wrapped: PostgresPoolClient }>();
  /** SQL text → its name in the current generation. */
  const names = new Map<string, string>();
  const newGeneration = () => {
    generation++;
    names.clear();
  };
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      if (names.size >= MAX_NAMED_TEXTS) names.clear();
      name = `vb${generation}_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };

  const wrap = (client: PoolClient, connection: Connection): PostgresPoolClient => {
    const unnamed = (text: string, values: unknown[]) => client.query(text, values) as Promise<PostgresQueryResult<unknown>>;
    const run = (text: string, values: unknown[]): Promise<PostgresQueryResult<unknown>> => {
      if (DDL.test(text)) {
        newGeneration();
        return unnamed(text, values);
      }
      // A connection of an older generation is closed at its next checkout; until then it names nothing new.
      if (!values.length || connection.generation !== generation || !DML.test(text)) return unnamed(text, values);
      const name = nameOf(text);
      if (!connection.named.has(name)) {
        if (connection.named.size >= perConnection) return unnamed(text, values);
        connection.named.add(name);
      }
      return (client.query({ name, text, values }) as Promise<PostgresQueryResult<unknown>>).catch((err: unknown) => {
        if (!isResultTypeChange(err)) throw err;
        if (connection.generation === generation) newGeneration();
        // 'I': no transaction was open, so nothing was aborted and running it again is what the caller asked for.
        if (client.getTransactionStatus() !== 'I') throw err;
        return unnamed(text, values);
      });
    };
    return {
      query: ((textOrCursor: string | PostgresCursor<unknown>, values: unknown[] = []) =>
        typeof textOrCursor === 'string' ? run(textOrCursor, values) : client.query(textOrCursor as never)) as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  };

  return {
    async connect() {
      for (;;) {
        const client = await pool.connect();
        const known = connections.get(client);
        if (!known) {
          const state = { generation, named: new Set<string>() };
          const fresh = { state, wrapped: wrap(client, state) };
          connections.set(client, fresh);
          return fresh.wrapped;
        }
        if (known.state.generation !== generation && known.state.named.size > 0) {
          // Statements prepared against an older schema: close the connection, and them with it, rather than risk them.
          client.release(true);
          continue;
        }
        known.state.generation = generation;
        return known.wrapped;
      }
    },
    end: () => pool.end(),
  };
}
