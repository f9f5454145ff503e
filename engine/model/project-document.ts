/**
 * The project export format: a versioned JSON document holding a project's name, description, metadata and graph.
 * `PROJECT_DOCUMENT_SCHEMA` is its JSON Schema (published as schema/project-document.schema.json and served by the
 * router at /schemas/project-document.json); `parseProjectDocument` refuses other formats and versions by name.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { WorkflowGraph } from './types';

export const PROJECT_DOCUMENT_FORMAT = 'visual-builder/project';
export const PROJECT_DOCUMENT_VERSION = 1;

export interface ProjectDocument {
  format: typeof PROJECT_DOCUMENT_FORMAT;
  version: typeof PROJECT_DOCUMENT_VERSION;
  exportedAt: string;
  project: { name: string; description: string; metadata: unknown; templateId: string | null; agentId: string | null };
  graph: WorkflowGraph;
}

const ID = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]+$' };
const POSITION = { type: 'object', required: ['x', 'y'], additionalProperties: false, properties: { x: { type: 'number' }, y: { type: 'number' } } };

export const PROJECT_DOCUMENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://visual-builder.local/schemas/project-document.json',
  title: 'Visual builder project export',
  description: 'A project exported by exportProject (GET /projects/{id}/export); importProject (POST /projects/import) reads it.',
  type: 'object',
  required: ['format', 'version', 'project', 'graph'],
  additionalProperties: false,
  properties: {
    format: { const: PROJECT_DOCUMENT_FORMAT },
    version: { const: PROJECT_DOCUMENT_VERSION, description: 'Bumped on any incompatible change; readers refuse versions they do not know.' },
    exportedAt: { type: 'string', format: 'date-time' },
    project: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 200 },
        description: { type: 'string', maxLength: 10000 },
        metadata: {},
        templateId: { type: ['string', 'null'] },
        agentId: { type: ['string', 'null'] },
      },
    },
    graph: {
      type: 'object',
      required: ['nodes', 'connections'],
      additionalProperties: false,
      properties: {
        nodes: {
          type: 'array',
          maxItems: 5000,
          items: {
            type: 'object',
            required: ['id', 'componentId', 'componentVersion', 'position', 'config'],
            additionalProperties: false,
            properties: {
              id: ID,
              componentId: ID,
              componentVersion: { type: 'string', maxLength: 50 },
              label: { type: ['string', 'null'], maxLength: 200 },
              position: POSITION,
              config: { type: 'object' },
              settings: { type: 'object' },
              pinnedOutput: { type: 'object', description: 'Pinned data: values by output port (runs with usePinned take them instead of running the node).' },
            },
          },
        },
        connections: {
          type: 'array',
          maxItems: 20000,
          items: {
            type: 'object',
            required: ['id', 'sourceId', 'sourcePort', 'targetId', 'targetPort'],
            additionalProperties: false,
            properties: { id: ID, sourceId: ID, sourcePort: ID, targetId: ID, targetPort: ID },
          },
        },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(PROJECT_DOCUMENT_SCHEMA);

export function toProjectDocument(project: ProjectDocument['project'], graph: WorkflowGraph, exportedAt = new Date().toISOString()): ProjectDocument {
  return { format: PROJECT_DOCUMENT_FORMAT, version: PROJECT_DOCUMENT_VERSION, exportedAt, project, graph: structuredClone(graph) };
}

export type ParsedDocument =
  | { ok: true; document: ProjectDocument }
  | { ok: false; code: 'UNSUPPORTED_VERSION' | 'INVALID_DOCUMENT'; message: string; errors: { field: string; message: string }[] };

export function parseProjectDocument(value: unknown): ParsedDocument {
  const head = value as { format?: unknown; version?: unknown } | null;
  if (head === null || typeof head !== 'object' || Array.isArray(head)) return invalid('the document must be a JSON object', '');
  if (head.format !== PROJECT_DOCUMENT_FORMAT)
    return invalid(`format must be "${PROJECT_DOCUMENT_FORMAT}" (got ${JSON.stringify(head.format ?? null)})`, '/format');
  if (head.version !== PROJECT_DOCUMENT_VERSION) {
    return {
      ok: false,
      code: 'UNSUPPORTED_VERSION',
      message: `Export version ${JSON.stringify(head.version ?? null)} is not supported: this server reads version ${PROJECT_DOCUMENT_VERSION}`,
      errors: [{ field: '/version', message: `must be ${PROJECT_DOCUMENT_VERSION}` }],
    };
  }
  if (!validate(value)) {
    const errors = (validate.errors ?? []).map((e) => ({ field: e.instancePath || '/', message: e.message ?? 'is invalid' }));
    return {
      ok: false,
      code: 'INVALID_DOCUMENT',
      message: `The document is not a valid project export: ${errors
        .slice(0, 5)
        .map((e) => `${e.field} ${e.message}`)
        .join('; ')}`,
      errors,
    };
  }
  return { ok: true, document: value as unknown as ProjectDocument };
}

function invalid(message: string, field: string): ParsedDocument {
  return { ok: false, code: 'INVALID_DOCUMENT', message: `The document is not a valid project export: ${message}`, errors: [{ field, message }] };
}
