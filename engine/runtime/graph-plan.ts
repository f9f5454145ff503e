/**
 * Everything the scheduler needs about a graph, computed once per graph per run (map iterations reuse it): resolved
 * components, configs with defaults, per-port input sources and per-node dependants as indexes, and a cycle check.
 */
import type { ComponentDefinition } from '../components/types';
import type { NodeInstance, WorkflowGraph } from '../model/types';
import { applyConfigDefaults } from './config-defaults';
import { EngineError } from './errors';

/** Output components write the run's outputs; the interpreter collects them (see `outputName`). */
export const OUTPUT_COMPONENT_ID = 'core/output';

export interface PlannedInput {
  port: string;
  multiple: boolean;
  /** Parallel arrays, one entry per connection into this port, in connection order. */
  sourceIndexes: number[];
  sourcePorts: string[];
}

export interface PlannedNode {
  index: number;
  node: NodeInstance;
  component: ComponentDefinition;
  config: Record<string, unknown>;
  inputs: PlannedInput[];
  /** One entry per outgoing connection (a target appears once per connection, matching its `inDegree`). */
  dependents: number[];
  inDegree: number;
  /** Set for `core/output` nodes: the run-output key they fill. */
  outputName?: string;
  /**
   * Its component acts outside the run (declares `requires`: a model or the network), so running it twice may be seen
   * or paid for twice; the run's `beforeOutsideEffects` is awaited before the first such node starts.
   */
  reachesOutside: boolean;
}

export interface GraphPlan {
  graph: WorkflowGraph;
  nodes: PlannedNode[];
  indexById: Map<string, number>;
}

export type ComponentResolver = (componentId: string, version?: string) => ComponentDefinition | undefined;

export function planGraph(graph: WorkflowGraph, resolve: ComponentResolver, maxNodes: number): GraphPlan {
  if (graph.nodes.length > maxNodes) {
    throw new EngineError('LIMIT_NODES', `graph has ${graph.nodes.length} nodes, over the limit of ${maxNodes}`, false);
  }
  const indexById = new Map<string, number>();
  const nodes = graph.nodes.map((node, index): PlannedNode => {
    if (indexById.has(node.id)) throw new EngineError('DUPLICATE_NODE', `node id "${node.id}" is used twice`, false);
    indexById.set(node.id, index);
    const component = resolve(node.componentId, node.componentVersion);
    if (!component) {
      throw new EngineError(
        'UNKNOWN_COMPONENT',
        `node "${node.id}" uses unknown component "${node.componentId}"${node.componentVersion ? `@${node.componentVersion}` : ''}`,
        false,
      );
    }
    const config = applyConfigDefaults(component.configSchema, node.config);
    const outputName = component.id === OUTPUT_COMPONENT_ID ? String(config.name ?? node.id) : undefined;
    const reachesOutside = (component.requires?.length ?? 0) > 0;
    return { index, node, component, config, inputs: [], dependents: [], inDegree: 0, outputName, reachesOutside };
  });

  for (const connection of graph.connections) {
    const source = indexById.get(connection.sourceId);
    const target = indexById.get(connection.targetId);
    if (source === undefined || target === undefined) {
      const missing = source === undefined ? connection.sourceId : connection.targetId;
      throw new EngineError('UNKNOWN_NODE', `connection "${connection.id}" refers to unknown node "${missing}"`, false);
    }
    const targetNode = nodes[target];
    let input = targetNode.inputs.find((candidate) => candidate.port === connection.targetPort);
    if (!input) {
      const spec = targetNode.component.inputs.find((port) => port.name === connection.targetPort);
      input = { port: connection.targetPort, multiple: spec?.multiple === true, sourceIndexes: [], sourcePorts: [] };
      targetNode.inputs.push(input);
    }
    input.sourceIndexes.push(source);
    input.sourcePorts.push(connection.sourcePort);
    nodes[source].dependents.push(target);
    targetNode.inDegree++;
  }

  assertAcyclic(nodes);
  return { graph, nodes, indexById };
}

/** Kahn's algorithm: whatever never reaches in-degree 0 sits on (or behind) a cycle. */
function assertAcyclic(nodes: PlannedNode[]): void {
  const remaining = nodes.map((node) => node.inDegree);
  const queue: number[] = [];
  remaining.forEach((degree, index) => degree === 0 && queue.push(index));
  let visited = 0;
  while (visited < queue.length) {
    for (const dependent of nodes[queue[visited++]].dependents) {
      if (--remaining[dependent] === 0) queue.push(dependent);
    }
  }
  if (visited === nodes.length) return;
  const stuck = nodes.filter((_, index) => remaining[index] > 0).map((node) => node.node.id);
  const shown = stuck
    .slice(0, 10)
    .map((id) => `"${id}"`)
    .join(', ');
  throw new EngineError(
    'GRAPH_CYCLE',
    `graph has a cycle through ${shown}${stuck.length > 10 ? ` and ${stuck.length - 10} more` : ''}; loops must use a map component`,
    false,
  );
}
