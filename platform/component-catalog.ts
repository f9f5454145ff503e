/**
 * Where a service (the workflow engine, the assistant) learns a component's ports and config schema: built-ins from
 * the engine's catalogue (the single source of truth the registry also serves), custom components from the registry
 * over HTTP.
 */
import { findBuiltinComponent } from '../engine/components';
import type { ComponentShape } from '../engine/model/validate';
import type { Identity } from './identity';
import type { ServiceClient } from './service-client';

const COMPONENTS_BY_IDS = /* GraphQL */ `
  query ComponentsByIds($ids: [ID!]!) {
    componentsByIds(ids: $ids) { id version configSchema inputs { name type required multiple } outputs { name type required multiple } }
  }
`;

export class ComponentCatalog {
  constructor(private readonly services: ServiceClient) {}

  /** Canonical id for what a client typed (`llm` → `core/llm`); custom ids pass through. */
  canonicalId(id: string): string {
    return findBuiltinComponent(id)?.id ?? id;
  }

  /** Resolves every id it can; unknown ids are simply absent from the map. */
  async resolve(ids: Iterable<string>, identity: Identity): Promise<Map<string, ComponentShape>> {
    const found = new Map<string, ComponentShape>();
    const custom: string[] = [];
    for (const id of new Set(ids)) {
      const builtin = findBuiltinComponent(id);
      if (builtin) found.set(id, builtin);
      else custom.push(id);
    }
    if (custom.length) {
      const data = await this.services.query<{ componentsByIds: (ComponentShape | null)[] }>('registry', COMPONENTS_BY_IDS, { ids: custom }, identity);
      for (const component of data.componentsByIds) if (component) found.set(component.id, component);
    }
    return found;
  }
}
