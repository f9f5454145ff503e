/**
 * Copy/paste and duplicate: a set of nodes and the connections between them, copied with fresh ids and moved by an
 * offset. Connections to nodes outside the set are not copied (a pasted fragment arrives unwired on that side).
 */
import type { GraphEdit } from './edits';
import type { Position, WorkflowGraph } from './types';

export interface DuplicatedFragment {
  edits: GraphEdit[];
  /** Original node id → copy id. */
  idMap: Record<string, string>;
}

/** `base_copy`, `base_copy2`, … : the first id not in `taken` (which it extends). */
export function freshNodeId(base: string, taken: Set<string>): string {
  const stem = `${base.replace(/_copy\d*$/, '').slice(0, 90)}_copy`;
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}${n}`;
  taken.add(id);
  return id;
}

/** The edits that add copies of `nodeIds` (and their inner connections); unknown ids are reported by name. */
export function duplicateFragment(
  graph: WorkflowGraph,
  nodeIds: readonly string[],
  offset: Position,
  connectionId: () => string,
): DuplicatedFragment | { missing: string[] } {
  const wanted = new Set(nodeIds);
  const nodes = graph.nodes.filter((n) => wanted.has(n.id));
  if (nodes.length !== wanted.size) {
    const present = new Set(nodes.map((n) => n.id));
    return { missing: [...wanted].filter((id) => !present.has(id)) };
  }
  const taken = new Set(graph.nodes.map((n) => n.id));
  const idMap: Record<string, string> = {};
  for (const node of nodes) idMap[node.id] = freshNodeId(node.id, taken);
  const edits: GraphEdit[] = nodes.map((node) => ({
    op: 'addNode',
    node: { ...structuredClone(node), id: idMap[node.id], position: { x: node.position.x + offset.x, y: node.position.y + offset.y } },
  }));
  for (const c of graph.connections) {
    if (wanted.has(c.sourceId) && wanted.has(c.targetId)) {
      edits.push({
        op: 'connect',
        connection: { id: connectionId(), sourceId: idMap[c.sourceId], sourcePort: c.sourcePort, targetId: idMap[c.targetId], targetPort: c.targetPort },
      });
    }
  }
  return { edits, idMap };
}
