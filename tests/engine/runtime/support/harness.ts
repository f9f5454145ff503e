/** Graph builders and a run helper for interpreter tests. */
import type { ComponentDefinition, ComponentServices } from '../../../../engine/components/types';
import type { Connection, NodeInstance, NodeSettings, WorkflowGraph } from '../../../../engine/model/types';
import { executeGraph } from '../../../../engine/runtime/interpreter';
import type { ExecuteOptions, RunEvent, RunResult } from '../../../../engine/runtime/types';
import { standardComponents } from './components';

export function node(id: string, componentId: string, config: Record<string, unknown> = {}, settings?: NodeSettings): NodeInstance {
  return { id, componentId, componentVersion: '1.0.0', position: { x: 0, y: 0 }, config, ...(settings ? { settings } : {}) };
}

/** `link('a.value', 'b.value')`: a connection from port `value` of `a` to port `value` of `b`. */
export function link(from: string, to: string): Connection {
  const [sourceId, sourcePort] = from.split('.');
  const [targetId, targetPort] = to.split('.');
  return { id: `${from}->${to}`, sourceId, sourcePort, targetId, targetPort };
}

export function graph(nodes: NodeInstance[], connections: Connection[] = []): WorkflowGraph {
  return { nodes, connections };
}

const unavailable = (what: string) => () => {
  throw new Error(`${what} is not available in interpreter tests`);
};

/** Outside services are not used by the test components; calling one is a test bug. */
export const noServices: ComponentServices = {
  llm: { chat: unavailable('llm'), embed: unavailable('llm') },
  http: { request: unavailable('http') },
  sandbox: { run: unavailable('sandbox') },
  runSubgraph: unavailable('runSubgraph (the interpreter must provide its own)'),
};

export interface TestRun extends RunResult {
  events: RunEvent[];
}

/** Event as a short string, e.g. `started:a`, `succeeded:b`, `skipped:c@m[1]`. */
export function describe(event: RunEvent): string {
  if (event.type === 'RUN_STARTED' || event.type === 'RUN_FINISHED') return event.type;
  const where = event.frames.map((frame) => `@${frame.parentNodeId}[${frame.index}]`).join('');
  return `${event.type.slice(5).toLowerCase()}:${event.nodeId}${where}`;
}

export async function run(
  workflow: WorkflowGraph,
  options: Partial<Omit<ExecuteOptions, 'graph'>> & { components?: ComponentDefinition[] } = {},
): Promise<TestRun> {
  const registry = new Map<string, ComponentDefinition>();
  for (const component of [...standardComponents, ...(options.components ?? [])]) registry.set(component.id, component);
  const events: RunEvent[] = [];
  const result = await executeGraph({
    runId: 'run-1',
    inputs: {},
    services: noServices,
    resolveComponent: (id) => registry.get(id),
    ...options,
    graph: workflow,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  return { ...result, events };
}

/** A chain `c → n1 → … → n{length}` of `test/add` nodes after a `test/const`. */
export function chainGraph(length: number, start = 0): WorkflowGraph {
  const nodes = [node('c', 'test/const', { value: start })];
  const connections: Connection[] = [];
  for (let i = 1; i <= length; i++) {
    nodes.push(node(`n${i}`, 'test/add'));
    connections.push(link(`${i === 1 ? 'c' : `n${i - 1}`}.value`, `n${i}.value`));
  }
  return graph(nodes, connections);
}
