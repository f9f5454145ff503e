import type { JSONSchemaType } from 'ajv';
import type { NodeInstance, PortSpec, WorkflowGraph } from '../model/types';
import type { RunLimits } from '../runtime/limits';
import type { ComponentEmitter } from '../codegen/types';

/** Registry categories. The nine legacy ids sit under logic / data / ai, as the original catalogue had them. */
export type ComponentCategory = 'data' | 'logic' | 'ai' | 'integration';

/** Values emitted by a node, by output port. A port absent from the object did not fire (its dependants are skipped). */
export type PortValues = Record<string, unknown>;

/** What the outside world offers a running component; the interpreter supplies it, tests may supply their own. */
export interface ComponentServices {
  /** OpenAI-compatible chat/embedding client (engine/runtime/llm-client). Throws a clear error when unconfigured. */
  llm: LlmClient;
  /** Outbound HTTP through the guard (no loopback/private/metadata targets unless allow-listed). */
  http: GuardedHttp;
  /** Runs user JavaScript in the QuickJS sandbox with a deadline and a memory limit. */
  sandbox: CodeSandbox;
  /** Runs a sub-graph (used by `map`); the interpreter wires this so step hooks see the iterations. */
  runSubgraph(graph: WorkflowGraph, inputs: Record<string, unknown>, frame: SubgraphFrame): Promise<Record<string, unknown>>;
}

export interface SubgraphFrame {
  /** The node that owns the sub-graph, e.g. the `map` node. */
  parentNodeId: string;
  /** Iteration index for `map`. */
  index: number;
}

export interface RunContext<C = Record<string, unknown>> {
  node: NodeInstance;
  /** Validated config (defaults applied). */
  config: C;
  /** Input values by port name; a `multiple` port holds the array of connected values in connection order. */
  inputs: Record<string, unknown>;
  /** The run's own inputs (what `input` nodes read). */
  runInputs: Record<string, unknown>;
  /** Aborted on cancellation or timeout. */
  signal: AbortSignal;
  services: ComponentServices;
  /** The run's limits (e.g. `map` checks `maxMapItems`); absent when a component is called outside the interpreter. */
  limits?: RunLimits;
}

/**
 * A config field that holds source in the expression language (`expression`) or a `{{path}}` template (`template`).
 * `pointer` is a JSON pointer into the config where `*` stands for any array index or object key; `scope` lists the
 * variables the text may read (engine/components/README.md, "Expression scope").
 */
export interface ExpressionField {
  pointer: string;
  kind: 'expression' | 'template';
  scope: readonly string[];
}

/** What a component needs from the outside world to run: a configured chat/embedding model, outbound network. */
export type RuntimeRequirement = 'model' | 'network';

export interface ComponentDefinition<C = any> {
  /** Stable id, e.g. `core/llm`. */
  id: string;
  /** Ids of the original catalogue that resolve to this component (`llm`, `loop` → `core/map`, …). */
  legacyIds?: string[];
  version: string;
  name: string;
  category: ComponentCategory;
  description: string;
  icon: string;
  color: string;
  inputs: PortSpec[];
  outputs: PortSpec[];
  /** JSON Schema (draft-07, checked with ajv) for the node's config. */
  configSchema: JSONSchemaType<C> | Record<string, unknown>;
  /** Config fields holding expressions or templates: validation parses them, the assistant and code generators read them. */
  expressionFields?: readonly ExpressionField[];
  /**
   * Config fields that may hold a `{"$secret": NAME}` reference (JSON pointers, `*` as in `expressionFields`). A
   * reference anywhere else is a validation error; the component resolves it itself, so the value never reaches a
   * port, an expression, a run step or an event.
   */
  secretFields?: readonly string[];
  /** What the component needs at run time; templates derive what they need from their nodes. */
  requires?: readonly RuntimeRequirement[];
  /** True when running it touches the world (HTTP, LLM, user code): the debugger journals instead of re-running. */
  sideEffects?: boolean;
  /**
   * True when a node of it may be left out when nothing reachable from it is an output (the code generator's
   * `optimize`): it can neither fail nor touch the world, so dropping it cannot change a run's outcome.
   */
  droppable?: boolean;
  /** `merge`-like components run as soon as one input has a value and when others are skipped. */
  runsOnPartialInputs?: boolean;
  /**
   * Output ports for a given (validated) config, when they depend on it — `switch` has one port per case.
   * Validators and editors should prefer it over `outputs` when present.
   */
  outputsFor?(config: C): PortSpec[];
  run(ctx: RunContext<C>): Promise<PortValues> | PortValues;
  /** Code generation (engine/codegen): one target-language expression computing the node's port values. */
  emit?: ComponentEmitter;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmClient {
  chat(
    request: { model?: string; messages: ChatMessage[]; temperature?: number; maxTokens?: number; json?: boolean },
    signal?: AbortSignal,
  ): Promise<{ content: string; model: string; usage?: Record<string, number> }>;
  embed(request: { model?: string; input: string[] }, signal?: AbortSignal): Promise<number[][]>;
}

export interface GuardedHttp {
  request(
    request: { url: string; method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number },
    signal?: AbortSignal,
  ): Promise<{ status: number; headers: Record<string, string>; body: string }>;
}

export interface CodeSandbox {
  /** Runs `code` (the body of a function receiving `inputs` and `config`) and returns its JSON result. */
  run(code: string, args: { inputs: unknown; config: unknown }, limits?: { timeoutMs?: number; memoryBytes?: number }): Promise<unknown>;
}
