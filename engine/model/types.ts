/**
 * The workflow model (docs/ARCHITECTURE.md §4): a project's graph of component instances wired by typed connections.
 * Plain data, JSON-serialisable, free of GraphQL and storage concerns.
 */

/** Port types: `any`, the JSON kinds, and `array<T>` for typed arrays. */
export type PortType = 'any' | 'string' | 'number' | 'boolean' | 'object' | 'array' | `array<${string}>`;

export interface PortSpec {
  name: string;
  type: PortType;
  /** A required input must be connected (or, for `input`-fed ports, provided) before the node can run. */
  required?: boolean;
  /** A `multiple` input accepts several connections; its value is the array of the connected values. */
  multiple?: boolean;
  description?: string;
}

export interface Position {
  x: number;
  y: number;
}

/** A node in a project: one instance of a registry component, pinned to the component version used at add time. */
export interface NodeInstance {
  id: string;
  componentId: string;
  componentVersion: string;
  label?: string | null;
  position: Position;
  config: Record<string, unknown>;
  /** Execution policy shared by every component (timeout, retries, error handling). */
  settings?: NodeSettings;
  /**
   * Pinned data (n8n's "pin data"): values by output port that stand in for running the node when a run asks for
   * pins (`usePinned`). Generated code ignores them.
   */
  pinnedOutput?: Record<string, unknown>;
}

/**
 * Per-node execution policy (docs/ARCHITECTURE.md §5). With `onError: 'route'` the node's implicit `error` output port
 * (type object: `{message, code, nodeId}`) fires instead of failing the run; every node has that port.
 */
export interface NodeSettings {
  timeoutMs?: number;
  retries?: number;
  /** First retry delay; doubles per attempt. */
  retryBackoffMs?: number;
  onError?: 'fail' | 'continue' | 'route';
  /** With `onError: 'continue'`: the values emitted instead, by output port. */
  defaultOutputs?: Record<string, unknown>;
}

/** Name of the output port every node has implicitly, fired when `settings.onError` is `route`. */
export const ERROR_PORT = 'error';

export interface Connection {
  id: string;
  sourceId: string;
  sourcePort: string;
  targetId: string;
  targetPort: string;
}

export interface WorkflowGraph {
  nodes: NodeInstance[];
  connections: Connection[];
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
