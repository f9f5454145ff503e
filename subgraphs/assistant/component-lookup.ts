/**
 * The catalogue the assistant checks graphs and patches against: every built-in (patches may add any of them) plus
 * the custom components a graph or patch names, from the registry (`componentsByIds`).
 */
import { builtinComponents } from '../../engine/components';
import type { WorkflowGraph } from '../../engine/model/types';
import type { ComponentShape } from '../../engine/model/validate';
import type { Identity } from '../../platform/identity';
import type { ServiceClient } from '../../platform/service-client';
import { ComponentCatalog } from '../../platform/component-catalog';

export class ComponentLookup {
  private readonly catalog: ComponentCatalog;

  constructor(services: ServiceClient) {
    this.catalog = new ComponentCatalog(services);
  }

  async forGraph(graph: WorkflowGraph, identity: Identity, extraIds: Iterable<string> = []): Promise<Map<string, ComponentShape>> {
    const all = new Map<string, ComponentShape>(builtinComponents.map((c) => [c.id, c]));
    const wanted = [...graph.nodes.map((n) => n.componentId), ...extraIds].filter((id) => !all.has(id));
    if (wanted.length) for (const [id, shape] of await this.catalog.resolve(wanted, identity)) all.set(id, shape);
    return all;
  }
}
