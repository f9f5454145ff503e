/**
 * Small builders that keep template files readable: nodes are laid out on a grid, left to right by `column`,
 * and every connection gets a stable id derived from its ends.
 */
import { findBuiltinComponent } from '../components';
import type { Connection, NodeInstance, NodeSettings, WorkflowGraph } from '../model/types';

const COLUMN_WIDTH = 260;
const ROW_HEIGHT = 160;

/** A node of built-in `componentId` at grid cell (column, row), pinned to the component's current version. */
export function node(id: string, componentId: string, column: number, row: number, config: Record<string, unknown> = {}, label?: string): NodeInstance {
  const component = findBuiltinComponent(componentId);
  if (!component) throw new Error(`template node "${id}": unknown component ${componentId}`);
  return {
    id,
    componentId: component.id,
    componentVersion: component.version,
    ...(label ? { label } : {}),
    position: { x: 80 + column * COLUMN_WIDTH, y: 80 + row * ROW_HEIGHT },
    config,
  };
}

/** A connection written as `source.port → target.port`. */
export function wire(from: string, to: string): Connection {
  const [sourceId, sourcePort] = from.split('.');
  const [targetId, targetPort] = to.split('.');
  return { id: `${sourceId}.${sourcePort}->${targetId}.${targetPort}`, sourceId, sourcePort, targetId, targetPort };
}

export function graph(nodes: NodeInstance[], connections: Connection[]): WorkflowGraph {
  return { nodes, connections };
}

/** Remote calls (models, HTTP) fail transiently: shipped examples retry them, as the assistant recommends. */
export const REMOTE_CALL_RETRIES: NodeSettings = { retries: 2, retryBackoffMs: 200 };

export function withRetries(instance: NodeInstance, settings: NodeSettings = REMOTE_CALL_RETRIES): NodeInstance {
  return { ...instance, settings: { ...instance.settings, ...settings } };
}
