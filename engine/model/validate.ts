/**
 * Graph validation (docs/ARCHITECTURE.md §4). Errors block execution; warnings (a disconnected node) do not.
 * Pure and synchronous: the caller resolves the components the graph uses first (built-ins from the engine, custom
 * ones from the registry).
 */
import type { ComponentDefinition } from '../components/types';
import { validateComponentConfig } from '../components/config';
import { checkNodeExpressions } from './expression-check';
import { misplacedSecretRefs, stubSecretRefs } from '../secrets/secret-refs';
import { isAssignable } from './ports';
import { ERROR_PORT, type Connection, type PortSpec, type WorkflowGraph } from './types';

/** What validation needs to know of a component: its ports and config schema. */
export type ComponentShape = Pick<
  ComponentDefinition,
  'id' | 'version' | 'inputs' | 'outputs' | 'configSchema' | 'outputsFor' | 'secretFields' | 'expressionFields'
>;

export type IssueCode =
  | 'UNKNOWN_COMPONENT'
  | 'CONFIG_INVALID'
  | 'SECRET_NOT_ALLOWED'
  | 'CONFIG_MISSING'
  | 'EXPRESSION_INVALID'
  | 'UNKNOWN_VARIABLE'
  | 'UNKNOWN_NODE'
  | 'UNKNOWN_PORT'
  | 'TYPE_MISMATCH'
  | 'DUPLICATE_INPUT'
  | 'DUPLICATE_ID'
  | 'CYCLE'
  | 'MISSING_INPUT'
  | 'DISCONNECTED';

export interface ValidationIssue {
  code: IssueCode;
  message: string;
  nodeId?: string;
  connectionId?: string;
  port?: string;
  field?: string;
  /** For EXPRESSION_INVALID / UNKNOWN_VARIABLE: 0-based offset into the expression at `field`. */
  position?: number;
}

/**
 * Issues a draft may have: a node dropped before it is configured or wired, an expression being typed. They block a
 * run, never an edit.
 */
export const DRAFT_ISSUES: ReadonlySet<IssueCode> = new Set<IssueCode>(['CONFIG_MISSING', 'MISSING_INPUT', 'EXPRESSION_INVALID', 'UNKNOWN_VARIABLE']);

export interface ValidationReport {
  valid: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

const ERROR_PORT_SPEC: PortSpec = { name: ERROR_PORT, type: 'object' };

/** The node's output ports: config-dependent for some components (a `switch` has a port per case). */
export function outputPorts(component: ComponentShape, config: Record<string, unknown>): PortSpec[] {
  return component.outputsFor?.(config) ?? component.outputs;
}

export function outputPort(component: ComponentShape, name: string, config: Record<string, unknown> = {}): PortSpec | undefined {
  const port = outputPorts(component, config).find((p) => p.name === name);
  return port ?? (name === ERROR_PORT ? ERROR_PORT_SPEC : undefined);
}

export function validateGraph(graph: WorkflowGraph, components: ReadonlyMap<string, ComponentShape>): ValidationReport {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  if (nodes.size !== graph.nodes.length) {
    const seen = new Set<string>();
    for (const node of graph.nodes) {
      if (seen.has(node.id)) errors.push({ code: 'DUPLICATE_ID', nodeId: node.id, message: `Node id "${node.id}" is used twice` });
      seen.add(node.id);
    }
  }

  for (const node of graph.nodes) {
    const component = components.get(node.componentId);
    if (!component) {
      errors.push({ code: 'UNKNOWN_COMPONENT', nodeId: node.id, message: `Node "${node.id}" uses unknown component "${node.componentId}"` });
      continue;
    }
    // Secrets only where the component declares it takes one: a code node, an expression or a template never sees one.
    for (const pointer of misplacedSecretRefs(node.config ?? {}, component.secretFields)) {
      const allowed = component.secretFields?.length ? `; it takes secrets only in ${component.secretFields.join(', ')}` : '; it takes no secrets';
      errors.push({
        code: 'SECRET_NOT_ALLOWED',
        nodeId: node.id,
        field: pointer,
        message: `Node "${node.id}" config ${pointer}: a {"$secret": …} reference is not allowed here (${component.id}${allowed})`,
      });
    }
    // A secret reference ({"$secret": NAME}) stands for a string until run time.
    const config = validateComponentConfig(component, stubSecretRefs(node.config ?? {}));
    if (!config.ok) {
      for (const e of config.errors) {
        errors.push({
          code: e.missing ? 'CONFIG_MISSING' : 'CONFIG_INVALID',
          nodeId: node.id,
          field: e.field,
          message: `Node "${node.id}" config ${e.field || '(root)'}: ${e.message}`,
        });
      }
    }
    for (const p of checkNodeExpressions(node, component)) {
      const issue: ValidationIssue = {
        code: p.code,
        nodeId: node.id,
        field: p.field,
        position: p.position,
        message: `Node "${node.id}" config ${p.field} ${JSON.stringify(p.source)} at ${p.position}: ${p.reason}`,
      };
      (p.severity === 'error' ? errors : warnings).push(issue);
    }
  }

  const inbound = new Map<string, Connection[]>();
  for (const c of graph.connections) {
    const source = nodes.get(c.sourceId);
    const target = nodes.get(c.targetId);
    if (!source || !target) {
      const missing = !source ? c.sourceId : c.targetId;
      errors.push({ code: 'UNKNOWN_NODE', connectionId: c.id, nodeId: missing, message: `Connection "${c.id}" refers to unknown node "${missing}"` });
      continue;
    }
    const sourceComponent = components.get(source.componentId);
    const targetComponent = components.get(target.componentId);
    if (!sourceComponent || !targetComponent) continue; // already reported as UNKNOWN_COMPONENT
    const from = outputPort(sourceComponent, c.sourcePort, source.config ?? {});
    const to = targetComponent.inputs.find((p) => p.name === c.targetPort);
    if (!from) {
      errors.push({
        code: 'UNKNOWN_PORT',
        connectionId: c.id,
        nodeId: source.id,
        port: c.sourcePort,
        message: `Node "${source.id}" (${sourceComponent.id}) has no output port "${c.sourcePort}"; outputs: ${portNames(outputPorts(sourceComponent, source.config ?? {}))}`,
      });
    }
    if (!to) {
      errors.push({
        code: 'UNKNOWN_PORT',
        connectionId: c.id,
        nodeId: target.id,
        port: c.targetPort,
        message: `Node "${target.id}" (${targetComponent.id}) has no input port "${c.targetPort}"; inputs: ${portNames(targetComponent.inputs)}`,
      });
    }
    if (!from || !to) continue;
    if (!isAssignable(from.type, to.type)) {
      errors.push({
        code: 'TYPE_MISMATCH',
        connectionId: c.id,
        nodeId: target.id,
        port: c.targetPort,
        message: `Cannot connect ${source.id}.${c.sourcePort} (${from.type}) to ${target.id}.${c.targetPort} (${to.type})`,
      });
    }
    const key = `${c.targetId}\u0000${c.targetPort}`;
    const existing = inbound.get(key) ?? [];
    if (existing.length > 0 && !to.multiple) {
      errors.push({
        code: 'DUPLICATE_INPUT',
        connectionId: c.id,
        nodeId: target.id,
        port: c.targetPort,
        message: `Input ${target.id}.${c.targetPort} accepts one connection and already has one (from ${existing[0].sourceId}.${existing[0].sourcePort})`,
      });
    }
    existing.push(c);
    inbound.set(key, existing);
  }

  const cycle = findCycle(graph);
  if (cycle) {
    errors.push({ code: 'CYCLE', nodeId: cycle[0], message: `Connections form a cycle: ${[...cycle, cycle[0]].join(' → ')} (loops are a component: use map)` });
  }

  const touched = new Set<string>();
  for (const c of graph.connections) {
    touched.add(c.sourceId);
    touched.add(c.targetId);
  }
  for (const node of graph.nodes) {
    const component = components.get(node.componentId);
    if (!component) continue;
    for (const port of component.inputs) {
      if (port.required && !inbound.has(`${node.id}\u0000${port.name}`)) {
        errors.push({
          code: 'MISSING_INPUT',
          nodeId: node.id,
          port: port.name,
          message: `Required input ${node.id}.${port.name} (${port.type}) is not connected`,
        });
      }
    }
    if (graph.nodes.length > 1 && !touched.has(node.id)) {
      warnings.push({ code: 'DISCONNECTED', nodeId: node.id, message: `Node "${node.id}" is not connected to anything` });
    }
  }
  return { valid: errors.length === 0, errors, warnings };
}

function portNames(ports: PortSpec[]): string {
  return ports.length ? ports.map((p) => p.name).join(', ') : '(none)';
}

/** A cycle as a list of node ids, or undefined. Iterative DFS: graphs may have tens of thousands of nodes. */
export function findCycle(graph: WorkflowGraph): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const c of graph.connections) {
    const list = next.get(c.sourceId);
    if (list) list.push(c.targetId);
    else next.set(c.sourceId, [c.targetId]);
  }
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  for (const start of graph.nodes) {
    if (state.has(start.id)) continue;
    const stack: { id: string; i: number }[] = [{ id: start.id, i: 0 }];
    state.set(start.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const children = next.get(top.id) ?? [];
      if (top.i >= children.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const child = children[top.i++];
      const s = state.get(child);
      if (s === 1) {
        const from = stack.findIndex((f) => f.id === child);
        return stack.slice(from).map((f) => f.id);
      }
      if (s === undefined) {
        state.set(child, 1);
        stack.push({ id: child, i: 0 });
      }
    }
  }
  return undefined;
}
