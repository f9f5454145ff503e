/**
 * The interpreter's contract (docs/ARCHITECTURE.md §5). One interpreter, two drivers: `executeWorkflow` runs to completion,
 * the debugger steps it through the hooks below.
 */
import type { ComponentDefinition, ComponentServices, PortValues } from '../components/types';
import type { RunLimits } from './limits';

export type { RunLimits };

export type WorldServices = Omit<ComponentServices, 'runSubgraph'>;
import type { NodeInstance, WorkflowGraph } from '../model/types';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
/** `pinned` / `reused`: the node stood in with pinned data or the last successful run's values (partial runs). */
export type StepStatus = 'running' | 'succeeded' | 'failed' | 'skipped' | 'pinned' | 'reused';

/** Where a node runs: the top-level graph, or an iteration of a `map` (nested frames for nested maps). */
export interface Frame {
  parentNodeId: string;
  index: number;
}

export interface StepRecord {
  nodeId: string;
  /** Empty for the top-level graph; one entry per enclosing map iteration. */
  frames: Frame[];
  status: StepStatus;
  inputs?: Record<string, unknown>;
  outputs?: PortValues;
  error?: { code: string; message: string };
  attempt: number;
  startedAt: string;
  durationMs: number;
}

export type RunEvent =
  | { type: 'RUN_STARTED'; runId: string; at: string }
  | { type: 'NODE_STARTED'; runId: string; nodeId: string; frames: Frame[]; attempt: number; at: string }
  | { type: 'NODE_SUCCEEDED'; runId: string; nodeId: string; frames: Frame[]; outputs: PortValues; durationMs: number; at: string }
  | { type: 'NODE_FAILED'; runId: string; nodeId: string; frames: Frame[]; error: { code: string; message: string }; at: string }
  | { type: 'NODE_RETRIED'; runId: string; nodeId: string; frames: Frame[]; attempt: number; error: { code: string; message: string }; at: string }
  | { type: 'NODE_SKIPPED'; runId: string; nodeId: string; frames: Frame[]; at: string }
  | { type: 'RUN_FINISHED'; runId: string; status: RunStatus; outputs: Record<string, unknown>; error?: { code: string; message: string }; at: string };

/** What a driver sees at a node boundary. */
export interface NodeBoundary {
  node: NodeInstance;
  frames: Frame[];
  inputs: Record<string, unknown>;
  /** Outputs of every node finished so far in this frame, by node id (mutable: edit-and-continue writes here). */
  values: Map<string, PortValues>;
}

/**
 * Step hooks. Each may return a promise: the interpreter waits, which is how a debugger pauses.
 * `beforeNode` may return `{ replay }` to use recorded outputs instead of running the node (journal replay after a
 * restart: side-effecting nodes are not executed again) or `{ inputs }` to run with edited inputs.
 * `onNodeError` may return 'retry' | 'fail' | 'pause-then-fail' semantics via its result (break-on-error).
 */
export interface StepHooks {
  beforeNode?(
    boundary: NodeBoundary,
  ): Promise<void | { replay?: PortValues; inputs?: Record<string, unknown> }> | void | { replay?: PortValues; inputs?: Record<string, unknown> };
  afterNode?(boundary: NodeBoundary, step: StepRecord): Promise<void> | void;
  onNodeError?(boundary: NodeBoundary, error: { code: string; message: string }): Promise<'fail' | 'retry'> | 'fail' | 'retry';
  enterIteration?(frame: Frame, item: unknown): Promise<void> | void;
  leaveIteration?(frame: Frame, result: unknown): Promise<void> | void;
}

export interface ExecuteOptions {
  runId: string;
  graph: WorkflowGraph;
  inputs: Record<string, unknown>;
  resolveComponent(componentId: string, version?: string): ComponentDefinition | undefined;
  /** The outside world (LLM, HTTP, sandbox); `runSubgraph` is the interpreter's own. */
  services: WorldServices;
  limits?: Partial<RunLimits>;
  hooks?: StepHooks;
  onEvent?(event: RunEvent): void;
  signal?: AbortSignal;
  /** Run one node at a time in a stable topological order (a stepping debugger); same as `limits.concurrency: 1`. */
  sequential?: boolean;
  /**
   * The project's secret values for this run, by name. Resolved only into the config handed to a node's `run`, at the
   * fields its component declares (`secretFields`); never into the graph, ports, steps or events.
   */
  secrets?: ReadonlyMap<string, string>;
  /**
   * Awaited once, before the first node that acts outside the run (its component `requires` a model or the network)
   * starts; when it rejects, that node fails the run without running. A run executor records here that the run can
   * no longer be executed again safely (docs/ARCHITECTURE.md §5.1). `nodeId` is the first such node.
   */
  beforeOutsideEffects?(nodeId: string): Promise<void>;
}

export interface RunResult {
  runId: string;
  status: RunStatus;
  outputs: Record<string, unknown>;
  error?: { code: string; message: string };
  steps: StepRecord[];
  startedAt: string;
  finishedAt: string;
}
