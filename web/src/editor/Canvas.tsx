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
  useReactFlow,
  type Connection,
  type Edge,
  type IsValidConnection,
  type NodeChange,
  type OnSelectionChangeFunc,
} from '@xyflow/react';
import { isAssignable } from '../../../engine/model/ports';
import { DRAG_TYPE } from './Palette';
import { WorkflowNodeView } from './WorkflowNodeView';
import { portColor, type Issue, type NodeStatus, type ProjectData, type WorkflowNode } from './types';

const nodeTypes = { workflow: WorkflowNodeView };

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
}

/** Why a connection would be refused, or undefined when it is fine. */
function connectionProblem(project: ProjectData, c: Connection | Edge): string | undefined {
  const source = project.components.find((n) => n.id === c.source);
  const target = project.components.find((n) => n.id === c.target);
  const from = source?.component.outputs.find((p) => p.name === c.sourceHandle);
  const to = target?.component.inputs.find((p) => p.name === c.targetHandle);
  if (!from || !to) return undefined;
  if (c.source === c.target) return 'CYCLE: a node cannot feed itself';
  if (!isAssignable(from.type, to.type)) return `TYPE_MISMATCH: ${c.source}.${from.name} (${from.type}) cannot flow into ${c.target}.${to.name} (${to.type})`;
  return undefined;
}

export function Canvas(props: CanvasProps) {
  const { project, statuses, findings, debugging, breakpoints, currentNodeId, onToggleBreakpoint } = props;
  const flow = useReactFlow();
  const [feedback, setFeedback] = useState<string>();

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
          instance,
          status: statuses[instance.id],
          issues: issuesByNode[instance.id] ?? [],
          findings: findings[instance.id] ?? [],
          debugging,
          breakpoint: breakpoints.has(instance.id),
          current: currentNodeId === instance.id,
          onToggleBreakpoint,
        },
      }));
    });
  }, [project.components, statuses, issuesByNode, findings, debugging, breakpoints, currentNodeId, onToggleBreakpoint]);

  const edges = useMemo<Edge[]>(() => {
    const broken = new Set(project.validation.errors.map((e) => e.connectionId).filter(Boolean));
    return project.connections.map((c) => {
      const type = project.components.find((n) => n.id === c.sourceId)?.component.outputs.find((p) => p.name === c.sourcePort)?.type ?? 'any';
      return {
        id: c.id,
        source: c.sourceId,
        sourceHandle: c.sourcePort,
        target: c.targetId,
        targetHandle: c.targetPort,
        style: { stroke: broken.has(c.id) ? '#c62828' : portColor(type), strokeWidth: 2 },
        animated: statuses[c.sourceId] === 'running',
      };
    });
  }, [project.connections, project.components, project.validation.errors, statuses]);

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
    <div className="canvas" data-testid="canvas" onDragOver={(e) => e.dataTransfer.types.includes(DRAG_TYPE) && (e.preventDefault(), (e.dataTransfer.dropEffect = 'copy'))} onDrop={onDrop}>
      <ReactFlow<WorkflowNode>
        nodes={nodes}
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
          props.onDelete([...nodeIds], removedEdges.filter((e) => !nodeIds.has(e.source) && !nodeIds.has(e.target)).map((e) => e.id));
        }}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        fitView
        minZoom={0.1}
        onlyRenderVisibleElements={project.components.length > 200}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <MiniMap pannable zoomable ariaLabel="Mini map" />
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
