/** Graph-edit builders shared by the rules' patches. */
import type { GraphEdit } from '../../../engine/model/edits';
import type { Connection, NodeInstance } from '../../../engine/model/types';
import { findBuiltinComponent } from '../../../engine/components';
import type { GraphContext } from '../analysis/graph-context';

/** A connection with an id that is free in the graph (and among `taken`, ids this patch already uses). */
export function wire(ctx: GraphContext, taken: Set<string>, sourceId: string, sourcePort: string, targetId: string, targetPort: string): Connection {
  const id = ctx.freshId(`${sourceId}.${sourcePort}->${targetId}.${targetPort}`, taken);
  taken.add(id);
  return { id, sourceId, sourcePort, targetId, targetPort };
}

/** A new built-in node placed near `near`, with a fresh id. */
export function newNode(
  ctx: GraphContext,
  taken: Set<string>,
  base: string,
  componentId: string,
  config: Record<string, unknown>,
  near?: NodeInstance,
  offset = { x: 130, y: 90 },
): NodeInstance {
  const component = findBuiltinComponent(componentId);
  if (!component) throw new Error(`unknown built-in ${componentId}`);
  const id = ctx.freshId(base, taken);
  taken.add(id);
  const at = near?.position ?? { x: 0, y: 0 };
  return { id, componentId: component.id, componentVersion: component.version, label: null, position: { x: at.x + offset.x, y: at.y + offset.y }, config };
}

/** Puts `inserted` (input `inPort`, output `outPort`) on the wire `c`: source → inserted → target. */
export function insertOnWire(ctx: GraphContext, c: Connection, inserted: NodeInstance, inPort: string, outPort: string, taken: Set<string>): GraphEdit[] {
  return [
    { op: 'addNode', node: inserted },
    { op: 'disconnect', connectionId: c.id },
    { op: 'connect', connection: wire(ctx, taken, c.sourceId, c.sourcePort, inserted.id, inPort) },
    { op: 'connect', connection: wire(ctx, taken, inserted.id, outPort, c.targetId, c.targetPort) },
  ];
}

export function updateConfig(node: NodeInstance, changes: Record<string, unknown>): GraphEdit {
  return { op: 'updateNode', nodeId: node.id, config: { ...node.config, ...changes } };
}

export const describeNode = (node: NodeInstance) => (node.label ? `"${node.label}" (${node.id})` : `"${node.id}"`);
