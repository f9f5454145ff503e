/**
 * The typed form of graph edits clients send (GraphQL `GraphEditInput`): one object per edit with exactly one field
 * set, named after the edit kind — `{connect: {sourceId, …}}` rather than `{op: "connect", connection: {…}}`.
 * GraphQL checks field types; this checks what it cannot (exactly one kind, finite positions) and converts to and
 * from the internal `GraphEdit` the change log and the assistant's patches use. Errors name the edit index and field.
 */
import type { GraphEdit } from './edits';
import type { Connection, NodeInstance, NodeSettings, Position } from './types';

/** Settings as GraphQL carries them: `onError` is the enum name (FAIL, CONTINUE, ROUTE). */
export type SettingsInput = Omit<NodeSettings, 'onError'> & { onError?: string | null };

export interface AddNodeInput {
  id: string;
  componentId: string;
  componentVersion?: string | null;
  label?: string | null;
  position?: Position | null;
  config?: Record<string, unknown> | null;
  settings?: SettingsInput | null;
}
export interface ConnectInput {
  id?: string | null;
  sourceId: string;
  sourcePort: string;
  targetId: string;
  targetPort: string;
}
export interface GraphEditInput {
  addNode?: AddNodeInput | null;
  moveNode?: { nodeId: string; position: Position } | null;
  updateNode?: { nodeId: string; config?: Record<string, unknown> | null; label?: string | null; settings?: SettingsInput | null } | null;
  removeNode?: { nodeId: string } | null;
  connect?: ConnectInput | null;
  disconnect?: { connectionId: string } | null;
}

export const EDIT_KINDS = ['addNode', 'moveNode', 'updateNode', 'removeNode', 'connect', 'disconnect'] as const;
export const MAX_EDITS = 500;

export class EditInputError extends Error {
  constructor(
    message: string,
    /** `edits[1].connect.id`, for extensions.field. */
    readonly field: string,
  ) {
    super(message);
  }
}

/** As the change log always allowed: 1 to 100 printable characters (connection ids such as `a.value->b.value`). */
const ID = /^[^\u0000-\u001f\u007f]{1,100}$/;

function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw new EditInputError(`${field} must be 1 to 100 printable characters`, field);
  return value;
}

function checkPosition(value: Position | null | undefined, field: string): Position | undefined {
  if (value == null) return undefined;
  if (!Number.isFinite(value.x) || !Number.isFinite(value.y)) throw new EditInputError(`${field} must have finite x and y`, field);
  return { x: value.x, y: value.y };
}

/**
 * Typed inputs → edits. `newConnectionId` names connections the client left without an id; `settings` normalises a
 * node's settings (the service's own checks).
 */
export function fromEditInputs(
  inputs: readonly GraphEditInput[],
  newConnectionId: () => string,
  settings: (s: SettingsInput, field: string) => NodeSettings = (s) => ({ ...s, onError: s.onError?.toLowerCase() as NodeSettings['onError'] }),
): GraphEdit[] {
  if (!Array.isArray(inputs)) throw new EditInputError('edits must be a list', 'edits');
  if (inputs.length > MAX_EDITS) throw new EditInputError(`at most ${MAX_EDITS} edits in one batch`, 'edits');
  return inputs.map((input, i) => {
    const at = `edits[${i}]`;
    const set = EDIT_KINDS.filter((kind) => input?.[kind] != null);
    if (set.length !== 1) {
      throw new EditInputError(`${at} must set exactly one of ${EDIT_KINDS.join(', ')}${set.length ? ` (it sets ${set.join(' and ')})` : ''}`, at);
    }
    const kind = set[0];
    const field = `${at}.${kind}`;
    switch (kind) {
      case 'addNode': {
        const n = input.addNode!;
        const node: NodeInstance = {
          id: checkId(n.id, `${field}.id`),
          componentId: checkId(n.componentId, `${field}.componentId`),
          componentVersion: n.componentVersion ?? '',
          label: n.label ?? null,
          position: checkPosition(n.position, `${field}.position`) ?? { x: 0, y: 0 },
          config: n.config ?? {},
          ...(n.settings ? { settings: settings(n.settings, `${field}.settings`) } : {}),
        };
        if (typeof node.config !== 'object' || Array.isArray(node.config)) throw new EditInputError(`${field}.config must be a JSON object`, `${field}.config`);
        return { op: 'addNode', node };
      }
      case 'moveNode':
        return {
          op: 'moveNode',
          nodeId: checkId(input.moveNode!.nodeId, `${field}.nodeId`),
          position: checkPosition(input.moveNode!.position, `${field}.position`)!,
        };
      case 'updateNode': {
        const u = input.updateNode!;
        if (u.config != null && (typeof u.config !== 'object' || Array.isArray(u.config)))
          throw new EditInputError(`${field}.config must be a JSON object`, `${field}.config`);
        return {
          op: 'updateNode',
          nodeId: checkId(u.nodeId, `${field}.nodeId`),
          ...(u.config != null ? { config: u.config } : {}),
          ...(u.label !== undefined ? { label: u.label } : {}),
          ...(u.settings != null ? { settings: settings(u.settings, `${field}.settings`) } : {}),
        };
      }
      case 'removeNode':
        return { op: 'removeNode', nodeId: checkId(input.removeNode!.nodeId, `${field}.nodeId`) };
      case 'connect': {
        const c = input.connect!;
        const connection: Connection = {
          id: c.id == null ? newConnectionId() : checkId(c.id, `${field}.id`),
          sourceId: checkId(c.sourceId, `${field}.sourceId`),
          sourcePort: checkId(c.sourcePort, `${field}.sourcePort`),
          targetId: checkId(c.targetId, `${field}.targetId`),
          targetPort: checkId(c.targetPort, `${field}.targetPort`),
        };
        return { op: 'connect', connection };
      }
      case 'disconnect':
        return { op: 'disconnect', connectionId: checkId(input.disconnect!.connectionId, `${field}.connectionId`) };
    }
  });
}

const settingsInput = (s: NodeSettings): SettingsInput => ({ ...s, ...(s.onError ? { onError: s.onError.toUpperCase() } : {}) });

/** Edits → typed inputs (the assistant's patches and undo entries are sent to applyGraphEdits this way). */
export function toEditInputs(edits: readonly GraphEdit[]): GraphEditInput[] {
  return edits.map((edit): GraphEditInput => {
    switch (edit.op) {
      case 'addNode': {
        const { id, componentId, componentVersion, label, position, config, settings } = edit.node;
        return {
          addNode: { id, componentId, componentVersion, label: label ?? null, position, config, ...(settings ? { settings: settingsInput(settings) } : {}) },
        };
      }
      case 'moveNode':
        return { moveNode: { nodeId: edit.nodeId, position: edit.position } };
      case 'updateNode':
        return {
          updateNode: {
            nodeId: edit.nodeId,
            ...(edit.config !== undefined ? { config: edit.config } : {}),
            ...(edit.label !== undefined ? { label: edit.label } : {}),
            ...(edit.settings ? { settings: settingsInput(edit.settings) } : {}),
          },
        };
      case 'removeNode':
        return { removeNode: { nodeId: edit.nodeId } };
      case 'connect':
        return { connect: { ...edit.connection } };
      case 'disconnect':
        return { disconnect: { connectionId: edit.connectionId } };
    }
  });
}
