/**
 * How services other than the workflow engine read a project: a snapshot of its graph at its current version,
 * fetched from the workflow subgraph over HTTP with the caller's identity (so the owner's access rules apply).
 * Work that must be reproducible (debugging, code generation, deployment, analysis) pins this snapshot.
 */
import type { WorkflowGraph } from '../engine/model/types';
import { notFound } from './errors';
import type { Identity } from './identity';
import type { ServiceClient } from './service-client';

export interface ProjectSnapshot {
  id: string;
  name: string;
  description: string;
  version: number;
  ownerId: string;
  graph: WorkflowGraph;
}

const PROJECT_SNAPSHOT = /* GraphQL */ `
  query ProjectSnapshot($id: ID!) {
    project(id: $id) {
      id name description version ownerId
      components { id componentId componentVersion label position { x y } config settings { timeoutMs retries retryBackoffMs onError defaultOutputs } pinnedOutput }
      connections { id sourceId sourcePort targetId targetPort }
    }
  }
`;

type RawNode = Omit<WorkflowGraph['nodes'][number], 'pinnedOutput'> & {
  settings: (Record<string, unknown> & { onError?: string | null }) | null;
  pinnedOutput: Record<string, unknown> | null;
};

export async function fetchProjectSnapshot(services: ServiceClient, projectId: string, identity: Identity): Promise<ProjectSnapshot> {
  const data = await services.query<{
    project: (Omit<ProjectSnapshot, 'graph'> & { components: RawNode[]; connections: WorkflowGraph['connections'] }) | null;
  }>('workflow', PROJECT_SNAPSHOT, { id: projectId }, identity);
  const p = data.project;
  if (!p) throw notFound('Project', projectId);
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    version: p.version,
    ownerId: p.ownerId,
    graph: {
      nodes: p.components.map(({ settings, pinnedOutput, ...node }) => ({
        ...node,
        ...(settings ? { settings: fromGraphQLSettings(settings) } : {}),
        ...(pinnedOutput ? { pinnedOutput } : {}),
      })),
      connections: p.connections,
    },
  };
}

/** GraphQL nulls and upper-case enums back to the engine's NodeSettings. */
function fromGraphQLSettings(settings: Record<string, unknown> & { onError?: string | null }) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(settings)) if (v != null) out[k] = k === 'onError' ? String(v).toLowerCase() : v;
  return out;
}
