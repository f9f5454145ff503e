/**
 * Executes runs on a pool of worker threads (one run per thread at a time), so neither the interpreter nor user code
 * runs on the thread that called. Backstops for a thread that stops answering (a VM stuck in a native call):
 * cancellation terminates it after CANCEL_GRACE_MS, and the run's time limit terminates it after the limit plus
 * DEADLINE_GRACE_MS; a code node's VM that overruns its own time limit by VM_DEADLINE_GRACE_MS terminates it too (the
 * run fails with CODE_TIMEOUT: QuickJS does not always notice its deadline, see quickjs-sandbox.ts). A terminated
 * thread is replaced.
 */
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from '../threads/spawn';
import type { WorkflowGraph } from '../model/types';
import { VM_DEADLINE_GRACE_MS } from '../sandbox/quickjs-sandbox';
import { DEFAULT_LIMITS } from './limits';
import type { StandIn } from './partial-run';
import type { RunThreadReply, RunThreadRequest } from './run-thread';
import type { RunEvent, RunResult } from './types';

const THREAD_MODULE = path.join(__dirname, 'run-thread');
const CANCEL_GRACE_MS = 2_000;
const DEADLINE_GRACE_MS = 5_000;

export interface RunRequest {
  runId: string;
  graph: WorkflowGraph;
  inputs: Record<string, unknown>;
  /** Decrypted secrets by name, resolved per node by the interpreter (structured-cloned to the thread). */
  secrets?: ReadonlyMap<string, string>;
  onEvent(event: RunEvent): void;
  signal?: AbortSignal;
  /** A partial run's nodes that replay known values instead of running (partial-run.ts). */
  standIns?: Record<string, StandIn>;
  /** Awaited before the first node acting outside the run starts (ExecuteOptions.beforeOutsideEffects). */
  beforeOutsideEffects?(nodeId: string): Promise<void>;
}

interface Job {
  request: RunRequest;
  resolve(result: RunResult): void;
  startedAt: string;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timers: NodeJS.Timeout[];
  /** Watchdogs of the code-node VMs running now, by the thread's VM number. */
  vms: Map<number, NodeJS.Timeout>;
}

export class RunPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private closed = false;
  readonly size: number;

  constructor(private readonly options: { threads?: number; env?: NodeJS.ProcessEnv; maxRunMs?: number } = {}) {
    this.size = Math.max(1, options.threads ?? Math.max(2, os.availableParallelism()));
  }

  /** Resolves with the run's result; never rejects (a lost thread becomes a failed or cancelled result). */
  execute(request: RunRequest): Promise<RunResult> {
    return new Promise((resolve) => {
      const job: Job = { request, resolve, startedAt: new Date().toISOString() };
      if (this.closed) return resolve(this.ended(job, 'failed', 'SHUTTING_DOWN', 'the run pool is shutting down'));
      this.waiting.push(job);
      this.pump();
    });
  }

  /** Starts up to `threads` idle threads now, so the first runs do not pay a thread's start-up (≈1 s measured). */
  warm(threads = 1): void {
    while (!this.closed && this.slots.length < Math.min(threads, this.size)) this.spawn();
  }

  /** Threads running a run now. */
  get busy(): number {
    return this.slots.filter((s) => s.job).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.resolve(this.ended(job, 'failed', 'SHUTTING_DOWN', 'the run pool is shutting down'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, 'failed', 'SHUTTING_DOWN', 'the worker shut down during the run')));
  }

  private pump(): void {
    while (this.waiting.length && !this.closed) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.waiting.shift()!);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: spawnTsWorker(THREAD_MODULE, { workerData: { env: this.options.env } }), timers: [], vms: new Map() };
    slot.worker.on('message', (reply: RunThreadReply) => {
      const job = slot.job;
      if (!job || reply.runId !== job.request.runId) return;
      if (reply.kind === 'event') {
        job.request.onEvent(reply.event);
        return;
      }
      if (reply.kind === 'vm-started') {
        const message = `a code node did not finish within its time limit of ${reply.timeoutMs} ms (its thread was stopped)`;
        slot.vms.set(
          reply.vm,
          setTimeout(() => void this.retire(slot, 'failed', 'CODE_TIMEOUT', message), reply.timeoutMs + VM_DEADLINE_GRACE_MS),
        );
        return;
      }
      if (reply.kind === 'vm-done') {
        clearTimeout(slot.vms.get(reply.vm));
        slot.vms.delete(reply.vm);
        return;
      }
      if (reply.kind === 'outside-effects') {
        const answer = (error?: { code: string; message: string }) => {
          if (slot.job === job) slot.worker.postMessage({ kind: 'outside-effects-answer', runId: reply.runId, error } satisfies RunThreadRequest);
        };
        Promise.resolve(job.request.beforeOutsideEffects?.(reply.nodeId)).then(
          () => answer(),
          (err: Error & { code?: unknown }) => answer({ code: typeof err.code === 'string' ? err.code : 'INTERNAL', message: err.message }),
        );
        return;
      }
      this.release(slot);
      job.resolve(reply.result);
      this.pump();
    });
    const lost = (message: string) => void this.retire(slot, 'failed', 'INTERNAL', message);
    slot.worker.on('error', (error) => lost(`the run thread failed: ${error.message}`));
    slot.worker.on('exit', () => lost('the run thread exited'));
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    const { request } = job;
    slot.job = job;
    slot.worker.ref();
    const maxRunMs = this.options.maxRunMs ?? DEFAULT_LIMITS.maxRunMs;
    slot.timers.push(
      setTimeout(
        () => void this.retire(slot, 'failed', 'RUN_TIMEOUT', `the run did not finish within ${maxRunMs} ms (its thread was stopped)`),
        maxRunMs + DEADLINE_GRACE_MS,
      ),
    );
    const cancel = () => {
      slot.worker.postMessage({ kind: 'cancel', runId: request.runId } satisfies RunThreadRequest);
      slot.timers.push(setTimeout(() => void this.retire(slot, 'cancelled', 'CANCELLED', 'run cancelled'), CANCEL_GRACE_MS));
    };
    if (request.signal?.aborted) cancel();
    else request.signal?.addEventListener('abort', cancel, { once: true });
    slot.worker.postMessage({
      kind: 'run',
      runId: request.runId,
      graph: request.graph,
      inputs: request.inputs,
      secrets: request.secrets,
      standIns: request.standIns,
      announceOutsideEffects: request.beforeOutsideEffects !== undefined,
    } satisfies RunThreadRequest);
  }

  private release(slot: Slot): void {
    for (const timer of [...slot.timers.splice(0), ...slot.vms.values()]) clearTimeout(timer);
    slot.vms.clear();
    slot.job = undefined;
    slot.worker.unref();
  }

  /** Terminates a thread that no longer answers, ending its run with the given outcome. */
  private async retire(slot: Slot, status: RunResult['status'], code: string, message: string): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    this.release(slot);
    if (job) job.resolve(this.ended(job, status, code, message));
    await slot.worker.terminate().catch(() => undefined);
    this.pump();
  }

  private ended(job: Job, status: RunResult['status'], code: string, message: string): RunResult {
    return {
      runId: job.request.runId,
      status,
      outputs: {},
      error: { code, message },
      steps: [],
      startedAt: job.startedAt,
      finishedAt: new Date().toISOString(),
    };
  }
}
