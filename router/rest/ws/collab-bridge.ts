/**
 * `/ws/{project_id}`: the original collaboration socket on top of the router's subscriptions. Project changes
 * (projectChanged, from the version the client connected at) become `component_added`, `connection_created`,
 * `component_move`, … ; presence becomes `selection_change` for the others. Clients send `component_move` (→ the
 * moveComponent mutation, echoed to everyone by the change it makes) and `selection_change` (→ updatePresence).
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { RouterContext } from '../../gateway';
import type { subscriptionFields } from '../../subscriptions/subscription-fields';
import { storedOperation, type GatewayCall } from '../gateway-call';
import { componentKinds, legacyComponents, legacyConnection, type GqlConnection, type GqlNode } from '../legacy-shapes';
import { badMessage, pump, type SocketSession } from './socket-session';

const MOVE = storedOperation(
  'LegacyMoveComponent',
  `mutation LegacyMoveComponent($projectId: ID!, $nodeId: ID!, $position: PositionInput!) { moveComponent(projectId: $projectId, nodeId: $nodeId, position: $position) { project { version } } }`,
);
const PRESENCE = storedOperation(
  'LegacyUpdatePresence',
  `mutation LegacyUpdatePresence($projectId: ID!, $cursor: PositionInput, $selection: [ID!], $sessionId: ID) { updatePresence(projectId: $projectId, cursor: $cursor, selection: $selection, sessionId: $sessionId) { userId } }`,
);
const LEAVE = storedOperation(
  'LegacyLeavePresence',
  `mutation LegacyLeavePresence($projectId: ID!, $sessionId: ID) { leavePresence(projectId: $projectId, sessionId: $sessionId) }`,
);

type Generators = ReturnType<typeof subscriptionFields>;
type Edit = {
  op: string;
  node?: GqlNode;
  connection?: GqlConnection;
  nodeId?: string;
  position?: unknown;
  connectionId?: string;
  config?: unknown;
  label?: unknown;
};
interface Change {
  version: number;
  actor: string;
  op: string;
  payload: Record<string, any>;
  at: string;
}
interface PresenceEntry {
  userId: string;
  name?: string | null;
  cursor: { x: number; y: number } | null;
  selection: string[];
}

/** The original messages for one edit (a batch of edits is a change with several). */
async function editMessages(edit: Edit, call: GatewayCall): Promise<Record<string, unknown>[]> {
  switch (edit.op) {
    case 'addNode': {
      const kinds = await componentKinds(call, [{ nodes: [edit.node!] }]);
      return [{ type: 'component_added', component_id: edit.node!.id, data: legacyComponents([edit.node!], kinds)[edit.node!.id] }];
    }
    case 'connect':
      return [{ type: 'connection_created', connection: legacyConnection(edit.connection!) }];
    case 'moveNode':
      return [{ type: 'component_move', component_id: edit.nodeId, position: edit.position }];
    case 'removeNode':
      return [{ type: 'component_removed', component_id: edit.nodeId }];
    case 'disconnect':
      return [{ type: 'connection_removed', connection_id: edit.connectionId }];
    case 'updateNode':
      return [
        {
          type: 'component_updated',
          component_id: edit.nodeId,
          ...(edit.config !== undefined ? { config: edit.config } : {}),
          ...(edit.label !== undefined ? { label: edit.label } : {}),
        },
      ];
    default:
      return [];
  }
}

async function changeMessages(change: Change, call: GatewayCall): Promise<Record<string, unknown>[]> {
  const meta = { version: change.version, user_id: change.actor, timestamp: change.at };
  if (change.op === 'deleteProject') return [{ type: 'project_deleted', ...meta }];
  if (change.op === 'updateProject' || change.op === 'createProject') return [{ type: 'project_updated', changes: change.payload, ...meta }];
  // Batches (applyGraphEdits, duplicateNodes, undo, redo, …) carry `edits`; a single edit is the payload itself.
  const edits: Edit[] = Array.isArray(change.payload.edits) ? change.payload.edits : [change.payload as Edit];
  const messages = (await Promise.all(edits.map((edit) => editMessages(edit, call)))).flat();
  return messages.map((m) => ({ ...m, ...meta }));
}

const positionOf = (value: unknown): { x: number; y: number } | undefined => {
  const p = value as { x?: unknown; y?: unknown } | undefined;
  return p && typeof p.x === 'number' && typeof p.y === 'number' && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x, y: p.y } : undefined;
};

function selectionOf(message: Record<string, unknown>): string[] {
  const raw = message.selection ?? message.component_ids ?? (message.component_id != null ? [message.component_id] : []);
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string')) throw badMessage('selection must be a list of component ids');
  return raw as string[];
}

export async function runCollabBridge(
  ws: WebSocket,
  session: SocketSession,
  args: { projectId: string; version: number; context: RouterContext; call: GatewayCall; generators: Generators },
): Promise<void> {
  const { projectId, context, call, generators } = args;
  /** Selections this socket announced, so it is not told about its own (the original sent them to the others). */
  const ownSelections: string[] = [];
  // Each socket is a client session: two sockets of one user are two presence entries, and each leaves on close.
  const sessionId = `ws-${randomUUID()}`;
  let announced = false;

  session.onMessage(async (message) => {
    switch (message.type) {
      case 'component_move': {
        const position = positionOf(message.position);
        if (typeof message.component_id !== 'string' || !position) throw badMessage('component_move needs component_id and position {x, y}');
        await call(MOVE, { projectId, nodeId: message.component_id, position });
        return;
      }
      case 'selection_change': {
        const selection = selectionOf(message);
        const cursor = positionOf(message.cursor ?? message.position) ?? null;
        ownSelections.push(JSON.stringify([selection, cursor]));
        if (ownSelections.length > 50) ownSelections.shift();
        announced = true;
        await call(PRESENCE, { projectId, selection, cursor, sessionId });
        return;
      }
      case 'ping':
        session.send({ type: 'pong', timestamp: new Date().toISOString() });
        return;
      default:
        throw badMessage(`unsupported message type ${JSON.stringify(message.type)}; send component_move or selection_change`);
    }
  });

  // The socket closing ends the topic streams, so the generators finish instead of waiting for the next event.
  const closed = new AbortController();
  void session.closed.then(() => closed.abort());
  const changes = generators.projectChanged({ projectId, sinceVersion: args.version }, context, closed.signal) as AsyncGenerator<Change>;
  const presence = generators.presence({ projectId }, context, closed.signal) as AsyncGenerator<{ kind: string; entries: PresenceEntry[] }>;
  session.send({ type: 'connected', project_id: projectId, version: args.version });
  await Promise.all([
    pump(changes, session, ws, async (change) => {
      for (const message of await changeMessages(change, call)) session.send(message);
      if (change.op === 'deleteProject') ws.close(1000, 'Project deleted');
    }),
    pump(presence, session, ws, (event) => {
      if (event.kind === 'SNAPSHOT')
        return session.send({
          type: 'presence',
          users: event.entries.map((e) => ({ user_id: e.userId, name: e.name ?? null, selection: e.selection, cursor: e.cursor })),
        });
      for (const entry of event.entries) {
        if (event.kind === 'LEFT') {
          session.send({ type: 'user_left', user_id: entry.userId });
          continue;
        }
        const mine = entry.userId === context.identity.sub ? ownSelections.indexOf(JSON.stringify([entry.selection, entry.cursor ?? null])) : -1;
        if (mine !== -1) {
          ownSelections.splice(mine, 1);
          continue;
        }
        session.send({ type: 'selection_change', user_id: entry.userId, name: entry.name ?? null, selection: entry.selection, cursor: entry.cursor });
      }
    }),
  ]);
  if (announced) await call(LEAVE, { projectId, sessionId }).catch(() => undefined);
}
