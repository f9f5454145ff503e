/**
 * Copy and paste of canvas nodes: the copied nodes and the connections between them, kept in localStorage so another
 * tab of the same app can paste them. Pasting is one applyGraphEdits change with fresh ids (a pasted node may be a
 * draft: partial config and unwired inputs are accepted, validation lists what it still needs).
 */
import type { GraphEditInput } from '../gql/graphql';
import type { ProjectData } from './types';

const KEY = 'vb-clipboard';

interface Clipboard {
  nodes: { id: string; componentId: string; label: string | null; position: { x: number; y: number }; config: unknown }[];
  connections: { sourceId: string; sourcePort: string; targetId: string; targetPort: string }[];
}

export function copyNodes(project: ProjectData, nodeIds: string[]): number {
  const ids = new Set(nodeIds);
  const clip: Clipboard = {
    nodes: project.components
      .filter((n) => ids.has(n.id))
      .map((n) => ({ id: n.id, componentId: n.componentId, label: n.label ?? null, position: { x: n.position.x, y: n.position.y }, config: n.config })),
    connections: project.connections
      .filter((c) => ids.has(c.sourceId) && ids.has(c.targetId))
      .map(({ sourceId, sourcePort, targetId, targetPort }) => ({ sourceId, sourcePort, targetId, targetPort })),
  };
  localStorage.setItem(KEY, JSON.stringify(clip));
  return clip.nodes.length;
}

export function hasClipboard(): boolean {
  return localStorage.getItem(KEY) !== null;
}

/** The edits that paste the clipboard into `project`, offset from the originals; ids unused in the project. */
export function pasteEdits(project: ProjectData, offset = { x: 60, y: 60 }): GraphEditInput[] {
  const raw = localStorage.getItem(KEY);
  if (!raw) return [];
  const clip = JSON.parse(raw) as Clipboard;
  const taken = new Set([...project.components.map((n) => n.id), ...project.connections.map((c) => c.id)]);
  const fresh = (base: string) => {
    let i = 1;
    while (taken.has(`${base}_${i}`)) i++;
    taken.add(`${base}_${i}`);
    return `${base}_${i}`;
  };
  const ids = new Map(clip.nodes.map((n) => [n.id, fresh(n.id)]));
  return [
    ...clip.nodes.map((n) => ({
      addNode: {
        id: ids.get(n.id)!,
        componentId: n.componentId,
        label: n.label,
        position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
        config: n.config,
      },
    })),
    ...clip.connections.map((c) => ({
      connect: {
        id: fresh(`${ids.get(c.sourceId)}-${ids.get(c.targetId)}`),
        sourceId: ids.get(c.sourceId)!,
        sourcePort: c.sourcePort,
        targetId: ids.get(c.targetId)!,
        targetPort: c.targetPort,
      },
    })),
  ];
}
