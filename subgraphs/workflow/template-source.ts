/** Reads a template's graph from the registry, for "create a project from a template". */
import type { WorkflowGraph } from '../../engine/model/types';
import { notFound } from '../../platform/errors';
import type { Identity } from '../../platform/identity';
import type { ServiceClient } from '../../platform/service-client';

const TEMPLATE_GRAPH = /* GraphQL */ `
  query TemplateGraph($id: ID!) {
    template(id: $id) {
      id
      nodes { id componentId componentVersion label position { x y } config settings }
      connections { id sourceId sourcePort targetId targetPort }
    }
  }
`;

export async function fetchTemplateGraph(services: ServiceClient, templateId: string, identity: Identity): Promise<WorkflowGraph> {
  const data = await services.query<{ template: (WorkflowGraph & { id: string }) | null }>('registry', TEMPLATE_GRAPH, { id: templateId }, identity);
  if (!data.template) throw notFound('Template', templateId);
  return {
    nodes: data.template.nodes.map((n) => ({ ...n, settings: n.settings ?? undefined })),
    connections: data.template.connections,
  };
}
