/**
 * `CodeSandbox` that evaluates user code on a pool of worker threads, never on the caller's thread: a request-serving
 * event loop only waits for a message. QuickJS stops itself at the deadline (interrupt handler); if the thread has not
 * answered by the deadline plus a grace period (a VM stuck inside a native call), the thread is terminated and
 * replaced, and the call fails with CODE_TIMEOUT. Calls beyond the pool size wait in FIFO order.
 * A call goes to a thread only once the thread has loaded QuickJS and said so: the code's deadline is its own, never
 * spent on our thread's start-up (seconds on a busy machine, where these low-priority threads start slowly).
 */
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { CodeSandbox } from '../components/types';
import { spawnTsWorker } from '../threads/spawn';
import { VM_DEADLINE_GRACE_MS, vmTimeoutMs, type SandboxLimits, type SandboxOutcome } from './quickjs-sandbox';
import { SandboxError, type SandboxErrorCode } from './sandbox-error';
import type { SandboxReply, SandboxTask } from './sandbox-thread';

/** A thread that has not started by then is given up, with the calls waiting for it. */
const START_TIMEOUT_MS = 60_000;
const THREAD_MODULE = path.join(__dirname, 'sandbox-thread');

interface Pending {
  task: SandboxTask;
  resolve(outcome: SandboxOutcome): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Set once the thread has loaded its module (its `ready` message); until then it takes no call. */
  ready: boolean;
  busy?: { pending: Pending; timer: NodeJS.Timeout };
}

export interface SandboxPoolOptions {
  /** Threads at most (default: the machine's parallelism, at least 2). */
  threads?: number;
}

export class SandboxPool implements CodeSandbox {
  private readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Threads terminated because they missed their deadline (tests read it). */
  terminated = 0;

  constructor(options: SandboxPoolOptions = {}) {
    this.size = Math.max(1, options.threads ?? Math.max(2, os.availableParallelism()));
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): SandboxPool {
    const threads = Number(env.SANDBOX_THREADS);
    return new SandboxPool({ threads: Number.isInteger(threads) && threads > 0 ? threads : undefined });
  }

  async run(code: string, args: { inputs: unknown; config: unknown }, limits?: SandboxLimits): Promise<unknown> {
    return (await this.runWithLogs(code, args, limits)).result;
  }

  runWithLogs(code: string, args: { inputs: unknown; config: unknown }, limits?: SandboxLimits): Promise<SandboxOutcome> {
    if (this.closed) return Promise.reject(new Error('the sandbox pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ task: { id: this.nextId++, code, args, limits }, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(new Error('the sandbox pool is closed'));
    await Promise.all(this.slots.splice(0).map((slot) => this.retire(slot, new Error('the sandbox pool is closed'))));
  }

  private pump(): void {
    while (this.waiting.length) {
      const slot = this.slots.find((s) => s.ready && !s.busy);
      if (!slot) break;
      this.dispatch(slot, this.waiting.shift()!);
    }
    const starting = this.slots.filter((s) => !s.ready).length;
    for (let more = this.waiting.length - starting; more > 0 && this.slots.length < this.size; more--) this.spawn();
  }

  private spawn(): Slot {
    const slot: Slot = { worker: spawnTsWorker(THREAD_MODULE), ready: false };
    const started = setTimeout(() => {
      const error = new SandboxError('CODE_ERROR', `the sandbox thread did not start within ${START_TIMEOUT_MS} ms`);
      if (this.slots.every((s) => !s.ready)) for (const pending of this.waiting.splice(0)) pending.reject(error);
      void this.retire(slot, error);
    }, START_TIMEOUT_MS);
    started.unref();
    slot.worker.on('message', (reply: SandboxReply) => {
      if (!('ready' in reply)) return this.settle(slot, reply);
      clearTimeout(started);
      slot.ready = true;
      this.pump();
    });
    slot.worker.on('error', (error) => void this.retire(slot, new SandboxError('CODE_ERROR', `the sandbox thread failed: ${error.message}`)));
    slot.worker.on('exit', () => {
      clearTimeout(started);
      void this.retire(slot, new SandboxError('CODE_ERROR', 'the sandbox thread exited'));
    });
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private dispatch(slot: Slot, pending: Pending): void {
    const timeoutMs = vmTimeoutMs(pending.task.limits);
    const timer = setTimeout(() => {
      this.terminated++;
      void this.retire(slot, new SandboxError('CODE_TIMEOUT', `the code did not finish within its time limit of ${timeoutMs} ms (its thread was stopped)`));
    }, timeoutMs + VM_DEADLINE_GRACE_MS);
    slot.busy = { pending, timer };
    slot.worker.ref(); // a call in flight keeps the process alive; an idle pool does not
    slot.worker.postMessage(pending.task);
  }

  private settle(slot: Slot, reply: Exclude<SandboxReply, { ready: true }>): void {
    const busy = slot.busy;
    if (!busy || busy.pending.task.id !== reply.id) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    slot.worker.unref();
    if (reply.ok) busy.pending.resolve({ result: reply.result, logs: reply.logs });
    else
      busy.pending.reject(
        reply.error.sandbox ? new SandboxError(reply.error.code as SandboxErrorCode, reply.error.message, reply.error.line) : new Error(reply.error.message),
      );
    this.pump();
  }

  /** Removes a thread from the pool (terminating it) and fails the call it was running. */
  private async retire(slot: Slot, reason: Error): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy) {
      clearTimeout(busy.timer);
      busy.pending.reject(reason);
    }
    await slot.worker.terminate().catch(() => undefined);
    if (!this.closed) this.pump();
  }
}
