/**
 * Persistence of debug sessions: the session row (keys and queried columns + a JSON body, via the shared entity
 * store for reads) and the append-only journal of completed steps and edits that a restarted process replays.
 */
import type { Kysely } from 'kysely';
import type { Frame } from '../../engine/runtime/types';
import type { WorkflowGraph } from '../../engine/model/types';
import { json, type Database } from '../../platform/db';
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
  };
  debug_journal: { session_id: string; seq: number; entry: string };
}

const KEY_FIELDS = new Set(['id', 'projectId', 'ownerId', 'createdAt', 'updatedAt']);

export class SessionStore {
  private readonly db: Kysely<Tables>;
  private readonly entities: ProjectEntityStore<DebugSessionRecord>;

  constructor(database: Database<unknown>) {
    this.db = database.db as unknown as Kysely<Tables>;
    this.entities = new ProjectEntityStore<DebugSessionRecord>(database, 'debug_sessions');
  }

  async insert(session: DebugSessionRecord): Promise<void> {
    await this.db
      .insertInto('debug_sessions')
      .values({ id: session.id, project_id: session.projectId, owner_id: session.ownerId, created_at: session.createdAt, ...this.columns(session) })
      .execute();
  }

  async update(session: DebugSessionRecord): Promise<void> {
    await this.db.updateTable('debug_sessions').set(this.columns(session)).where('id', '=', session.id).execute();
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

  async appendJournal(sessionId: string, seq: number, entry: JournalEntry): Promise<void> {
    await this.db
      .insertInto('debug_journal')
      .values({ session_id: sessionId, seq, entry: json.write(entry) })
      .execute();
  }

  async journal(sessionId: string): Promise<JournalEntry[]> {
    const rows = await this.db.selectFrom('debug_journal').select('entry').where('session_id', '=', sessionId).orderBy('seq').execute();
    return rows.map((r) => json.read<JournalEntry>(r.entry, null as never));
  }

  async clearJournal(sessionId: string): Promise<void> {
    await this.db.deleteFrom('debug_journal').where('session_id', '=', sessionId).execute();
  }

  private columns(session: DebugSessionRecord) {
    const body = Object.fromEntries(Object.entries(session).filter(([k]) => !KEY_FIELDS.has(k)));
    return { updated_at: session.updatedAt, state: session.state, expires_at: session.expiresAt, body: json.write(body) };
  }
}
