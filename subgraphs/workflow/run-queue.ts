/**
 * Where runs wait for a worker. BullMQ on Redis when REDIS_URL is set (any replica enqueues, any `worker` process
 * takes jobs; the job id is the run id), an in-process queue otherwise (the embedded default). The database stays
 * the source of truth: a worker claims a run with a conditional update (queued → running), so a job delivered twice
 * or a run cancelled while waiting is never executed twice.
 *
 * Fairness: FIFO per user, round-robin between users. A run's place is its rank in its owner's backlog (1st, 2nd…),
 * ties broken by age, so one user's 200 queued runs delay another user's single run by at most one run. BullMQ gets
 * the rank as the job priority at enqueue time; the in-process queue recomputes it. A user with RUN_USER_CONCURRENCY
 * runs executing waits (their later runs are passed over, not blocking others).
 */
import { DelayedError, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from '../../platform/logger';

export interface QueuedRun {
  runId: string;
  ownerId: string;
  createdAt: string;
}

export type RunJobHandler = (runId: string) => Promise<void>;

export interface RunQueue {
  readonly kind: 'bullmq' | 'in-process';
  enqueue(run: QueuedRun, backlogRank: number): Promise<void>;
  remove(runId: string): Promise<void>;
  close(): Promise<void>;
}

export interface RunQueueLimits {
  /** Runs one process executes at once. */
  concurrency: number;
  /** Runs one user may have executing at once (across all workers). */
  perUser: number;
}

/** Queued runs in the order they will start, ignoring per-user limits: by rank in the owner's backlog, then age. */
export function fairOrder<T extends QueuedRun>(queued: readonly T[]): T[] {
  const byAge = [...queued].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.runId.localeCompare(b.runId));
  const seen = new Map<string, number>();
  const ranked = byAge.map((run, age) => {
    const rank = (seen.get(run.ownerId) ?? 0) + 1;
    seen.set(run.ownerId, rank);
    return { run, rank, age };
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.age - b.age).map((r) => r.run);
}

/** The embedded queue: runs wait in memory and start in fair order, at most `concurrency` at once. */
export function createInProcessRunQueue(handler: RunJobHandler, limits: RunQueueLimits, log: Logger): RunQueue {
  let waiting: QueuedRun[] = [];
  const running = new Map<string, string>(); // runId → ownerId
  let closed = false;
  const active = new Set<Promise<void>>();
  const runningOf = (ownerId: string) => [...running.values()].filter((o) => o === ownerId).length;
  const pump = () => {
    while (!closed && running.size < limits.concurrency) {
      const next = fairOrder(waiting).find((run) => runningOf(run.ownerId) < limits.perUser);
      if (!next) return;
      waiting = waiting.filter((r) => r !== next);
      running.set(next.runId, next.ownerId);
      const job: Promise<void> = handler(next.runId)
        .catch((err) => log.error({ err, runId: next.runId }, 'run job crashed'))
        .finally(() => {
          running.delete(next.runId);
          active.delete(job);
          pump();
        });
      active.add(job);
    }
  };
  return {
    kind: 'in-process',
    async enqueue(run) {
      if (closed || running.has(run.runId) || waiting.some((r) => r.runId === run.runId)) return;
      waiting.push(run);
      pump();
    },
    async remove(runId) {
      waiting = waiting.filter((r) => r.runId !== runId);
    },
    async close() {
      closed = true;
      await Promise.all([...active]);
    },
  };
}

const QUEUE_NAME = 'runs';
/** How long a run over its owner's concurrency limit waits before it is looked at again. */
const OVER_LIMIT_DELAY_MS = 250;

export interface BullRunQueueOptions {
  redisUrl: string;
  prefix: string;
  log: Logger;
  /** Without it, this process only enqueues (an API replica when `worker` processes execute the runs). */
  worker?: { handler: RunJobHandler; limits: RunQueueLimits; runningOf(ownerId: string): Promise<number> };
}

export function createBullRunQueue(options: BullRunQueueOptions): RunQueue {
  const connections: Redis[] = [];
  const connect = () => {
    // BullMQ requires maxRetriesPerRequest: null (its blocking commands must wait out a Redis outage).
    const client = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    client.on('error', (err) => options.log.warn({ err: err.message }, 'run queue redis error'));
    connections.push(client);
    return client;
  };
  const queue = new Queue<QueuedRun>(QUEUE_NAME, { connection: connect(), prefix: options.prefix });
  let worker: Worker<QueuedRun> | undefined;
  if (options.worker) {
    const { handler, limits, runningOf } = options.worker;
    worker = new Worker<QueuedRun>(
      QUEUE_NAME,
      async (job, token) => {
        if ((await runningOf(job.data.ownerId)) >= limits.perUser) {
          await job.moveToDelayed(Date.now() + OVER_LIMIT_DELAY_MS, token);
          throw new DelayedError();
        }
        await handler(job.data.runId);
      },
      // A killed worker's job is re-delivered once (harmless: the run is claimed at most once); a run that had
      // started is reported lost by the heartbeat sweep, not re-executed.
      { connection: connect(), prefix: options.prefix, concurrency: limits.concurrency, maxStalledCount: 1 },
    );
    worker.on('failed', (job, err) => options.log.error({ err, runId: job?.data.runId }, 'run job failed'));
    worker.on('error', (err) => options.log.warn({ err: err.message }, 'run worker error'));
  }
  return {
    kind: 'bullmq',
    async enqueue(run, backlogRank) {
      await queue.add('run', run, { jobId: run.runId, priority: Math.min(Math.max(1, backlogRank), 2_097_152), removeOnComplete: true, removeOnFail: 1000 });
    },
    async remove(runId) {
      await queue.remove(runId).catch(() => undefined); // a job that is already active cannot be removed; its claim fails
    },
    async close() {
      await worker?.close();
      await queue.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => undefined)));
    },
  };
}
