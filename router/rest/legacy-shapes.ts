/**
 * Our GraphQL objects in the original services' shapes (snake_case, components keyed by instance id, the original
 * library keys such as `llm`), and the way back for graphs a legacy client sends (templates).
 */
import type { GatewayCall } from './gateway-call';
import { storedOperation } from './gateway-call';

export const PROJECT_FIELDS = `
  fragment LegacyProjectFields on Project {
    id name description status version agentId templateId metadata createdAt updatedAt
    components { id componentId componentVersion label position { x y } config }
    connections { id sourceId sourcePort targetId targetPort }
  }`;

export interface GqlNode {
  id: string;
  componentId: string;
  componentVersion: string;
  label: string | null;
  position: { x: number; y: number };
  config: Record<string, unknown>;
}

export interface GqlConnection {
  id: string;
  sourceId: string;
  sourcePort: string;
  targetId: string;
  targetPort: string;
}

export interface GqlProject {
  id: string;
  name: string;
  description: string;
  status: string;
  version: number;
  agentId: string | null;
  templateId: string | null;
  metadata: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
  components: GqlNode[];
  connections: GqlConnection[];
}

export interface ComponentKind {
  id: string;
  category: string;
  legacyIds: string[];
}

const COMPONENT_KINDS = storedOperation(
  'LegacyComponentKinds',
  `query LegacyComponentKinds($ids: [ID!]!) { componentsByIds(ids: $ids) { id category legacyIds } }`,
);

/** Category and legacy key of every component the graphs use (unknown ones are simply absent). */
export async function componentKinds(call: GatewayCall, graphs: { components?: GqlNode[]; nodes?: GqlNode[] }[]): Promise<Map<string, ComponentKind>> {
  const ids = [...new Set(graphs.flatMap((g) => (g.components ?? g.nodes ?? []).map((n) => n.componentId)))];
  if (!ids.length) return new Map();
  const data = await call<{ componentsByIds: (ComponentKind | null)[] }>(COMPONENT_KINDS, { ids });
  return new Map(data.componentsByIds.filter((k): k is ComponentKind => k !== null).map((k) => [k.id, k]));
}

/** The key the original library used (`llm`), else our id. */
export const legacyKey = (kind: { id: string; legacyIds: string[] } | undefined, fallback: string) => kind?.legacyIds[0] ?? kind?.id ?? fallback;

export function legacyComponents(nodes: GqlNode[], kinds: Map<string, ComponentKind>) {
  return Object.fromEntries(
    nodes.map((n) => {
      const kind = kinds.get(n.componentId);
      return [
        n.id,
        {
          type: kind?.category ?? 'unknown',
          component_id: legacyKey(kind, n.componentId),
          position: n.position,
          config: n.config,
          metadata: { label: n.label, component_version: n.componentVersion, canonical_id: n.componentId },
        },
      ];
    }),
  );
}

export const legacyConnection = (c: GqlConnection) => ({
  id: c.id,
  source: c.sourceId,
  target: c.targetId,
  source_port: c.sourcePort,
  target_port: c.targetPort,
});

export function legacyProject(p: GqlProject, kinds: Map<string, ComponentKind>) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    agent_id: p.agentId,
    template_id: p.templateId,
    components: legacyComponents(p.components, kinds),
    connections: p.connections.map(legacyConnection),
    metadata: { ...(p.metadata ?? {}), created_at: p.createdAt, updated_at: p.updatedAt, status: p.status.toLowerCase(), version: p.version },
  };
}

export interface GqlPort {
  name: string;
  type: string;
  required: boolean;
  multiple: boolean;
  description: string | null;
}

export const COMPONENT_FIELDS = `
  fragment LegacyComponentFields on Component {
    id version name category description icon color builtin deprecated legacyIds configSchema
    inputs { name type required multiple description }
    outputs { name type required multiple description }
  }`;

export interface GqlComponent {
  id: string;
  version: string;
  name: string;
  category: string;
  description: string;
  icon: string | null;
  color: string | null;
  builtin: boolean;
  deprecated: boolean;
  legacyIds: string[];
  configSchema: Record<string, any>;
  inputs: GqlPort[];
  outputs: GqlPort[];
}

/** `default_config` of the original is carried as the config schema's property defaults. */
export function defaultsOf(configSchema: Record<string, any>): Record<string, unknown> {
  const properties = (configSchema?.properties ?? {}) as Record<string, { default?: unknown }>;
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([, p]) => p && typeof p === 'object' && 'default' in p)
      .map(([k, p]) => [k, p.default]),
  );
}

export function libraryEntry(c: GqlComponent) {
  return {
    name: c.name,
    category: c.category,
    ports: { inputs: c.inputs, outputs: c.outputs },
    default_config: defaultsOf(c.configSchema),
    metadata: {
      id: c.id,
      version: c.version,
      description: c.description,
      icon: c.icon,
      color: c.color,
      builtin: c.builtin,
      deprecated: c.deprecated,
      legacy_ids: c.legacyIds,
      config_schema: c.configSchema,
    },
  };
}

/** Components keyed the way the original library keyed them. */
export const libraryMap = (components: GqlComponent[]) => Object.fromEntries(components.map((c) => [legacyKey(c, c.id), libraryEntry(c)]));
