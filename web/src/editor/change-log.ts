/**
 * Catching up with the change log instead of reloading the project: the graph edits collaborators made since the
 * version this tab shows are replayed onto the cached graph with the engine's own `applyGraphEdit` (the server applied
 * exactly these), so only what changed is fetched and the canvas keeps its selection and viewport.
 */
import { applyGraphEdit, recordedEdits, touchedIds, type GraphEdit } from '../../../engine/model/edits';
import type { Connection, NodeInstance, WorkflowGraph } from '../../../engine/model/types';
import type { Instance, ProjectData } from './types';

/** One entry of the change log, with the graph edits it recorded (none for a rename or a membership change). */
export interface RemoteChange {
  version: number;
  actor: string;
  op: string;
  edits: GraphEdit[];
}

export function remoteChanges(entries: readonly { version: number; actor: string; op: string; payload: unknown }[]): RemoteChange[] {
  return entries.map(({ version, actor, op, payload }) => ({ version, actor, op, edits: recordedEdits(payload) }));
}

/** Do the entries run without a gap from just after `from` up to `to`? (A short page or a hole means: reload.) */
export function coversVersions(changes: readonly RemoteChange[], from: number, to: number): boolean {
  return changes.length === to - from && changes.every((c, i) => c.version === from + 1 + i);
}

/** The changes that touched a node (moved, configured, connected, removed it). */
export function changesTouching(changes: readonly RemoteChange[], nodeId: string): RemoteChange[] {
  return changes.filter((c) => c.edits.some((e) => touchedIds(e).includes(`node:${nodeId}`)));
}

/** The change that removed a node, when the node is gone at the end of `changes`. */
export function removalOf(changes: readonly RemoteChange[], nodeId: string): RemoteChange | undefined {
  let removal: RemoteChange | undefined;
  for (const change of changes)
    for (const edit of change.edits) {
      if (edit.op === 'removeNode' && edit.nodeId === nodeId) removal = change;
      if (edit.op === 'addNode' && edit.node.id === nodeId) removal = undefined;
    }
  return removal;
}

type ComponentOf = (componentId: string) => Instance['component'] | undefined;

/**
 * The project's nodes and connections after `changes`, or undefined when they cannot be replayed here (an edit that
 * does not apply to the cached graph, or a node of a component this tab does not know): the caller reloads instead.
 */
export function replayChanges(
  project: ProjectData,
  changes: readonly RemoteChange[],
  componentOf: ComponentOf,
): Pick<ProjectData, 'components' | 'connections'> | undefined {
  // The cached nodes carry the fields the engine's edits read and write (id, componentId, position, config, label).
  let graph: WorkflowGraph = { nodes: project.components as unknown as NodeInstance[], connections: project.connections as Connection[] };
  try {
    for (const change of changes) for (const edit of change.edits) graph = applyGraphEdit(graph, edit);
  } catch {
    return undefined;
  }
  const cached = new Map(project.components.map((n) => [n.id, n]));
  const components: Instance[] = [];
  for (const node of graph.nodes) {
    const before = cached.get(node.id);
    if (before && (before as unknown) === node) {
      components.push(before);
      continue;
    }
    const component =
      before?.componentId === node.componentId
        ? before.component
        : (project.components.find((n) => n.componentId === node.componentId)?.component ?? componentOf(node.componentId));
    if (!component) return undefined;
    components.push(
      typed('ComponentInstance', {
        id: node.id,
        componentId: node.componentId,
        label: node.label ?? null,
        position: typed('Position', { x: node.position.x, y: node.position.y }),
        config: node.config ?? {},
        pinnedOutput: node.pinnedOutput ?? null,
        component,
      }),
    );
  }
  const connections = graph.connections.map(({ id, sourceId, sourcePort, targetId, targetPort }) =>
    typed('Connection', { id, sourceId, sourcePort, targetId, targetPort }),
  );
  return { components, connections };
}

/** The cache normalises by `__typename` + id: objects built here carry the type name the server would send. */
const typed = <T extends object>(typename: string, value: T): T => ({ __typename: typename, ...value });
