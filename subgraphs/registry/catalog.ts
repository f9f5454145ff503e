/** The registry's view of components and templates: built-ins from engine/ and custom ones from its tables. */
import type { ComponentDefinition, ExpressionField } from '../../engine/components/types';
import type { PortSpec, WorkflowGraph } from '../../engine/model/types';
import type { TemplateDefinition } from '../../engine/templates/types';

export interface CatalogComponent {
  id: string;
  version: string;
  name: string;
  category: string;
  description: string;
  inputs: PortSpec[];
  outputs: PortSpec[];
  configSchema: Record<string, unknown>;
  icon: string | null;
  color: string | null;
  builtin: boolean;
  deprecated: boolean;
  legacyIds: string[];
  ownerId: string | null;
  /** Visible to everyone (built-ins always are). */
  published?: boolean;
  /** Built-ins only: the config fields holding expressions or templates and their scope. */
  expressionFields?: readonly ExpressionField[];
}

export interface CatalogTemplate {
  id: string;
  name: string;
  description: string;
  categories: string[];
  nodes: WorkflowGraph['nodes'];
  connections: WorkflowGraph['connections'];
  sampleInputs: unknown;
  expectedOutputs: unknown;
  builtin: boolean;
  ownerId: string | null;
  published?: boolean;
}

export function fromBuiltinComponent(def: ComponentDefinition): CatalogComponent {
  return {
    id: def.id,
    version: def.version,
    name: def.name,
    category: def.category,
    description: def.description,
    inputs: def.inputs,
    outputs: def.outputs,
    configSchema: def.configSchema as Record<string, unknown>,
    icon: def.icon,
    color: def.color,
    builtin: true,
    deprecated: false,
    legacyIds: def.legacyIds ?? [],
    ownerId: null,
    expressionFields: def.expressionFields ?? [],
  };
}

export function fromBuiltinTemplate(t: TemplateDefinition): CatalogTemplate {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    categories: t.categories,
    nodes: t.graph.nodes,
    connections: t.graph.connections,
    sampleInputs: t.sampleInputs,
    expectedOutputs: t.expectedOutputs,
    builtin: true,
    ownerId: null,
  };
}
