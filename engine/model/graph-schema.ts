/**
 * Shape check for graphs arriving as JSON (custom templates, imports, legacy REST bodies): the structure only;
 * ports, types and configs are validateGraph's business.
 */
import Ajv from 'ajv';
import type { WorkflowGraph } from './types';

const ID = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:/-]+$' };
const graphSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['nodes', 'connections'],
  properties: {
    nodes: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'componentId'],
        properties: {
          id: ID,
          componentId: ID,
          componentVersion: { type: 'string', maxLength: 50 },
          label: { type: ['string', 'null'], maxLength: 200 },
          position: { type: 'object', required: ['x', 'y'], properties: { x: { type: 'number' }, y: { type: 'number' } }, additionalProperties: false },
          config: { type: 'object' },
          settings: { type: ['object', 'null'] },
        },
      },
    },
    connections: {
      type: 'array',
      maxItems: 20000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['sourceId', 'sourcePort', 'targetId', 'targetPort'],
        properties: { id: ID, sourceId: ID, sourcePort: ID, targetId: ID, targetPort: ID },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: false }).compile(graphSchema);

export interface ShapeError {
  field: string;
  message: string;
}

/** Returns the graph with defaults filled in (positions, versions, connection ids), or the list of shape errors. */
export function parseGraph(
  value: unknown,
  versionOf: (componentId: string) => string = () => '1.0.0',
): { ok: true; graph: WorkflowGraph } | { ok: false; errors: ShapeError[] } {
  if (!validate(value)) {
    return { ok: false, errors: (validate.errors ?? []).map((e) => ({ field: e.instancePath || '/', message: e.message ?? 'invalid' })) };
  }
  const raw = value as unknown as { nodes: Array<Record<string, any>>; connections: Array<Record<string, any>> };
  return {
    ok: true,
    graph: {
      nodes: raw.nodes.map((n, i) => ({
        id: n.id,
        componentId: n.componentId,
        componentVersion: n.componentVersion ?? versionOf(n.componentId),
        label: n.label ?? null,
        position: n.position ?? { x: i * 200, y: 0 },
        config: n.config ?? {},
        ...(n.settings ? { settings: n.settings } : {}),
      })),
      connections: raw.connections.map((c, i) => ({
        id: c.id ?? `c${i + 1}`,
        sourceId: c.sourceId,
        sourcePort: c.sourcePort,
        targetId: c.targetId,
        targetPort: c.targetPort,
      })),
    },
  };
}
