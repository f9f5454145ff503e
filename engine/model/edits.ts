/**
 * Graph edit operations: the one way a project's graph changes. The workflow service applies them in a
 * transaction and logs them as ProjectChanges; the assistant's patches are lists of them. Pure functions.
 */
import type { Connection, NodeInstance, NodeSettings, Position, WorkflowGraph } from './types';

export type GraphEdit =
  | { op: 'addNode'; node: NodeInstance }
  | { op: 'moveNode'; nodeId: string; position: Position }
  | {
      op: 'updateNode';
      nodeId: string;
      config?: Record<string, unknown>;
      label?: string | null;
      settings?: NodeSettings;
      pinnedOutput?: Record<string, unknown> | null;
    }
  | { op: 'removeNode'; nodeId: string }
  | { op: 'connect'; connection: Connection }
  | { op: 'disconnect'; connectionId: string };

export class GraphEditError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_USER_INPUT',
    message: string,
  ) {
    super(message);
  }
}

function requireNode(graph: WorkflowGraph, nodeId: string): NodeInstance {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) throw new GraphEditError('NOT_FOUND', `Node "${nodeId}" not found in the project`);
  return node;
}

/** Returns a new graph; the input is not modified. Structural checks only — type/port validation is validateGraph's. */
export function applyGraphEdit(graph: WorkflowGraph, edit: GraphEdit): WorkflowGraph {
  switch (edit.op) {
    case 'addNode':
      if (graph.nodes.some((n) => n.id === edit.node.id))
        throw new GraphEditError('BAD_USER_INPUT', `Node id "${edit.node.id}" is already used in the project`);
      return { ...graph, nodes: [...graph.nodes, edit.node] };
    case 'moveNode':
      requireNode(graph, edit.nodeId);
      return { ...graph, nodes: graph.nodes.map((n) => (n.id === edit.nodeId ? { ...n, position: edit.position } : n)) };
    case 'updateNode': {
      requireNode(graph, edit.nodeId);
      return {
        ...graph,
        nodes: graph.nodes.map((n) => {
          if (n.id !== edit.nodeId) return n;
          const updated: NodeInstance = {
            ...n,
            ...(edit.config !== undefined ? { config: edit.config } : {}),
            ...(edit.label !== undefined ? { label: edit.label } : {}),
            ...(edit.settings !== undefined ? { settings: edit.settings } : {}),
            ...(edit.pinnedOutput ? { pinnedOutput: edit.pinnedOutput } : {}),
          };
          // `pinnedOutput: null` unpins.
          if (edit.pinnedOutput === null) delete updated.pinnedOutput;
          return updated;
        }),
      };
    }
    case 'removeNode':
      requireNode(graph, edit.nodeId);
      return {
        nodes: graph.nodes.filter((n) => n.id !== edit.nodeId),
        connections: graph.connections.filter((c) => c.sourceId !== edit.nodeId && c.targetId !== edit.nodeId),
      };
    case 'connect': {
      const c = edit.connection;
      requireNode(graph, c.sourceId);
      requireNode(graph, c.targetId);
      if (graph.connections.some((x) => x.id === c.id)) throw new GraphEditError('BAD_USER_INPUT', `Connection id "${c.id}" is already used`);
      if (
        graph.connections.some((x) => x.sourceId === c.sourceId && x.sourcePort === c.sourcePort && x.targetId === c.targetId && x.targetPort === c.targetPort)
      ) {
        throw new GraphEditError('BAD_USER_INPUT', `${c.sourceId}.${c.sourcePort} is already connected to ${c.targetId}.${c.targetPort}`);
      }
      return { ...graph, connections: [...graph.connections, c] };
    }
    case 'disconnect':
      if (!graph.connections.some((c) => c.id === edit.connectionId))
        throw new GraphEditError('NOT_FOUND', `Connection "${edit.connectionId}" not found in the project`);
      return { ...graph, connections: graph.connections.filter((c) => c.id !== edit.connectionId) };
  }
}

export function applyGraphEdits(graph: WorkflowGraph, edits: readonly GraphEdit[]): WorkflowGraph {
  return edits.reduce(applyGraphEdit, graph);
}

const POSITION = { type: 'object', required: ['x', 'y'], additionalProperties: false, properties: { x: { type: 'number' }, y: { type: 'number' } } };
const ID = { type: 'string', minLength: 1, maxLength: 100 };
const NODE = {
  type: 'object',
  required: ['id', 'componentId', 'position', 'config'],
  additionalProperties: false,
  properties: {
    id: ID,
    componentId: ID,
    componentVersion: { type: 'string' },
    label: { type: ['string', 'null'] },
    position: POSITION,
    config: { type: 'object' },
    settings: { type: 'object' },
  },
};
const CONNECTION = {
  type: 'object',
  required: ['id', 'sourceId', 'sourcePort', 'targetId', 'targetPort'],
  additionalProperties: false,
  properties: { id: ID, sourceId: ID, sourcePort: ID, targetId: ID, targetPort: ID },
};
const op = (name: string, required: string[], properties: Record<string, unknown>) => ({
  type: 'object',
  required: ['op', ...required],
  additionalProperties: false,
  properties: { op: { const: name }, ...properties },
});

/** JSON Schema of a list of graph edits (patches arrive as JSON from clients and from the assistant's model). */
export const GRAPH_EDITS_SCHEMA = {
  type: 'array',
  maxItems: 500,
  items: {
    oneOf: [
      op('addNode', ['node'], { node: NODE }),
      op('moveNode', ['nodeId', 'position'], { nodeId: ID, position: POSITION }),
      op('updateNode', ['nodeId'], { nodeId: ID, config: { type: 'object' }, label: { type: ['string', 'null'] }, settings: { type: 'object' } }),
      op('removeNode', ['nodeId'], { nodeId: ID }),
      op('connect', ['connection'], { connection: CONNECTION }),
      op('disconnect', ['connectionId'], { connectionId: ID }),
    ],
  },
} as const;

/**
 * The edits that undo `edits` applied to `graph` (which must apply): each edit's inverse is computed against the
 * graph just before it, and the inverses run in reverse order. A removed node comes back with its id, config,
 * position and every connection it had.
 */
export function invertEdits(graph: WorkflowGraph, edits: readonly GraphEdit[]): GraphEdit[] {
  const inverses: GraphEdit[][] = [];
  let current = graph;
  for (const edit of edits) {
    inverses.push(invertEdit(current, edit));
    current = applyGraphEdit(current, edit);
  }
  return inverses.reverse().flat();
}

function invertEdit(graph: WorkflowGraph, edit: GraphEdit): GraphEdit[] {
  switch (edit.op) {
    case 'addNode':
      return [{ op: 'removeNode', nodeId: edit.node.id }];
    case 'moveNode':
      return [{ op: 'moveNode', nodeId: edit.nodeId, position: requireNode(graph, edit.nodeId).position }];
    case 'updateNode': {
      const node = requireNode(graph, edit.nodeId);
      return [
        {
          op: 'updateNode',
          nodeId: edit.nodeId,
          ...(edit.config !== undefined ? { config: node.config } : {}),
          ...(edit.label !== undefined ? { label: node.label ?? null } : {}),
          ...(edit.settings !== undefined ? { settings: node.settings ?? {} } : {}),
          ...(edit.pinnedOutput !== undefined ? { pinnedOutput: node.pinnedOutput ?? null } : {}),
        },
      ];
    }
    case 'removeNode': {
      const node = requireNode(graph, edit.nodeId);
      const touching = graph.connections.filter((c) => c.sourceId === edit.nodeId || c.targetId === edit.nodeId);
      return [{ op: 'addNode', node }, ...touching.map((connection): GraphEdit => ({ op: 'connect', connection }))];
    }
    case 'connect':
      return [{ op: 'disconnect', connectionId: edit.connection.id }];
    case 'disconnect': {
      const connection = graph.connections.find((c) => c.id === edit.connectionId);
      return connection ? [{ op: 'connect', connection }] : [];
    }
  }
}

/**
 * The graph edits a change-log entry recorded: a batch's `edits`, or the single edit that is the payload (other
 * changes — a rename, a member — record none). The server replays them for undo; clients replay them to catch up.
 */
export function recordedEdits(payload: unknown): GraphEdit[] {
  const p = payload as { edits?: unknown; op?: unknown } | null;
  if (!p || typeof p !== 'object') return [];
  if (Array.isArray(p.edits)) return p.edits as GraphEdit[];
  return typeof p.op === 'string' ? [p as GraphEdit] : [];
}

/** Node and connection ids an edit reads or writes: two edits clash when these overlap. */
export function touchedIds(edit: GraphEdit): string[] {
  switch (edit.op) {
    case 'addNode':
      return [`node:${edit.node.id}`];
    case 'moveNode':
    case 'updateNode':
    case 'removeNode':
      return [`node:${edit.nodeId}`];
    case 'connect':
      return [`connection:${edit.connection.id}`, `node:${edit.connection.sourceId}`, `node:${edit.connection.targetId}`];
    case 'disconnect':
      return [`connection:${edit.connectionId}`];
  }
}
