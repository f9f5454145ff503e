/**
 * The recovery policy's decisions on both dialects (docs/ARCHITECTURE.md §5.1), with the real run store and the
 * in-process queue: a lost pure run is re-queued (recorded: requeues, a RUN_REQUEUED event continuing the sequence, a
 * new queue entry) at most RUN_MAX_REQUEUES times, then fails with WORKER_LOST; a run whose outside effects had begun
 * fails naming the node; decisions apply only under the run's holder, so a second sweeper or a worker declared lost
 * changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { openDatabase, type Database } from '../../platform/db';
import { createEventBus } from '../../platform/events';
import { createLogger } from '../../platform/logger';
import { workflowMigrations } from '../../subgraphs/workflow/migrations';
import { recoverRun, type RecoveryContext } from '../../subgraphs/workflow/run-executor';
import { createInProcessRunQueue, type QueuedRun } from '../../subgraphs/workflow/run-queue';
import { RunStore, type RunRecord, type RunTables } from '../../subgraphs/workflow/run-store';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `vb_test_${randomBytes(4).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-recovery-'));
const log = createLogger('test', 'silent');

afterAll(async () => {
  const pool = new Pool({ connectionString: PG_URL });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.each([
  ['sqlite', { dataDir }],
  ['postgres', { dataDir, databaseUrl: PG_URL, schema }],
] as const)('%s', (dialect, storage) => {
  let database: Database<RunTables>;
  let store: RunStore;
  let ctx: RecoveryContext;
  // The queue's handler only records what it is given: nothing executes here.
  const taken: string[] = [];
  const enqueued: QueuedRun[] = [];

  beforeAll(async () => {
    database = await openDatabase<RunTables>({ service: `workflow_recovery_${dialect}`, ...storage, migrations: workflowMigrations });
    store = new RunStore(database);
    const queue = createInProcessRunQueue(async (runId) => void taken.push(runId), { concurrency: 1, perUser: 1, perProject: 1 }, log);
    const recordingQueue = {
      enqueue: (run: QueuedRun, rank: number) => {
        enqueued.push(run);
        return queue.enqueue(run, rank);
      },
    };
    ctx = {
      store,
      bus: createEventBus({ source: 'test', namespace: `recovery-${dialect}`, log }),
      log,
      policy: { heartbeatMs: 100, lostAfterMs: 1_000, maxRequeues: 1, shutdownGraceMs: 0 },
      queue: recordingQueue,
    };
  });
  afterAll(() => database.close());

  async function runningRun(workerId: string, at: string): Promise<RunRecord> {
    const run: RunRecord = {
      id: randomUUID(),
      projectId: 'p1',
      projectVersion: 1,
      ownerId: 'u1',
      status: 'queued',
      inputs: {},
      outputs: null,
      error: null,
      steps: [],
      truncated: false,
      createdAt: at,
      startedAt: null,
      finishedAt: null,
      requeues: 0,
      outsideEffectsNode: null,
    };
    await store.insert(run);
    expect(await store.claim(run.id, workerId, at)).toBe(true);
    await store.appendEvents(run.id, [{ type: 'RUN_STARTED', runId: run.id, seq: 0, at }]);
    return (await store.get(run.id))!;
  }

  const past = '2000-01-01T00:00:00.000Z';
  const cutoff = () => new Date().toISOString();

  it('re-queues a lost pure run once (recorded), then fails it with WORKER_LOST; a second sweeper finds it gone', async () => {
    const run = await runningRun('w1', past);
    const reason = { code: 'WORKER_LOST' as const, cause: 'The worker stopped responding' };
    expect(await recoverRun(ctx, run, { heartbeatBefore: cutoff() }, reason)).toBe('requeued');
    const queued = (await store.get(run.id))!;
    expect(queued).toMatchObject({ status: 'queued', requeues: 1, startedAt: null });
    expect(enqueued.at(-1)).toMatchObject({ runId: run.id, requeues: 1 });
    const events = await store.events(run.id, 0, 10);
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [0, 'RUN_STARTED'],
      [1, 'RUN_REQUEUED'],
    ]);
    expect(events[1].error).toMatchObject({ code: 'WORKER_LOST' });
    expect(events[1].error!.message).toContain('(1 of at most 1)');
    // The same sweep decision again changes nothing: the run is no longer running.
    expect(await recoverRun(ctx, run, { heartbeatBefore: cutoff() }, reason)).toBe('gone');

    // Taken again and lost again: the bound is reached.
    expect(await store.claim(run.id, 'w2', past)).toBe(true);
    const again = (await store.get(run.id))!;
    expect(await recoverRun(ctx, again, { heartbeatBefore: cutoff() }, reason)).toBe('failed');
    const failed = (await store.get(run.id))!;
    expect(failed).toMatchObject({ status: 'failed', requeues: 1, error: { code: 'WORKER_LOST' } });
    expect(failed.error!.message).toContain('re-queued 1 times already');
    expect((await store.events(run.id, 0, 10)).at(-1)).toMatchObject({ seq: 2, type: 'RUN_FINISHED', status: 'failed' });
  });

  it('fails a run whose outside effects had begun, naming the node, and never re-queues it', async () => {
    const run = await runningRun('w1', past);
    // Only the run's worker may record effects.
    expect(await store.markOutsideEffects(run.id, 'w-other', 'charge', past)).toBe(false);
    expect(await store.markOutsideEffects(run.id, 'w1', 'charge', past)).toBe(true);
    const current = (await store.get(run.id))!;
    expect(current.outsideEffectsNode).toBe('charge');
    const before = enqueued.length;
    expect(await recoverRun(ctx, current, { workerId: 'w1' }, { code: 'SHUTTING_DOWN', cause: 'The worker shut down' })).toBe('failed');
    expect(enqueued.length).toBe(before);
    const failed = (await store.get(run.id))!;
    expect(failed).toMatchObject({ status: 'failed', requeues: 0, error: { code: 'SHUTTING_DOWN' } });
    expect(failed.error!.message).toContain('node "charge" acts outside the run');
  });

  it('lets only the holder decide: a worker declared lost can neither finish, beat for nor record effects in a run given back', async () => {
    const run = await runningRun('w1', past);
    expect(await store.heartbeat([run.id], 'w1', past)).toEqual(new Set([run.id]));
    expect(await recoverRun(ctx, run, { heartbeatBefore: cutoff() }, { code: 'WORKER_LOST', cause: 'lost' })).toBe('requeued');
    expect(await store.claim(run.id, 'w2', cutoff())).toBe(true);
    // w1 comes back.
    expect(await store.heartbeat([run.id], 'w1', cutoff())).toEqual(new Set());
    expect(await store.markOutsideEffects(run.id, 'w1', 'charge', cutoff())).toBe(false);
    const late = { ...run, status: 'succeeded' as const, outputs: { v: 'stale' }, finishedAt: cutoff() };
    expect(await store.update(late, { workerId: 'w1' })).toBe(false);
    // w2, the holder, finishes it.
    expect(await store.update({ ...late, outputs: { v: 'fresh' } }, { workerId: 'w2' })).toBe(true);
    expect(await store.get(run.id)).toMatchObject({ status: 'succeeded', outputs: { v: 'fresh' } });
  });
});
