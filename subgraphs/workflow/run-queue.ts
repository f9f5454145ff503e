/**
 * Where runs wait for a worker. BullMQ on Redis when REDIS_URL is set (any replica enqueues, any `worker` process
 * takes jobs; the job id is the run id), an in-process queue otherwise (the embedded default). The database stays
 * the source of truth: a worker claims a run with a conditional update (queued → running), so a job delivered twice
 * or a run cancelled while waiting is never executed twice.
 *
 * Fairness: FIFO per user, round-robin between users, so one user's 200 queued runs delay another user's single run
 * by at most one run. The in-process queue serves the user served least recently. BullMQ (no groups in its open
 * source edition) gets a run's rank in its owner's backlog (1st, 2nd…) as the job priority at enqueue time, which
 * interleaves users the same way. A user with RUN_USER_CONCURRENCY runs executing, or whose next run's project has
 * RUN_PROJECT_CONCURRENCY runs executing, waits (their later runs are passed over, or delayed briefly on BullMQ, not blocking others). `fairOrder` estimates the order for queuePosition.
 */
import { DelayedError, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from '../../platform/logger';

export interface QueuedRun {
  runId: string;
  ownerId: string;
  projectId: string;
  createdAt: string;
  /** Times the run was re-queued (its worker was lost or shut down); each time it is a new job. */
  requeues?: number;
}

export type RunJobHandler = (runId: string) => Promise<void>;

export interface RunQueue {
  readonly kind: 'bullmq' | 'in-process';
  enqueue(run: QueuedRun, backlogRank: number): Promise<void>;
  remove(runId: string): Promise<void>;
  /** Takes no new job; resolves once the jobs this process executes have ended (the queue still accepts runs). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export interface RunQueueLimits {
  /** Runs one process executes at once. */
  concurrency: number;
  /** Runs one user may have executing at once (across all workers). */
  perUser: number;
  /** Runs of one project executing at once (across all workers). */
  perProject: number;
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

/**
 * The embedded queue: runs wait in memory, FIFO per user; the next run is the oldest of the user served least
 * recently (round-robin), skipping users at their concurrency limit; at most `concurrency` at once.
 */
export function createInProcessRunQueue(handler: RunJobHandler, limits: RunQueueLimits, log: Logger): RunQueue {
  const waiting = new Map<string, QueuedRun[]>(); // ownerId → their runs, oldest first
  const running = new Map<string, QueuedRun>();
  const lastServed = new Map<string, number>();
  let served = 0;
  let draining = false;
  let closed = false;
  const active = new Set<Promise<void>>();
  const count = (match: (run: QueuedRun) => boolean) => [...running.values()].filter(match).length;
  const next = (): QueuedRun | undefined => {
    let best: QueuedRun | undefined;
    const turn = (ownerId: string) => lastServed.get(ownerId) ?? -1;
    for (const [ownerId, runs] of waiting) {
      if (count((r) => r.ownerId === ownerId) >= limits.perUser) continue;
      // The user's oldest run whose project is under its limit (a busy project does not block their other projects).
      const candidate = runs.find((run) => count((r) => r.projectId === run.projectId) < limits.perProject);
      if (!candidate) continue;
      if (!best || turn(ownerId) < turn(best.ownerId) || (turn(ownerId) === turn(best.ownerId) && candidate.createdAt < best.createdAt)) best = candidate;
    }
    if (best) {
      const rest = waiting.get(best.ownerId)!.filter((r) => r !== best);
      if (rest.length) waiting.set(best.ownerId, rest);
      else waiting.delete(best.ownerId);
    }
    return best;
  };
  const pump = () => {
    while (!draining && running.size < limits.concurrency) {
      const run = next();
      if (!run) return;
      running.set(run.runId, run);
      lastServed.set(run.ownerId, served++);
      const job: Promise<void> = handler(run.runId)
        .catch((err) => log.error({ err, runId: run.runId }, 'run job crashed'))
        .finally(() => {
          running.delete(run.runId);
          active.delete(job);
          pump();
        });
      active.add(job);
    }
  };
  return {
    kind: 'in-process',
    async enqueue(run) {
      // A re-queued run may still be winding down here (its old executor stops when it sees the run taken back).
      if (closed || (!run.requeues && running.has(run.runId)) || waiting.get(run.ownerId)?.some((r) => r.runId === run.runId)) return;
      waiting.set(run.ownerId, [...(waiting.get(run.ownerId) ?? []), run]);
      pump();
    },
    async remove(runId) {
      for (const [ownerId, runs] of waiting) {
        const kept = runs.filter((r) => r.runId !== runId);
        if (kept.length) waiting.set(ownerId, kept);
        else waiting.delete(ownerId);
      }
    },
    async drain() {
      draining = true;
      while (active.size) await Promise.all([...active]);
    },
    async close() {
      closed = true;
      await this.drain();
    },
  };
}

/** The BullMQ queue's name and key prefix (a benchmark pauses the queue through them). */
export const RUN_QUEUE_NAME = 'runs';
export const runQueuePrefix = (redisNamespace: string) => `${redisNamespace}:bull`;
/** How long a run over its owner's concurrency limit waits before it is looked at again. */
const OVER_LIMIT_DELAY_MS = 250;

export interface BullRunQueueOptions {
  redisUrl: string;
  prefix: string;
  log: Logger;
  /** Without it, this process only enqueues (an API replica when `worker` processes execute the runs). */
  worker?: { handler: RunJobHandler; limits: RunQueueLimits; running(filter: { ownerId: string } | { projectId: string }): Promise<number> };
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
  const queue = new Queue<QueuedRun>(RUN_QUEUE_NAME, { connection: connect(), prefix: options.prefix });
  let worker: Worker<QueuedRun> | undefined;
  let draining = false;
  if (options.worker) {
    const { handler, limits, running } = options.worker;
    worker = new Worker<QueuedRun>(
      RUN_QUEUE_NAME,
      async (job, token) => {
        // A fetch already waiting when drain() began can still deliver a job (e.g. a run this process just handed
        // back): it goes back for another worker.
        const handBack = draining;
        if (
          handBack ||
          (await running({ ownerId: job.data.ownerId })) >= limits.perUser ||
          (await running({ projectId: job.data.projectId })) >= limits.perProject
        ) {
          await job.moveToDelayed(Date.now() + (handBack ? 0 : OVER_LIMIT_DELAY_MS), token);
          throw new DelayedError();
        }
        await handler(job.data.runId);
      },
      // A killed worker's job is re-delivered once (harmless: the run is claimed at most once); a run that had
      // started is handled by the heartbeat sweep (re-queued as a new job, or failed: run-executor.ts).
      { connection: connect(), prefix: options.prefix, concurrency: limits.concurrency, maxStalledCount: 1 },
    );
    worker.on('failed', (job, err) => options.log.error({ err, runId: job?.data.runId }, 'run job failed'));
    worker.on('error', (err) => options.log.warn({ err: err.message }, 'run worker error'));
  }
  return {
    kind: 'bullmq',
    async enqueue(run, backlogRank) {
      // A re-queued run gets a new job: the lost worker's job may still sit in the active list under the run's id.
      const jobId = run.requeues ? `${run.runId}-requeue-${run.requeues}` : run.runId;
      await queue.add('run', run, { jobId, priority: Math.min(Math.max(1, backlogRank), 2_097_152), removeOnComplete: true, removeOnFail: 1000 });
    },
    async remove(runId) {
      await queue.remove(runId).catch(() => undefined); // a job that is already active cannot be removed; its claim fails
    },
    async drain() {
      draining = true;
      await worker?.close();
    },
    async close() {
      await worker?.close();
      await queue.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => undefined)));
    },
  };
}
