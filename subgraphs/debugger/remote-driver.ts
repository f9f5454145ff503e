/**
 * The request thread's handle on a DebugDriver that runs on a debug host thread (debug-hosts.ts): the driver's API
 * (`paused`, `settled`, `finished`, `done`, `whenSettled`, `resumeWith`, `requestPause`, `stop`, `detach`, `edit`)
 * over messages. It answers the driver's callbacks with the session's own (session-runner.ts) and mirrors the pause
 * state from them: the run is paused from the `paused`/`restored` call until a command resumes it, and settled once
 * that pause is published — so the request thread never waits on the host thread to read it.
 * A host thread that dies takes its runs with it: the driver is then `lost` (ended, nothing recorded).
 */
import type { Frame, RunResult } from '../../engine/runtime/types';
import type { DriverCallbacks, StepMode } from './debug-driver';
import type { DriverCall, HostCommand, HostReply } from './debug-host-protocol';

/** The session's side of a run: the driver's callbacks plus the end of the run. */
export interface RunCallbacks extends DriverCallbacks {
  finished(result: RunResult): Promise<void>;
}

type DriverControl = Extract<HostCommand, { kind: 'resume' | 'pause' | 'stop' | 'detach' | 'edit' }>;
type Distribute<T> = T extends unknown ? Omit<T, 'driverId'> : never;

export class RemoteDriver {
  private pause: { published: boolean } | undefined;
  private settleListeners: (() => void)[] = [];
  private readonly edits = new Map<number, { resolve(previous: unknown): void; reject(error: Error): void }>();
  private nextEditId = 1;
  private abandoned = false;
  private endDone!: () => void;
  finished = false;
  /** The host thread went away while this run was on it (docs/ARCHITECTURE.md §5.1: the session is rebuilt or fails). */
  lost = false;
  readonly done: Promise<void>;

  constructor(
    readonly id: string,
    private readonly callbacks: RunCallbacks,
    private readonly send: (command: DriverControl) => void,
  ) {
    this.done = new Promise((resolve) => (this.endDone = resolve));
  }

  get paused(): boolean {
    return this.pause !== undefined;
  }

  /** Paused and published, or ended: a step request can answer. */
  get settled(): boolean {
    return this.finished || this.lost || this.pause?.published === true;
  }

  /** Abandoned by `detach` (shutdown, RESTART): nothing about this run is recorded any more. */
  get detached(): boolean {
    return this.abandoned;
  }

  whenSettled(timeoutMs: number): Promise<void> {
    if (this.settled) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.settleListeners.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  resumeWith(mode: StepMode): void {
    if (!this.pause) throw new Error('the run is not paused');
    this.pause = undefined;
    this.command({ kind: 'resume', mode });
  }

  requestPause(): void {
    this.command({ kind: 'pause' });
  }

  /** Ends the run (the interpreter reports it cancelled). */
  stop(): Promise<void> {
    this.command({ kind: 'stop' });
    return this.done;
  }

  /** Abandons the run without recording anything (process shutdown: the journal keeps the session resumable). */
  detach(): void {
    this.abandoned = true;
    this.command({ kind: 'detach' });
  }

  /** Edit-and-continue: replaces one output port of a finished node in its frame; resolves with the previous value. */
  edit(frames: readonly Frame[], nodeId: string, port: string, value: unknown): Promise<unknown> {
    if (this.lost || this.finished) return Promise.reject(new Error('the run has ended'));
    const requestId = this.nextEditId++;
    return new Promise((resolve, reject) => {
      this.edits.set(requestId, { resolve, reject });
      this.command({ kind: 'edit', requestId, frames: [...frames], nodeId, port, value });
    });
  }

  /** A message from the host thread about this run. */
  receive(reply: Exclude<HostReply, { kind: 'call' }>): Promise<void> | void {
    if (reply.kind === 'ended') return this.end(reply.result);
    const pending = this.edits.get(reply.requestId);
    this.edits.delete(reply.requestId);
    if (reply.ok) pending?.resolve(reply.previous);
    else pending?.reject(new Error(reply.message));
  }

  /** Answers a driver callback; an abandoned run gets neutral answers and changes nothing in the session. */
  async answer(call: DriverCall): Promise<unknown> {
    if (this.abandoned) return call.name === 'breakpointStops' || call.name === 'breakOnError' ? false : undefined;
    switch (call.name) {
      case 'breakpointStops':
        return this.callbacks.breakpointStops(call.position);
      case 'breakOnError':
        return this.callbacks.breakOnError();
      case 'stepped':
        return this.callbacks.stepped(call.step);
      case 'paused':
      case 'restored': {
        const pause = { published: false };
        this.pause = pause;
        await (call.name === 'paused' ? this.callbacks.paused(call.position, call.reason, call.error) : this.callbacks.restored(call.position));
        // A command may already have resumed the run while the pause was being written.
        if (this.pause === pause) {
          pause.published = true;
          this.notifySettled();
        }
        return undefined;
      }
    }
  }

  /** The host thread is gone: the run ended with it, nothing more will be recorded. */
  lose(): void {
    if (this.finished || this.lost) return;
    this.lost = true;
    this.pause = undefined;
    for (const pending of this.edits.values()) pending.reject(new Error('the debug host thread of this session stopped'));
    this.edits.clear();
    this.endDone();
    this.notifySettled();
  }

  private async end(result: RunResult | null): Promise<void> {
    try {
      if (result && !this.abandoned && !this.lost) await this.callbacks.finished(result);
    } finally {
      this.finished = true;
      this.pause = undefined;
      this.endDone();
      this.notifySettled();
    }
  }

  private command(command: Distribute<DriverControl>): void {
    if (!this.lost && !this.finished) this.send({ ...command, driverId: this.id } as DriverControl);
  }

  private notifySettled(): void {
    const listeners = this.settleListeners;
    this.settleListeners = [];
    for (const listener of listeners) listener();
  }
}
