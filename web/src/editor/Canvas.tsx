/**
 * The React Flow canvas over the project graph. Every gesture is an API call (addComponent, moveComponent, connect,
 * applyGraphEdits); the canvas re-renders from the project the server answers (and from projectChanged for remote
 * edits). Connections are type-checked while dragging with the engine's own assignability rule.
 */
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type Edge,
  type IsValidConnection,
  type NodeChange,
  type OnSelectionChangeFunc,
} from '@xyflow/react';
import { isAssignable } from '../../../engine/model/ports';
import { DRAG_TYPE } from './Palette';
import { withConfiguredOutputs } from './ports';
import { WorkflowNodeView } from './WorkflowNodeView';
import { useQuery } from '@apollo/client/react';
import { CatalogQuery } from '../operations';
import { portColor, type Issue, type Instance, type NodeStatus, type PatchEdit, type ProjectData, type WorkflowNode } from './types';

const nodeTypes = { workflow: WorkflowNodeView };
/** Above this many nodes the canvas mounts only the visible ones and opens at LARGE_ZOOM instead of fitting all. */
const LARGE_PROJECT = 200;
const LARGE_ZOOM = 0.75;

export interface CanvasProps {
  project: ProjectData;
  statuses: Record<string, NodeStatus>;
  findings: Record<string, string[]>;
  debugging: boolean;
  breakpoints: Set<string>;
  currentNodeId?: string | null;
  onToggleBreakpoint: (nodeId: string) => void;
  onSelect: (nodeIds: string[]) => void;
  onAdd: (componentId: string, position: { x: number; y: number }) => void;
  onMove: (moves: { nodeId: string; position: { x: number; y: number } }[]) => void;
  onConnect: (connection: Connection) => void;
  onDelete: (nodeIds: string[], connectionIds: string[]) => void;
  onLayout: () => void;
  /** A fix being previewed: added nodes and connections drawn as ghosts, removed ones struck out, changed ones marked. */
  preview?: PatchEdit[];
}

/** Why a connection would be refused, or undefined when it is fine. */
function connectionProblem(project: ProjectData, c: Connection | Edge): string | undefined {
  const source = project.components.find((n) => n.id === c.source);
  const target = project.components.find((n) => n.id === c.target);
  const from = source && withConfiguredOutputs(source).component.outputs.find((p) => p.name === c.sourceHandle);
  const to = target?.component.inputs.find((p) => p.name === c.targetHandle);
  if (!from || !to) return undefined;
  if (c.source === c.target) return 'CYCLE: a node cannot feed itself';
  if (!isAssignable(from.type, to.type)) return `TYPE_MISMATCH: ${c.source}.${from.name} (${from.type}) cannot flow into ${c.target}.${to.name} (${to.type})`;
  return undefined;
}

export function Canvas(props: CanvasProps) {
  const { project, statuses, findings, debugging, breakpoints, currentNodeId, onToggleBreakpoint, preview } = props;
  const { data: catalog } = useQuery(CatalogQuery, { skip: !preview });
  const previewed = useMemo(() => previewChanges(project, preview ?? []), [project, preview]);
  const flow = useReactFlow();
  const [feedback, setFeedback] = useState<string>();
  const initialised = useNodesInitialized();
  const [nodesReady, setNodesReady] = useState(false);
  useEffect(() => {
    if ((initialised || project.components.length === 0) && !nodesReady) requestAnimationFrame(() => setNodesReady(true));
  }, [initialised, nodesReady, project.components.length]);
  // A large project opens readable, on its top-left corner (only the visible nodes are mounted), not zoomed out to
  // show hundreds of unreadable nodes at once; "Zoom to fit" shows it all.
  const large = project.components.length > LARGE_PROJECT;
  const [initialViewport] = useState(() => {
    if (!large) return undefined;
    const minX = Math.min(...project.components.map((n) => n.position.x));
    const minY = Math.min(...project.components.map((n) => n.position.y));
    return { x: 40 - minX * LARGE_ZOOM, y: 40 - minY * LARGE_ZOOM, zoom: LARGE_ZOOM };
  });

  const issuesByNode = useMemo(() => {
    const map: Record<string, Issue[]> = {};
    for (const issue of project.validation.errors) if (issue.nodeId) (map[issue.nodeId] ??= []).push(issue);
    return map;
  }, [project.validation.errors]);

  const [nodes, setNodes] = useState<WorkflowNode[]>([]);
  useEffect(() => {
    setNodes((previous) => {
      const selected = new Set(previous.filter((n) => n.selected).map((n) => n.id));
      return project.components.map((instance) => ({
        id: instance.id,
        type: 'workflow' as const,
        position: { x: instance.position.x, y: instance.position.y },
        selected: selected.has(instance.id),
        data: {
          instance: withConfiguredOutputs(instance),
          status: statuses[instance.id],
          issues: issuesByNode[instance.id] ?? [],
          findings: findings[instance.id] ?? [],
          debugging,
          breakpoint: breakpoints.has(instance.id),
          current: currentNodeId === instance.id,
          onToggleBreakpoint,
          preview: previewed.removedNodes.has(instance.id) ? ('removed' as const) : previewed.changedNodes.has(instance.id) ? ('changed' as const) : undefined,
        },
      }));
    });
  }, [project.components, statuses, issuesByNode, findings, debugging, breakpoints, currentNodeId, onToggleBreakpoint, previewed]);
  // Ghost nodes of the fix: not selectable, movable or connectable; drawn from the catalog's component.
  const ghosts = useMemo<WorkflowNode[]>(
    () =>
      previewed.addedNodes.flatMap((node) => {
        const component = catalog?.components.find((c) => c.id === node.componentId);
        if (!component) return [];
        const instance: Instance = {
          id: node.id,
          componentId: node.componentId,
          label: node.label ?? null,
          position: { x: node.position?.x ?? 0, y: node.position?.y ?? 0 },
          config: node.config ?? {},
          pinnedOutput: null,
          component,
        };
        return [
          {
            id: node.id,
            type: 'workflow' as const,
            position: instance.position,
            selectable: false,
            draggable: false,
            connectable: false,
            deletable: false,
            data: { instance, issues: [], findings: [], debugging: false, breakpoint: false, current: false, onToggleBreakpoint, preview: 'ghost' as const },
          },
        ];
      }),
    [previewed, catalog, onToggleBreakpoint],
  );

  const edges = useMemo<Edge[]>(() => {
    const broken = new Set(project.validation.errors.map((e) => e.connectionId).filter(Boolean));
    const edges: Edge[] = project.connections.map((c) => {
      const source = project.components.find((n) => n.id === c.sourceId);
      const type = (source && withConfiguredOutputs(source).component.outputs.find((p) => p.name === c.sourcePort)?.type) ?? 'any';
      return {
        id: c.id,
        source: c.sourceId,
        sourceHandle: c.sourcePort,
        target: c.targetId,
        targetHandle: c.targetPort,
        style: { stroke: broken.has(c.id) ? '#c62828' : portColor(type), strokeWidth: 2 },
        animated: statuses[c.sourceId] === 'running',
        className: previewed.removedConnections.has(c.id) ? 'preview-removed' : undefined,
      };
    });
    // Connections the fix adds: dashed ghosts.
    for (const c of previewed.addedConnections) {
      edges.push({
        id: `ghost-${c.id}`,
        source: c.sourceId,
        sourceHandle: c.sourcePort,
        target: c.targetId,
        targetHandle: c.targetPort,
        className: 'ghost-edge',
        selectable: false,
        deletable: false,
        style: { strokeDasharray: '6 4', strokeWidth: 2 },
      });
    }
    return edges;
  }, [project.connections, project.components, project.validation.errors, statuses, previewed]);

  // Bring a previewed fix into view (the ghosts may sit outside the viewport).
  useEffect(() => {
    if (!ghosts.length) return;
    const timer = setTimeout(() => void flow.fitView({ duration: 200, padding: 0.2 }), 60);
    return () => clearTimeout(timer);
  }, [ghosts.length, flow]);
  // Changes to ghost nodes (React Flow measures them too) are not ours to keep.
  const onNodesChange = useCallback((changes: NodeChange<WorkflowNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);

  const isValidConnection: IsValidConnection = useCallback(
    (c) => {
      const problem = connectionProblem(project, c);
      setFeedback(problem);
      return !problem;
    },
    [project],
  );

  const onSelectionChange: OnSelectionChangeFunc = useCallback(({ nodes: selected }) => props.onSelect(selected.map((n) => n.id)), [props.onSelect]);

  const onDrop = (e: DragEvent) => {
    const componentId = e.dataTransfer.getData(DRAG_TYPE);
    if (!componentId) return;
    e.preventDefault();
    props.onAdd(componentId, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };

  return (
    <div
      className="canvas"
      data-testid="canvas"
      onDragOver={(e) => e.dataTransfer.types.includes(DRAG_TYPE) && (e.preventDefault(), (e.dataTransfer.dropEffect = 'copy'))}
      onDrop={onDrop}
    >
      <ReactFlow<WorkflowNode>
        nodes={ghosts.length ? [...nodes, ...ghosts] : nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        isValidConnection={isValidConnection}
        onConnect={(c) => {
          setFeedback(undefined);
          props.onConnect(c);
        }}
        onConnectEnd={() => setTimeout(() => setFeedback(undefined), 2500)}
        onNodeDragStop={(_e, _node, dragged) => props.onMove(dragged.map((n) => ({ nodeId: n.id, position: n.position })))}
        onDelete={({ nodes: removed, edges: removedEdges }) => {
          const nodeIds = new Set(removed.map((n) => n.id));
          // Connections of removed nodes go with them on the server.
          props.onDelete(
            [...nodeIds],
            removedEdges.filter((e) => !nodeIds.has(e.source) && !nodeIds.has(e.target)).map((e) => e.id),
          );
        }}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        fitView={!initialViewport}
        defaultViewport={initialViewport}
        minZoom={0.1}
        onlyRenderVisibleElements={large}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        {/* Mounted once the nodes are measured: its selector walks every node on each store update, which would
            slow the first render of a large project for a widget nobody reads before the nodes show. */}
        {nodesReady && <MiniMap pannable zoomable ariaLabel="Mini map" />}
        <Controls />
      </ReactFlow>
      <div className="canvas-tools">
        <button type="button" data-testid="auto-layout" onClick={props.onLayout}>
          Auto-layout
        </button>
        <button type="button" data-testid="zoom-to-fit" onClick={() => void flow.fitView({ duration: 200 })}>
          Zoom to fit
        </button>
      </div>
      <div className="feedback" role="status" data-testid="connection-feedback">
        {feedback}
      </div>
    </div>
  );
}

/** What a patch would do, by id. */
function previewChanges(project: ProjectData, patch: PatchEdit[]) {
  const addedNodes: Extract<PatchEdit, { op: 'addNode' }>['node'][] = [];
  const addedConnections: Extract<PatchEdit, { op: 'connect' }>['connection'][] = [];
  const removedNodes = new Set<string>();
  const removedConnections = new Set<string>();
  const changedNodes = new Set<string>();
  for (const edit of patch) {
    if (edit.op === 'addNode') addedNodes.push(edit.node);
    else if (edit.op === 'connect') addedConnections.push(edit.connection);
    else if (edit.op === 'removeNode') removedNodes.add(edit.nodeId);
    else if (edit.op === 'disconnect') removedConnections.add(edit.connectionId);
    else changedNodes.add(edit.nodeId);
  }
  for (const c of project.connections) if (removedNodes.has(c.sourceId) || removedNodes.has(c.targetId)) removedConnections.add(c.id);
  return { addedNodes, addedConnections, removedNodes, removedConnections, changedNodes };
}
