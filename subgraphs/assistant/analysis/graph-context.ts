/**
 * What the rules read: the pinned graph, the components it uses (ports, config schemas) and the validation report,
 * with the lookups every rule needs (wires in and out, port types, reachability) computed once.
 */
import { findBuiltinComponent } from '../../../engine/components';
import { ERROR_PORT, type Connection, type NodeInstance, type PortSpec, type WorkflowGraph } from '../../../engine/model/types';
import { outputPort, outputPorts, validateGraph, type ComponentShape, type ValidationReport } from '../../../engine/model/validate';
import { effectiveType } from './type-flow';

export class GraphContext {
  readonly nodes: Map<string, NodeInstance>;
  readonly validation: ValidationReport;
  private readonly inbound = new Map<string, Connection[]>();
  private readonly outbound = new Map<string, Connection[]>();
  private outputReach?: Set<string>;
  private readonly typeMemo = new Map<string, string>();

  constructor(
    readonly graph: WorkflowGraph,
    readonly components: ReadonlyMap<string, ComponentShape>,
  ) {
    this.nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const c of graph.connections) {
      push(this.inbound, c.targetId, c);
      push(this.outbound, c.sourceId, c);
    }
    this.validation = validateGraph(graph, components);
  }

  component(node: NodeInstance): ComponentShape | undefined {
    return this.components.get(node.componentId);
  }

  /** The built-in definition behind a node, for what shapes do not carry (side effects, legacy ids). */
  builtin(node: NodeInstance) {
    return findBuiltinComponent(node.componentId);
  }

  nodesOf(componentId: string): NodeInstance[] {
    return this.graph.nodes.filter((n) => n.componentId === componentId);
  }

  wiresInto(nodeId: string, port?: string): Connection[] {
    return (this.inbound.get(nodeId) ?? []).filter((c) => port === undefined || c.targetPort === port);
  }

  wiresFrom(nodeId: string, port?: string): Connection[] {
    return (this.outbound.get(nodeId) ?? []).filter((c) => port === undefined || c.sourcePort === port);
  }

  isConnected(nodeId: string): boolean {
    return this.wiresInto(nodeId).length > 0 || this.wiresFrom(nodeId).length > 0;
  }

  inputPort(node: NodeInstance, name: string): PortSpec | undefined {
    return this.component(node)?.inputs.find((p) => p.name === name);
  }

  outputPorts(node: NodeInstance): PortSpec[] {
    const component = this.component(node);
    return component ? outputPorts(component, node.config ?? {}) : [];
  }

  /** Declared type of an output port (the implicit `error` port included). */
  declaredOutputType(node: NodeInstance, port: string): string | undefined {
    const component = this.component(node);
    return component && outputPort(component, port, node.config ?? {})?.type;
  }

  /** The type a value on this output port really has, following pass-through nodes and checks (see type-flow). */
  outputType(nodeId: string, port: string): string {
    const key = `${nodeId}\u0000${port}`;
    let type = this.typeMemo.get(key);
    if (type === undefined) {
      this.typeMemo.set(key, 'any'); // a cycle (invalid anyway) ends as `any`
      type = effectiveType(this, nodeId, port);
      this.typeMemo.set(key, type);
    }
    return type;
  }

  /** Nodes from which some `output` node can be reached (output nodes included). */
  reachesOutput(nodeId: string): boolean {
    if (!this.outputReach) {
      const reach = new Set<string>();
      const queue = this.nodesOf('core/output').map((n) => n.id);
      for (const id of queue) reach.add(id);
      while (queue.length) {
        const id = queue.pop()!;
        for (const c of this.wiresInto(id)) {
          if (!reach.has(c.sourceId)) {
            reach.add(c.sourceId);
            queue.push(c.sourceId);
          }
        }
      }
      this.outputReach = reach;
    }
    return this.outputReach.has(nodeId);
  }

  /** Does the node route its failures somewhere (settings.onError route with a wired error port, or continue)? */
  handlesErrors(node: NodeInstance): boolean {
    const onError = node.settings?.onError;
    if (onError === 'continue') return true;
    return onError === 'route' && this.wiresFrom(node.id, ERROR_PORT).length > 0;
  }

  /** An id not yet used by a node or a connection, derived from `base`. */
  freshId(base: string, taken: Set<string> = new Set()): string {
    const used = (id: string) => this.nodes.has(id) || this.graph.connections.some((c) => c.id === id) || taken.has(id);
    const clean = base.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 90);
    if (!used(clean)) return clean;
    for (let i = 2; ; i++) if (!used(`${clean}_${i}`)) return `${clean}_${i}`;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
