/**
 * Finding nodes of a pinned graph by frame path: a `map` iteration runs the map node's `config.graph`, so the nodes
 * a debugger can stop at live in the graph and in every nested map sub-graph.
 */
import { findBuiltinComponent } from '../../engine/components';
import type { ComponentDefinition } from '../../engine/components/types';
import { outputPort } from '../../engine/model/validate';
import type { NodeInstance, PortSpec, WorkflowGraph } from '../../engine/model/types';
import { applyConfigDefaults } from '../../engine/runtime/config-defaults';
import type { Frame } from '../../engine/runtime/types';

const MAP_COMPONENT = 'core/map';

function subgraphOf(node: NodeInstance | undefined): WorkflowGraph | undefined {
  if (!node || node.componentId !== MAP_COMPONENT || node.config.mode !== 'subgraph') return undefined;
  const graph = node.config.graph as WorkflowGraph | undefined;
  return graph && Array.isArray(graph.nodes) ? graph : undefined;
}

/** The graph a frame path runs (undefined if the path does not exist). */
export function graphAt(root: WorkflowGraph, frames: readonly Frame[]): WorkflowGraph | undefined {
  let graph: WorkflowGraph | undefined = root;
  for (const frame of frames) graph = subgraphOf(graph?.nodes.find((n) => n.id === frame.parentNodeId));
  return graph;
}

export function nodeAt(root: WorkflowGraph, frames: readonly Frame[], nodeId: string): NodeInstance | undefined {
  return graphAt(root, frames)?.nodes.find((n) => n.id === nodeId);
}

/** Every node id of the graph and of its map sub-graphs (where breakpoints may be set). */
export function allNodeIds(graph: WorkflowGraph, into = new Set<string>()): Set<string> {
  for (const node of graph.nodes) {
    into.add(node.id);
    const sub = subgraphOf(node);
    if (sub) allNodeIds(sub, into);
  }
  return into;
}

/**
 * A copy of the graph whose maps run one iteration at a time: with `sequential` this makes a debug run visit
 * nodes in one stable order. Map results keep item order, so the outputs are those of a concurrent run.
 */
export function withSequentialMaps(graph: WorkflowGraph): WorkflowGraph {
  return {
    nodes: graph.nodes.map((node) => {
      const sub = subgraphOf(node);
      return node.componentId === MAP_COMPONENT
        ? { ...node, config: { ...node.config, concurrency: 1, ...(sub ? { graph: withSequentialMaps(sub) } : {}) } }
        : node;
    }),
    connections: graph.connections,
  };
}

export function componentOf(node: NodeInstance): ComponentDefinition | undefined {
  return findBuiltinComponent(node.componentId);
}

/** The output port spec of a node (config-dependent ports and the implicit `error` port included). */
export function outputPortOf(node: NodeInstance, port: string): PortSpec | undefined {
  const component = componentOf(node);
  return component && outputPort(component, port, applyConfigDefaults(component.configSchema, node.config));
}

export function outputPortNames(node: NodeInstance): string[] {
  const component = componentOf(node);
  if (!component) return [];
  const config = applyConfigDefaults(component.configSchema, node.config);
  return [...(component.outputsFor?.(config) ?? component.outputs).map((p) => p.name), 'error'];
}

/**
 * The inputs a node would collect from the given finished outputs — for display after an edit while paused (the
 * interpreter itself re-collects them when the node runs). Mirrors the scheduler: a `multiple` port lists every
 * live source in connection order, a single port takes the first live one.
 */
export function inputsFrom(
  graph: WorkflowGraph,
  node: NodeInstance,
  outputs: (nodeId: string) => Record<string, unknown> | undefined,
  previous: Record<string, unknown>,
): Record<string, unknown> {
  const component = componentOf(node);
  const inputs: Record<string, unknown> = { ...previous };
  const byPort = new Map<string, unknown[]>();
  for (const c of graph.connections) {
    if (c.targetId !== node.id) continue;
    const value = outputs(c.sourceId)?.[c.sourcePort];
    const list = byPort.get(c.targetPort) ?? [];
    if (value !== undefined) list.push(value);
    byPort.set(c.targetPort, list);
  }
  for (const [port, values] of byPort) {
    const multiple = component?.inputs.find((p) => p.name === port)?.multiple === true;
    if (values.length === 0) delete inputs[port];
    else inputs[port] = multiple ? values : values[0];
  }
  return inputs;
}
