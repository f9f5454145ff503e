/** Workflow runs and their steps, stored bounded: at most MAX_STEPS steps and MAX_VALUE_BYTES per recorded value. */
import type { Kysely } from 'kysely';
import type { RunStatus, StepRecord } from '../../engine/runtime/types';
import { json, type Database } from '../../platform/db';
import { newestPerProject } from '../../platform/project-entity-store';
import type { RunEventPayload } from '../../platform/events';

interface RunsTable {
  id: string;
  project_id: string;
  project_version: number;
  owner_id: string;
  status: string;
  inputs: string;
  outputs: string | null;
  error: string | null;
  steps: string;
  truncated: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The pinned project graph the run executes (secret references unresolved). */
  graph: string | null;
  worker_id: string | null;
  heartbeat_at: string | null;
  /** Times the run went back to the queue after its worker was lost or shut down (run-executor.ts). */
  requeues: number;
  /** The first node acting outside the run that started in the current attempt (then it is never re-queued). */
  outside_effects_node: string | null;
  outside_effects_at: string | null;
}

interface RunEventsTable {
  run_id: string;
  seq: number;
  event: string;
}

export interface RunTables {
  runs: RunsTable;
  run_events: RunEventsTable;
}

/** A recorded run event: the interpreter's event (secrets masked) with its sequence number. */
export type StoredRunEvent = RunEventPayload;

/** Events kept per run; later ones are streamed live only (RUN_FINISHED is always kept). */
export const MAX_EVENTS = 5_000;

export interface RunRecord {
  id: string;
  projectId: string;
  projectVersion: number;
  ownerId: string;
  status: RunStatus;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  steps: StepRecord[];
  truncated: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Times it went back to the queue after its worker was lost or shut down. */
  requeues: number;
  /** While running: the first node acting outside the run (model, network) that started, if any. */
  outsideEffectsNode: string | null;
}

/** A run as lists and entity fetches read it: without its steps (the largest column), loaded when selected (`stepsOf`). */
export type RunSummary = Omit<RunRecord, 'steps'> & { steps?: StepRecord[] };

/** Every column a RunSummary is built from: never `steps` or `graph`, which can be large. */
const SUMMARY_COLUMNS = [
  'id',
  'project_id',
  'project_version',
  'owner_id',
  'status',
  'inputs',
  'outputs',
  'error',
  'truncated',
  'created_at',
  'started_at',
  'finished_at',
  'requeues',
  'outside_effects_node',
] as const;

/**
 * Who may change a running run: the worker executing it, or a sweeper that saw its heartbeat stop before a cutoff.
 * A write under a holder applies only while the run is still running under it, so two processes never both decide.
 */
export type RunHolder = { workerId: string } | { heartbeatBefore: string };

export const MAX_STEPS = 2_000;
export const MAX_VALUE_BYTES = 64 * 1024;

/** A value too large to keep is replaced by a marked preview, so a run record stays bounded. */
export function boundValue(value: unknown): { value: unknown; cut: boolean } {
  if (value === undefined) return { value, cut: false };
  const text = JSON.stringify(value);
  if (text === undefined || text.length <= MAX_VALUE_BYTES) return { value, cut: false };
  return { value: { $truncated: true, bytes: text.length, preview: text.slice(0, 1_000) }, cut: true };
}

export function boundSteps(steps: StepRecord[]): { steps: StepRecord[]; truncated: boolean } {
  let truncated = steps.length > MAX_STEPS;
  const kept = steps.slice(0, MAX_STEPS).map((step) => {
    const inputs = boundValue(step.inputs);
    const outputs = boundValue(step.outputs);
    truncated ||= inputs.cut || outputs.cut;
    return { ...step, inputs: inputs.value as StepRecord['inputs'], outputs: outputs.value as StepRecord['outputs'] };
  });
  return { steps: kept, truncated };
}

function toRecord(row: RunsTable): RunRecord {
  return { ...toSummary(row), steps: json.read(row.steps, []) };
}

function toSummary(row: Pick<RunsTable, (typeof SUMMARY_COLUMNS)[number]>): RunSummary {
  return {
    id: row.id,
    projectId: row.project_id,
    projectVersion: Number(row.project_version),
    ownerId: row.owner_id,
    status: row.status as RunStatus,
    inputs: json.read(row.inputs, {}),
    outputs: json.read(row.outputs, null),
    error: json.read(row.error, null),
    truncated: Boolean(row.truncated),
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    requeues: Number(row.requeues ?? 0),
    outsideEffectsNode: row.outside_effects_node ?? null,
  };
}

export class RunStore {
  constructor(private readonly database: Database<RunTables>) {}

  private get db(): Kysely<RunTables> {
    return this.database.db;
  }

  async insert(run: RunRecord, graph?: unknown): Promise<void> {
    await this.db
      .insertInto('runs')
      .values({
        id: run.id,
        project_id: run.projectId,
        project_version: run.projectVersion,
        owner_id: run.ownerId,
        status: run.status,
        inputs: json.write(run.inputs),
        outputs: run.outputs === null ? null : json.write(run.outputs),
        error: run.error === null ? null : json.write(run.error),
        steps: json.write(run.steps),
        truncated: run.truncated ? 1 : 0,
        created_at: run.createdAt,
        started_at: run.startedAt,
        finished_at: run.finishedAt,
        graph: graph === undefined ? null : json.write(graph),
        worker_id: null,
        heartbeat_at: null,
        requeues: run.requeues,
        outside_effects_node: null,
        outside_effects_at: null,
      })
      .execute();
  }

  async graphOf(id: string): Promise<unknown> {
    const row = await this.db.selectFrom('runs').select('graph').where('id', '=', id).executeTakeFirst();
    return json.read(row?.graph ?? null, null);
  }

  /** Takes a queued run for `workerId`; false when it was cancelled or another worker took it first. */
  async claim(id: string, workerId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('runs')
      .set({ status: 'running', started_at: at, worker_id: workerId, heartbeat_at: at })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Beats for the runs `workerId` executes; returns those still running under it (the others were taken back). */
  async heartbeat(ids: readonly string[], workerId: string, at: string): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db
      .updateTable('runs')
      .set({ heartbeat_at: at })
      .where('id', 'in', [...ids])
      .where('status', '=', 'running')
      .where('worker_id', '=', workerId)
      .returning('id')
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Records that `nodeId` (acting outside the run) starts now; false when the run no longer runs under `workerId`. */
  async markOutsideEffects(id: string, workerId: string, nodeId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('runs')
      .set({ outside_effects_node: nodeId, outside_effects_at: at })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker_id', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Puts a running run back in the queue if no node acting outside it had started and it was re-queued fewer than
   * `maxRequeues` times; false otherwise (or when `holder` no longer holds it).
   */
  async requeue(id: string, holder: RunHolder, maxRequeues: number): Promise<boolean> {
    const result = await this.held(
      this.db
        .updateTable('runs')
        .set((eb) => ({ status: 'queued', requeues: eb('requeues', '+', 1), started_at: null, worker_id: null, heartbeat_at: null }))
        .where('id', '=', id)
        .where('outside_effects_node', 'is', null)
        .where('requeues', '<', maxRequeues),
      holder,
    ).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private held<Q extends { where(...args: any[]): Q }>(query: Q, holder: RunHolder): Q {
    const running = query.where('status', '=', 'running');
    return 'workerId' in holder ? running.where('worker_id', '=', holder.workerId) : running.where('heartbeat_at', '<', holder.heartbeatBefore);
  }

  /** Running runs whose worker stopped beating before `cutoff` (the worker is gone). */
  async lostRuns(cutoff: string): Promise<RunRecord[]> {
    const rows = await this.db.selectFrom('runs').selectAll().where('status', '=', 'running').where('heartbeat_at', '<', cutoff).limit(100).execute();
    return rows.map(toRecord);
  }

  async countByStatus(status: RunStatus, filter: { ownerId?: string; projectId?: string } = {}): Promise<number> {
    let query = this.db
      .selectFrom('runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', status);
    if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
    if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  /** The oldest queued runs (for queue positions). */
  async queued(limit: number): Promise<Array<{ runId: string; ownerId: string; projectId: string; createdAt: string }>> {
    const rows = await this.db
      .selectFrom('runs')
      .select(['id', 'owner_id', 'project_id', 'created_at'])
      .where('status', '=', 'queued')
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ runId: r.id, ownerId: r.owner_id, projectId: r.project_id, createdAt: r.created_at }));
  }

  /** Stores events in order, except those past the first MAX_EVENTS of the run (RUN_FINISHED is always kept). */
  async appendEvents(runId: string, events: readonly StoredRunEvent[]): Promise<void> {
    const kept = events.filter((event) => event.seq < MAX_EVENTS || event.type === 'RUN_FINISHED');
    // Chunked: SQLite allows 32,766 bound values per statement.
    for (let i = 0; i < kept.length; i += 1_000) {
      await this.db
        .insertInto('run_events')
        .values(kept.slice(i, i + 1_000).map((event) => ({ run_id: runId, seq: event.seq, event: json.write(event) })))
        .execute();
    }
  }

  async events(runId: string, fromSeq: number, first: number): Promise<StoredRunEvent[]> {
    const rows = await this.db
      .selectFrom('run_events')
      .select('event')
      .where('run_id', '=', runId)
      .where('seq', '>=', fromSeq)
      .orderBy('seq')
      .limit(first)
      .execute();
    return rows.map((r) => json.read(r.event, {}) as StoredRunEvent);
  }

  /** The sequence number the run's next event gets. */
  async nextSeq(runId: string): Promise<number> {
    const row = await this.db
      .selectFrom('run_events')
      .select((eb) => eb.fn.max<number>('seq').as('last'))
      .where('run_id', '=', runId)
      .executeTakeFirst();
    return row?.last == null ? 0 : Number(row.last) + 1;
  }

  /**
   * Writes the run's new state unless it already finished (a cancelled run is not overwritten by its late end); with
   * a holder, only while the run still runs under it (a worker whose run was taken back does not overwrite it).
   */
  async update(run: RunRecord, holder?: RunHolder): Promise<boolean> {
    let query = this.db
      .updateTable('runs')
      .set({
        status: run.status,
        outputs: run.outputs === null ? null : json.write(run.outputs),
        error: run.error === null ? null : json.write(run.error),
        steps: json.write(run.steps),
        truncated: run.truncated ? 1 : 0,
        started_at: run.startedAt,
        finished_at: run.finishedAt,
      })
      .where('id', '=', run.id)
      .where('status', 'in', ['queued', 'running']);
    if (holder) query = this.held(query, holder);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async getMany(ids: readonly string[]): Promise<Map<string, RunSummary>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .selectFrom('runs')
      .select(SUMMARY_COLUMNS)
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, toSummary(r)]));
  }

  /** Each run's steps, for the runs that exist. */
  async stepsOf(ids: readonly string[]): Promise<Map<string, StepRecord[]>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .selectFrom('runs')
      .select(['id', 'steps'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, json.read(r.steps, [])]));
  }

  /** The newest `first` runs of each project, in one statement (a DataLoader batch: the dashboard lists many projects). */
  async listByProjects(projectIds: readonly string[], first: number): Promise<Map<string, RunSummary[]>> {
    const result = new Map<string, RunSummary[]>(projectIds.map((id) => [id, []]));
    const rows = await newestPerProject<Pick<RunsTable, (typeof SUMMARY_COLUMNS)[number]>>(this.db, 'runs', projectIds, first, SUMMARY_COLUMNS);
    for (const row of rows) result.get(row.project_id)?.push(toSummary(row));
    return result;
  }

  /** The project's latest run that succeeded, with its steps (what a partial run reuses). */
  async lastSucceeded(projectId: string): Promise<RunRecord | undefined> {
    const row = await this.db
      .selectFrom('runs')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('status', '=', 'succeeded')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /**
   * Runs left running by a process that died before heartbeats existed cannot resume: marked failed, honestly.
   * Only runs older than the longest a run may take are touched. (Runs with a heartbeat: sweepLostRuns.)
   */
  async failInterrupted(startedBefore: string): Promise<number> {
    const result = await this.db
      .updateTable('runs')
      .set({
        status: 'failed',
        error: json.write({ code: 'INTERRUPTED', message: 'The workflow service restarted while this run was in progress' }),
        finished_at: new Date().toISOString(),
      })
      .where('status', '=', 'running')
      .where('heartbeat_at', 'is', null)
      .where('created_at', '<', startedBefore)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
