/**
 * Which debugger replica drives each debug session, and until when (docs/ARCHITECTURE.md §5.1): a lease kept on the
 * session's own row, so taking it over and fencing the session's writes (session-store.ts) are statements on the same
 * data. Times are ISO strings from the replicas' clocks, like the run heartbeat; the lease is long against clock skew.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db';
import { LIVE_STATES } from './session-store';

export interface Lease {
  holder: string | null;
  until: string | null;
}

interface Tables {
  debug_sessions: { id: string; state: string; lease_holder: string | null; lease_until: string | null };
}

export class SessionLeases {
  private readonly db: Kysely<Tables>;

  constructor(database: Database<unknown>) {
    this.db = database.db as unknown as Kysely<Tables>;
  }

  /** The session's lease; undefined when there is no such session. */
  async read(id: string): Promise<Lease | undefined> {
    const row = await this.db.selectFrom('debug_sessions').select(['lease_holder', 'lease_until']).where('id', '=', id).executeTakeFirst();
    return row && { holder: row.lease_holder, until: row.lease_until };
  }

  /** Takes the lease if the row still holds `seen` (nobody took it meanwhile); false otherwise. */
  async take(id: string, seen: Lease, holder: string, until: string): Promise<boolean> {
    const result = await this.db
      .updateTable('debug_sessions')
      .set({ lease_holder: holder, lease_until: until })
      .where('id', '=', id)
      .where('lease_holder', seen.holder === null ? 'is' : '=', seen.holder)
      .where('lease_until', seen.until === null ? 'is' : '=', seen.until)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Extends `holder`'s leases on live sessions (an ended session's lease just runs out); returns their ids. */
  async renew(holder: string, until: string): Promise<string[]> {
    const rows = await this.db
      .updateTable('debug_sessions')
      .set({ lease_until: until })
      .where('lease_holder', '=', holder)
      .where('state', 'in', [...LIVE_STATES])
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Hands every lease of `holder` back (graceful shutdown): the next command, on any replica, takes the session. */
  async releaseAll(holder: string): Promise<void> {
    await this.db.updateTable('debug_sessions').set({ lease_holder: null, lease_until: null }).where('lease_holder', '=', holder).execute();
  }
}
