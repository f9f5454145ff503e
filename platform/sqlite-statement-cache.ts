/**
 * Prepared SQLite statements, reused (docs/ARCHITECTURE.md §9). Kysely's SqliteDialect calls `prepare` for every query;
 * compiling the SQL was the largest single cost of a graph edit in the workflow subgraph (profile in bench/README.md).
 * This wraps the better-sqlite3 database Kysely is given: statements are kept in a small LRU keyed by SQL text. The
 * SQL Kysely generates is parameterised, so a few hundred distinct texts cover a service; `IN (?, ?, …)` lists of
 * every length are what make the bound necessary.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export const STATEMENT_CACHE_SIZE = 500;

/**
 * A schema change empties the cache: SQLite re-prepares a statement whose tables changed by itself, but statements of a
 * dropped or rebuilt table (migrations copy tables to change columns) are dead weight, and a migration is rare.
 */
const DDL = /^\s*(create|alter|drop)\b/i;

export interface CachedSqliteDatabase extends SqliteDatabase {
  /** Statements currently cached (tests). */
  readonly cachedStatements: number;
}

export function cachedStatements(file: SQLite.Database, size = STATEMENT_CACHE_SIZE): CachedSqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    get cachedStatements() {
      return cache.size;
    },
    close: () => {
      cache.clear();
      file.close();
    },
    prepare(sql: string): SqliteStatement {
      if (DDL.test(sql)) {
        cache.clear();
        return file.prepare(sql);
      }
      let statement = cache.get(sql);
      // A statement still being iterated (Kysely's streamQuery) cannot run again until it is done: prepare another.
      if (statement?.busy) return file.prepare(sql);
      if (statement) {
        cache.delete(sql); // re-inserted last: Map order is the LRU order
      } else {
        statement = file.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
