/**
 * Persistence of debug sessions: the session row (keys and queried columns + a JSON body, via the shared entity
 * store for reads) and the append-only journal of completed steps and edits that a restarted process replays.
 * With several replicas every write is fenced by the session's lease (session-leases.ts): a replica that lost a
 * session cannot overwrite what the replica driving it now has written.
 */
import { sql, type Kysely } from 'kysely';
import type { Frame } from '../../engine/runtime/types';
import type { WorkflowGraph } from '../../engine/model/types';
import { json, type Database } from '../../platform/db';
import { appError } from '../../platform/errors';
import { ProjectEntityStore, type ProjectEntity } from '../../platform/project-entity-store';
import type { JournalEntry } from './journal';

export type DebugState = 'INITIALIZED' | 'RUNNING' | 'PAUSED' | 'COMPLETED' | 'STOPPED' | 'ERROR';
export type PauseReason = 'BREAKPOINT' | 'STEP' | 'PAUSE' | 'ERROR';
export const LIVE_STATES: readonly DebugState[] = ['INITIALIZED', 'RUNNING', 'PAUSED'];

export interface BreakpointRecord {
  nodeId: string;
  condition: string | null;
  enabled: boolean;
  hitCount: number;
  lastError: string | null;
}

export interface WatchRecord {
  id: string;
  expression: string;
  value: unknown;
  error: string | null;
}

/** Where a paused session stands: before `nodeId` in the frame `frames`, which would run with `inputs`. */
export interface Position {
  nodeId: string;
  frames: Frame[];
  inputs: Record<string, unknown>;
}

/** A step-through run of a pinned project version. */
export interface DebugSessionRecord extends ProjectEntity {
  projectVersion: number;
  /** The pinned graph: a restarted process rebuilds the run from it without asking the workflow service. */
  graph: WorkflowGraph;
  inputs: Record<string, unknown>;
  state: DebugState;
  pauseReason: PauseReason | null;
  position: Position | null;
  error: { code: string; message: string } | null;
  outputs: Record<string, unknown> | null;
  breakpoints: BreakpointRecord[];
  breakOnError: boolean;
  /** Node ids where a breakpoint paused the session, in order (the legacy `breakpoints_hit`). */
  breakpointsHit: string[];
  watches: WatchRecord[];
  nextWatchId: number;
  /** Idle expiry: pushed forward by every action. */
  expiresAt: string | null;
  /** Why a session ended when nobody stopped it (e.g. idle timeout). */
  endedReason: string | null;
  /** Journal entries written so far (the next entry's seq). */
  journalLength: number;
  /** Debug events published so far (the next event's seq). */
  eventSeq: number;
}

interface Tables {
  debug_sessions: {
    id: string;
    project_id: string;
    owner_id: string;
    created_at: string;
    updated_at: string;
    body: string;
    state: string;
    expires_at: string | null;
    lease_holder: string | null;
    lease_until: string | null;
  };
  debug_journal: { session_id: string; seq: number; entry: string };
}

const KEY_FIELDS = new Set(['id', 'projectId', 'ownerId', 'createdAt', 'updatedAt']);

/** A write refused because another replica holds the session's lease now: the command can be sent again. */
export function leaseLost(sessionId: string) {
  return appError('SERVICE_UNAVAILABLE', `another debugger replica has taken debug session "${sessionId}" over; send the command again`, {
    sessionId,
    reason: 'LEASE_LOST',
  });
}

export const isLeaseLost = (err: unknown): boolean => (err as { extensions?: { reason?: unknown } } | undefined)?.extensions?.reason === 'LEASE_LOST';

/** This replica's lease identity: sessions it creates start leased to it, and its writes need the lease. */
export interface LeaseFence {
  holder: string;
  leaseMs: number;
}

export class SessionStore {
  private readonly db: Kysely<Tables>;
  private readonly entities: ProjectEntityStore<DebugSessionRecord>;

  /** Without a fence (one process) writes are not conditional. */
  constructor(
    database: Database<unknown>,
    private readonly fence?: LeaseFence,
  ) {
    this.db = database.db as unknown as Kysely<Tables>;
    this.entities = new ProjectEntityStore<DebugSessionRecord>(database, 'debug_sessions');
  }

  async insert(session: DebugSessionRecord): Promise<void> {
    const lease = this.fence ? { lease_holder: this.fence.holder, lease_until: new Date(Date.now() + this.fence.leaseMs).toISOString() } : {};
    await this.db
      .insertInto('debug_sessions')
      .values({ id: session.id, project_id: session.projectId, owner_id: session.ownerId, created_at: session.createdAt, ...this.columns(session), ...lease })
      .execute();
  }

  async update(session: DebugSessionRecord): Promise<void> {
    let query = this.db.updateTable('debug_sessions').set(this.columns(session)).where('id', '=', session.id);
    if (this.fence) query = query.where('lease_holder', '=', this.fence.holder);
    const result = await query.executeTakeFirst();
    if (this.fence && Number(result.numUpdatedRows) === 0) throw leaseLost(session.id);
  }

  get(id: string): Promise<DebugSessionRecord | undefined> {
    return this.entities.get(id);
  }

  getMany(ids: readonly string[]): Promise<Map<string, DebugSessionRecord>> {
    return this.entities.getMany(ids);
  }

  listByProjects(projectIds: readonly string[], first: number): Promise<Map<string, DebugSessionRecord[]>> {
    return this.entities.listByProjects(projectIds, first);
  }

  async listByOwner(ownerId: string, first: number, state?: DebugState): Promise<DebugSessionRecord[]> {
    let query = this.db.selectFrom('debug_sessions').select('id').where('owner_id', '=', ownerId);
    if (state) query = query.where('state', '=', state);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(first).execute();
    const found = await this.getMany(rows.map((r) => r.id));
    return rows.map((r) => found.get(r.id)).filter((s): s is DebugSessionRecord => s !== undefined);
  }

  /** Live sessions of an owner that have not expired (for the per-user cap). */
  async countLive(ownerId: string, now: string): Promise<number> {
    const row = await this.db
      .selectFrom('debug_sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', ownerId)
      .where('state', 'in', [...LIVE_STATES])
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async expiredLiveIds(now: string, limit = 100): Promise<string[]> {
    const rows = await this.db
      .selectFrom('debug_sessions')
      .select('id')
      .where('state', 'in', [...LIVE_STATES])
      .where('expires_at', '<=', now)
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Writes entry `seq`. An entry already there is one its writer never recorded in the session row (the process
   * ended in between): it did not happen, so it is replaced.
   */
  async appendJournal(sessionId: string, seq: number, entry: JournalEntry): Promise<void> {
    const text = json.write(entry);
    const insert = this.db.insertInto('debug_journal');
    const fenced = this.fence
      ? insert.columns(['session_id', 'seq', 'entry']).expression((eb) =>
          eb
            .selectFrom('debug_sessions')
            .select((row) => [row.ref('id').as('session_id'), sql<number>`cast(${seq} as integer)`.as('seq'), sql<string>`cast(${text} as text)`.as('entry')])
            .where('id', '=', sessionId)
            .where('lease_holder', '=', this.fence!.holder),
        )
      : insert.values({ session_id: sessionId, seq, entry: text });
    const result = await fenced
      .onConflict((oc) => oc.columns(['session_id', 'seq']).doUpdateSet({ entry: (eb) => eb.ref('excluded.entry') }))
      .executeTakeFirst();
    if (this.fence && !Number(result.numInsertedOrUpdatedRows)) throw leaseLost(sessionId);
  }

  /** The first `length` entries (the session row's journalLength: anything after it was never recorded). */
  async journal(sessionId: string, length: number): Promise<JournalEntry[]> {
    const rows = await this.db
      .selectFrom('debug_journal')
      .select('entry')
      .where('session_id', '=', sessionId)
      .where('seq', '<', length)
      .orderBy('seq')
      .execute();
    return rows.map((r) => json.read<JournalEntry>(r.entry, null as never));
  }

  /** Fenced too: a replica that lost the session must not wipe the journal of the one driving it (RESTART). */
  async clearJournal(sessionId: string): Promise<void> {
    let query = this.db.deleteFrom('debug_journal').where('session_id', '=', sessionId);
    const holder = this.fence?.holder;
    if (holder)
      query = query.where((eb) => eb.exists(eb.selectFrom('debug_sessions').select('id').where('id', '=', sessionId).where('lease_holder', '=', holder)));
    await query.execute();
  }

  private columns(session: DebugSessionRecord) {
    const body = Object.fromEntries(Object.entries(session).filter(([k]) => !KEY_FIELDS.has(k)));
    return { updated_at: session.updatedAt, state: session.state, expires_at: session.expiresAt, body: json.write(body) };
  }
}
