/** Auto-layout with elkjs (layered, left to right), loaded on first use so it stays out of the initial bundle. */
import type { ProjectData } from './types';

export async function layoutPositions(project: ProjectData): Promise<{ nodeId: string; position: { x: number; y: number } }[]> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '40', 'elk.layered.spacing.nodeNodeBetweenLayers': '80' },
    children: project.components.map((n) => ({ id: n.id, width: 200, height: 60 + 20 * Math.max(n.component.inputs.length, n.component.outputs.length) })),
    edges: project.connections.map((c) => ({ id: c.id, sources: [c.sourceId], targets: [c.targetId] })),
  });
  return (graph.children ?? []).map((n) => ({ nodeId: n.id, position: { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) } }));
}
