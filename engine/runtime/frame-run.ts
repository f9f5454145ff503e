/**
 * The data-flow scheduler for one frame (the top-level graph, or one iteration of a `map` sub-graph).
 * A node is ready when every incoming connection has settled (its source succeeded or was skipped); ready nodes
 * start lowest graph index first, up to the concurrency bound. Nodes that finish synchronously are settled inside
 * the same loop, so a long chain of pure nodes neither recurses nor allocates promises.
 */
import type { ComponentServices, PortValues, SubgraphFrame } from '../components/types';
import type { WorkflowGraph } from '../model/types';
import { EngineError, type ErrorInfo } from './errors';
import type { GraphPlan, PlannedNode } from './graph-plan';
import { runNode, type NodeFrame, type NodeOutcome } from './node-runner';
import { ReadyQueue } from './ready-queue';
import type { RunState } from './run-state';
import { abortable, linkAbort } from './signals';
import { logSkipped } from './step-log';
import type { Frame } from './types';
import { setOwn } from '../expressions/values';

// Node status per graph index; 0 (pending) is what a fresh Uint8Array holds.
const DONE = 1;
const SKIPPED = 2;

export interface FrameResult {
  /** Collected from `core/output` nodes; partial when the frame failed. */
  outputs: Record<string, unknown>;
  error?: ErrorInfo;
}

export class FrameRun implements NodeFrame {
  readonly values = new Map<string, PortValues>();
  readonly signal: AbortSignal;
  readonly services: ComponentServices;
  private readonly controller = new AbortController();
  private readonly status: Uint8Array;
  private readonly pendingInputs: Int32Array;
  private readonly nodeSignals: (AbortSignal | undefined)[] = [];
  private readonly ready = new ReadyQueue();
  private readonly outputs: Record<string, unknown> = {};
  private running = 0;
  private settled = 0;
  private pumping = false;
  private stopped = false;
  private finished = false;
  private failure: ErrorInfo | undefined;
  private resolveRun: (result: FrameResult) => void = () => undefined;
  private unlinkParent: () => void = () => undefined;

  constructor(
    readonly state: RunState,
    readonly plan: GraphPlan,
    readonly runInputs: Record<string, unknown>,
    readonly frames: Frame[],
    private readonly parentSignal: AbortSignal,
  ) {
    this.signal = this.controller.signal;
    const base = state.options.services;
    this.services = { llm: base.llm, http: base.http, sandbox: base.sandbox, runSubgraph: (graph, inputs, frame) => this.runSubgraph(graph, inputs, frame) };
    const count = plan.nodes.length;
    this.status = new Uint8Array(count);
    this.pendingInputs = new Int32Array(count);
    for (let i = 0; i < count; i++) this.pendingInputs[i] = plan.nodes[i].inDegree;
  }

  run(): Promise<FrameResult> {
    return new Promise<FrameResult>((resolve) => {
      this.resolveRun = resolve;
      this.signal.addEventListener('abort', () => this.onAbort(), { once: true });
      this.unlinkParent = linkAbort(this.parentSignal, this.controller);
      for (const pn of this.plan.nodes) if (pn.inDegree === 0) this.ready.push(pn.index);
      this.pump();
    });
  }

  collectInputs(index: number): Record<string, unknown> | undefined {
    const pn = this.plan.nodes[index];
    const inputs: Record<string, unknown> = {};
    let live = 0;
    let dead = 0;
    for (const input of pn.inputs) {
      if (input.multiple) {
        const list: unknown[] = [];
        for (let i = 0; i < input.sourceIndexes.length; i++) {
          const value = this.portValue(input.sourceIndexes[i], input.sourcePorts[i]);
          if (value !== undefined) list.push(value);
        }
        if (list.length > 0) {
          inputs[input.port] = list;
          live++;
        } else dead++;
        continue;
      }
      let value: unknown;
      for (let i = 0; i < input.sourceIndexes.length && value === undefined; i++) value = this.portValue(input.sourceIndexes[i], input.sourcePorts[i]);
      if (value !== undefined) {
        inputs[input.port] = value;
        live++;
      } else dead++;
    }
    // Normal nodes need every connected port; merge-like ones need one live port (or have no inputs at all).
    if (pn.component.runsOnPartialInputs) return live > 0 || pn.inputs.length === 0 ? inputs : undefined;
    return dead === 0 ? inputs : undefined;
  }

  setNodeSignal(index: number, signal: AbortSignal | undefined): void {
    this.nodeSignals[index] = signal;
  }

  /** ComponentServices.runSubgraph for components of this frame: a nested frame on the same machinery. */
  async runSubgraph(graph: WorkflowGraph, inputs: Record<string, unknown>, sub: SubgraphFrame): Promise<Record<string, unknown>> {
    const plan = this.state.planFor(graph);
    const parentIndex = this.plan.indexById.get(sub.parentNodeId);
    const signal = (parentIndex !== undefined && this.nodeSignals[parentIndex]) || this.signal;
    const frame: Frame = { parentNodeId: sub.parentNodeId, index: sub.index };
    const hooks = this.state.hooks;
    if (hooks?.enterIteration) await abortable(Promise.resolve(hooks.enterIteration(frame, inputs)), signal);
    const result = await new FrameRun(this.state, plan, inputs, [...this.frames, frame], signal).run();
    if (hooks?.leaveIteration) await hooks.leaveIteration(frame, result.error ?? result.outputs);
    if (result.error) {
      throw new EngineError(
        result.error.code,
        `iteration ${sub.index} of "${sub.parentNodeId}" failed: ${result.error.message}`,
        !result.error.code.startsWith('LIMIT_'),
      );
    }
    return result.outputs;
  }

  /** A source port's value, or undefined when the source was skipped, has not finished or did not fire that port. */
  private portValue(sourceIndex: number, port: string): unknown {
    if (this.status[sourceIndex] !== DONE) return undefined;
    return this.values.get(this.plan.nodes[sourceIndex].node.id)?.[port];
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    while (!this.stopped && this.running < this.state.concurrency && this.ready.size > 0) this.start(this.ready.pop());
    this.pumping = false;
    if (this.running === 0 && (this.stopped || this.ready.size === 0)) this.complete();
  }

  private start(index: number): void {
    const pn = this.plan.nodes[index];
    const inputs = this.collectInputs(index);
    if (inputs === undefined) {
      this.skip(pn);
      return;
    }
    const outcome = runNode(this, pn, inputs);
    if (!(outcome instanceof Promise)) {
      this.settle(pn, outcome);
      return;
    }
    this.running++;
    outcome.then(
      (result) => this.afterAsync(pn, result),
      (error: unknown) =>
        this.afterAsync(pn, { ok: false, error: { code: 'INTERNAL', message: `interpreter error at node "${pn.node.id}": ${String(error)}` } }),
    );
  }

  private afterAsync(pn: PlannedNode, outcome: NodeOutcome): void {
    this.running--;
    this.settle(pn, outcome);
    this.pump();
  }

  private settle(pn: PlannedNode, outcome: NodeOutcome): void {
    if (!outcome.ok) {
      this.fail(outcome.error, pn);
      return;
    }
    // setOwn: an output named `__proto__` is an ordinary key (SPEC §5), not the prototype setter.
    if (pn.outputName !== undefined) setOwn(this.outputs, pn.outputName, outcome.inputs.value);
    this.status[pn.index] = DONE;
    this.settled++;
    this.release(pn);
  }

  private skip(pn: PlannedNode): void {
    this.status[pn.index] = SKIPPED;
    this.settled++;
    logSkipped(this, pn);
    this.release(pn);
  }

  private release(pn: PlannedNode): void {
    for (const dependent of pn.dependents) if (--this.pendingInputs[dependent] === 0) this.ready.push(dependent);
  }

  /** First failure wins; running siblings are aborted and nothing new starts. */
  private fail(error: ErrorInfo, pn: PlannedNode): void {
    if (this.failure) return;
    this.failure = error;
    this.stopped = true;
    this.controller.abort(new EngineError('ABORTED', `stopped because node "${pn.node.id}" failed`, false));
  }

  private onAbort(): void {
    if (!this.failure) {
      const reason: unknown = this.signal.reason;
      this.failure = reason instanceof EngineError ? { code: reason.code, message: reason.message } : { code: 'CANCELLED', message: 'run cancelled' };
    }
    this.stopped = true;
    this.pump();
  }

  private complete(): void {
    if (this.finished) return;
    this.finished = true;
    this.unlinkParent();
    let error = this.failure;
    if (!error && this.settled < this.plan.nodes.length) {
      error = { code: 'INTERNAL', message: `${this.plan.nodes.length - this.settled} nodes never became ready` };
    }
    this.resolveRun(error ? { outputs: this.outputs, error } : { outputs: this.outputs });
  }
}
