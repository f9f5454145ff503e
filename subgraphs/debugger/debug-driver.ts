/**
 * The debugger's driver of the engine's interpreter (the second driver; `executeWorkflow` is the first): the same
 * `executeGraph`, run sequentially, with step hooks that pause at node boundaries. A paused hook is an unresolved
 * promise the interpreter awaits; a command resolves it. Replay (after a restart) hands the interpreter recorded
 * outputs for completed nodes, so nothing already done runs again, and pauses where the old process stood.
 *
 * It runs only on a debug host thread (debug-host-thread.ts), never on the thread that serves requests
 * (docs/ARCHITECTURE.md §5.1): the request thread holds a RemoteDriver (remote-driver.ts) and answers the callbacks
 * below, which cross threads as messages the driver awaits.
 */
import { randomUUID } from 'node:crypto';
import { isMainThread } from 'node:worker_threads';
import { findBuiltinComponent } from '../../engine/components';
import type { PortValues } from '../../engine/components/types';
import { executeGraph } from '../../engine/runtime/interpreter';
import type { Frame, NodeBoundary, RunResult, StepRecord, WorldServices } from '../../engine/runtime/types';
import type { WorkflowGraph } from '../../engine/model/types';
import { withSequentialMaps } from './graph-paths';
import { frameKey, nodeKey } from './journal';
import type { PauseReason, Position } from './session-store';

export type StepMode = 'CONTINUE' | 'STEP_INTO' | 'STEP_OVER' | 'STEP_OUT';

/** A paused run may sit for as long as the session lives; the idle expiry, not the run clock, bounds it. */
const DEBUG_RUN_MAX_MS = 24 * 60 * 60 * 1000;

/** What the driver asks of its session (the request thread answers; the run waits for each answer). */
export interface DriverCallbacks {
  /** Should an enabled breakpoint stop before this node? (evaluates conditions, counts hits) */
  breakpointStops(position: Position): boolean | Promise<boolean>;
  breakOnError(): boolean | Promise<boolean>;
  /** Persist and publish the pause; commands are accepted once it resolves. */
  paused(position: Position, reason: PauseReason, error: { code: string; message: string } | null): Promise<void>;
  /** Replay reached the place a previous process paused at (nothing to publish: the session was already paused). */
  restored(position: Position): Promise<void>;
  stepped(step: StepRecord): Promise<void>;
}

export interface DriverOptions {
  graph: WorkflowGraph;
  inputs: Record<string, unknown>;
  world: WorldServices;
  mode: StepMode;
  /**
   * Recorded outputs by nodeKey: replayed instead of run; the driver then pauses at the first node not recorded —
   * except the map nodes enclosing `at` (the recorded position), which run so their iterations replay too.
   */
  replay?: { outputs: Map<string, PortValues>; at: Position | null };
  callbacks: DriverCallbacks;
}

export class DebugDriver {
  private mode: StepMode;
  private modeDepth = 0;
  private pauseRequested = false;
  private editedWhilePaused = false;
  private resume: ((mode: StepMode) => void) | undefined;
  private replay: DriverOptions['replay'];
  private readonly controller = new AbortController();
  /** Each frame's live values map (the interpreter's own: editing it is edit-and-continue). */
  private readonly frameValues = new Map<string, Map<string, PortValues>>();
  private current: NodeBoundary | undefined;
  private detached = false;
  /** The run's result, or undefined when the run was abandoned (detach). */
  readonly done: Promise<RunResult | undefined>;

  constructor(private readonly options: DriverOptions) {
    if (isMainThread) throw new Error('the debugger runs the interpreter on a debug host thread, never on the thread that serves requests');
    this.mode = options.mode;
    this.replay = options.replay?.outputs.size ? options.replay : undefined;
    const result = executeGraph({
      runId: randomUUID(),
      graph: withSequentialMaps(options.graph),
      inputs: options.inputs,
      resolveComponent: (id) => findBuiltinComponent(id),
      services: options.world,
      sequential: true,
      limits: { maxRunMs: DEBUG_RUN_MAX_MS },
      signal: this.controller.signal,
      hooks: {
        beforeNode: (boundary) => this.beforeNode(boundary),
        afterNode: (_boundary, step) => (step.attempt === 0 || this.detached ? undefined : options.callbacks.stepped(step)),
        onNodeError: (boundary, error) => this.onNodeError(boundary, error),
      },
    });
    this.done = result.then((run) => (this.detached ? undefined : run));
  }

  resumeWith(mode: StepMode): void {
    const resume = this.resume;
    if (!resume) throw new Error('the run is not paused');
    this.resume = undefined;
    this.mode = mode;
    this.modeDepth = this.current?.frames.length ?? 0;
    resume(mode);
  }

  requestPause(): void {
    this.pauseRequested = true;
  }

  /** Ends the run (the interpreter reports it cancelled). */
  stop(): void {
    this.controller.abort();
  }

  /** Abandons the run without recording anything (process shutdown: the journal keeps the session resumable). */
  detach(): void {
    this.detached = true;
    this.controller.abort();
  }

  /** Edit-and-continue: replaces one output port of a finished node in its frame; returns the previous value. */
  edit(frames: readonly Frame[], nodeId: string, port: string, value: unknown): unknown {
    const values = this.frameValues.get(frameKey(frames));
    const outputs = values?.get(nodeId);
    if (!values || !outputs) throw new Error(`node "${nodeId}" has no outputs in this frame`);
    values.set(nodeId, { ...outputs, [port]: value });
    this.editedWhilePaused = true;
    return outputs[port];
  }

  private async beforeNode(boundary: NodeBoundary): Promise<void | { replay: PortValues }> {
    this.frameValues.set(frameKey(boundary.frames), boundary.values);
    if (this.replay) {
      const recorded = this.replay.outputs.get(nodeKey(boundary.frames, boundary.node.id));
      if (recorded) return { replay: recorded };
      if (encloses(boundary, this.replay.at)) return;
      this.replay = undefined;
      await this.waitForCommand(boundary, () => this.options.callbacks.restored(positionOf(boundary)));
      return;
    }
    // Pinned data (the session was started with usePinned): the node's pins stand in for running it.
    if (!boundary.frames.length && boundary.node.pinnedOutput) return { replay: boundary.node.pinnedOutput };
    const depth = boundary.frames.length;
    const atBreakpoint = await this.options.callbacks.breakpointStops(positionOf(boundary));
    let reason: PauseReason | undefined;
    if (this.pauseRequested) reason = 'PAUSE';
    else if (atBreakpoint) reason = 'BREAKPOINT';
    else if (this.mode === 'STEP_INTO' || (this.mode === 'STEP_OVER' && depth <= this.modeDepth) || (this.mode === 'STEP_OUT' && depth < this.modeDepth))
      reason = 'STEP';
    if (reason) await this.pauseAt(boundary, reason, null);
  }

  /**
   * Break-on-error: pause at the failure. Resuming after an edit retries the node with the edited values;
   * resuming without one lets the error take its normal course (the node's onError policy).
   */
  private async onNodeError(boundary: NodeBoundary, error: { code: string; message: string }): Promise<'fail' | 'retry'> {
    if (this.detached || !(await this.options.callbacks.breakOnError())) return 'fail';
    await this.pauseAt(boundary, 'ERROR', error);
    return this.editedWhilePaused ? 'retry' : 'fail';
  }

  private pauseAt(boundary: NodeBoundary, reason: PauseReason, error: { code: string; message: string } | null): Promise<void> {
    this.pauseRequested = false;
    return this.waitForCommand(boundary, () => this.options.callbacks.paused(positionOf(boundary), reason, error));
  }

  /** Pauses: the run waits until a command resumes it (which may come while the pause is still being published). */
  private async waitForCommand(boundary: NodeBoundary, publish: () => Promise<void>): Promise<void> {
    this.current = boundary;
    this.editedWhilePaused = false;
    const resumed = new Promise<StepMode>((resolve) => (this.resume = resolve));
    await publish();
    await resumed;
  }
}

/** Is this boundary's node a map node whose iteration contains `position`? */
function encloses(boundary: NodeBoundary, position: Position | null): boolean {
  const depth = boundary.frames.length;
  const frame = position?.frames[depth];
  return frame !== undefined && frame.parentNodeId === boundary.node.id && frameKey(position!.frames.slice(0, depth)) === frameKey(boundary.frames);
}

function positionOf(boundary: NodeBoundary): Position {
  return { nodeId: boundary.node.id, frames: boundary.frames, inputs: boundary.inputs };
}
