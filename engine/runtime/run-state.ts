/** State shared by every frame of one run: limits, hooks, the event sink, the step list and the run's abort switch. */
import type { WorkflowGraph } from '../model/types';
import { EngineError } from './errors';
import { planGraph, type GraphPlan } from './graph-plan';
import type { ExecuteOptions, RunEvent, RunLimits, StepHooks, StepRecord } from './types';

export class RunState {
  readonly steps: StepRecord[] = [];
  readonly controller = new AbortController();
  readonly hooks: StepHooks | undefined;
  readonly emit: ((event: RunEvent) => void) | undefined;
  /** Per frame: nodes running at once (1 when a driver steps sequentially). */
  readonly concurrency: number;
  private executedNodes = 0;
  private outsideEffects: Promise<void> | 'announced' | undefined;
  private readonly plans = new WeakMap<WorkflowGraph, GraphPlan>();

  constructor(
    readonly options: ExecuteOptions,
    readonly limits: RunLimits,
  ) {
    this.hooks = options.hooks;
    this.emit = options.onEvent;
    this.concurrency = options.sequential ? 1 : limits.concurrency;
  }

  get runId(): string {
    return this.options.runId;
  }

  /** Map iterations pass the same sub-graph object each time: plan it once. */
  planFor(graph: WorkflowGraph): GraphPlan {
    let plan = this.plans.get(graph);
    if (!plan) {
      plan = planGraph(graph, (id, version) => this.options.resolveComponent(id, version), this.limits.maxNodes);
      this.plans.set(graph, plan);
    }
    return plan;
  }

  /** Counts node executions across all frames, so a map cannot multiply a small graph past the node limit. */
  countExecution(): void {
    if (++this.executedNodes > this.limits.maxNodes) {
      this.abort(new EngineError('LIMIT_NODES', `run executed more than ${this.limits.maxNodes} nodes (map iterations included)`, false));
    }
  }

  /**
   * What a node acting outside the run waits for before it starts: the run's `beforeOutsideEffects`, called once;
   * undefined when there is nothing (left) to wait for, so later nodes take no extra step.
   */
  outsideEffectsGate(nodeId: string): Promise<void> | undefined {
    const announce = this.options.beforeOutsideEffects;
    if (!announce || this.outsideEffects === 'announced') return undefined;
    this.outsideEffects ??= announce(nodeId).then(() => {
      this.outsideEffects = 'announced';
    });
    return this.outsideEffects;
  }

  abort(reason: EngineError): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }
}
