/** GraphQL resolvers of the registry subgraph: thin over RegistryService. */
import { GraphQLJSON } from 'graphql-scalars';
import type { SubgraphContext } from '../../platform/subgraph-server';
import type { CatalogComponent } from './catalog';
import type { Resolvers } from './generated/resolvers-types';
import type { RegistryService } from './registry-service';
import { requirementsOf } from '../../engine/components/requirements';

const upperRequirement = (r: string) => r.toUpperCase() as 'MODEL' | 'NETWORK';

function componentLoader(service: RegistryService, ctx: SubgraphContext) {
  return ctx.loader<string, CatalogComponent | null>('component', (ids) => service.componentsByIds(ids, ctx.identity));
}

export function registryResolvers(service: RegistryService): Resolvers {
  return {
    JSON: GraphQLJSON,
    Query: {
      components: (_, filter, ctx) => service.components(ctx.identity, filter),
      component: (_, { id }, ctx) => componentLoader(service, ctx).load(id),
      componentsByIds: (_, { ids }, ctx) => service.componentsByIds(ids, ctx.identity),
      categories: (_, __, ctx) => service.categories(ctx.identity),
      templates: async (_, { category, runnableOffline }, ctx) => {
        const all = await service.templates(ctx.identity, category);
        return runnableOffline == null ? all : all.filter((t) => (requirementsOf(t.nodes.map((n) => n.componentId)).length === 0) === runnableOffline);
      },
      template: (_, { id }, ctx) => service.template(id, ctx.identity),
    },
    Mutation: {
      createComponent: (_, { input }, ctx) => service.createComponent(input, ctx.identity),
      updateComponent: (_, { id, input }, ctx) => service.updateComponent(id, input, ctx.identity),
      deleteComponent: (_, { id }, ctx) => service.deleteComponent(id, ctx.identity),
      createTemplate: (_, { input }, ctx) => service.createTemplate(input, ctx.identity),
      updateTemplate: (_, { id, input }, ctx) => service.updateTemplate(id, input, ctx.identity),
      deleteTemplate: (_, { id }, ctx) => service.deleteTemplate(id, ctx.identity),
      publishComponent: (_, { id, published }, ctx) => service.publishComponent(id, published ?? true, ctx.identity),
      publishTemplate: (_, { id, published }, ctx) => service.publishTemplate(id, published ?? true, ctx.identity),
    },
    Component: {
      published: (c) => c.builtin || c.published === true,
      requires: (c) => (c.builtin ? requirementsOf([c.id]) : []).map(upperRequirement),
      expressionFields: (c) => (c.expressionFields ?? []).map((f) => ({ ...f, scope: [...f.scope] })),
      __resolveReference: (ref, ctx) => componentLoader(service, ctx).load(ref.id),
      usageCount: (component, _, ctx) =>
        ctx
          .loader<string, number>('usage', async (ids) => {
            const counts = await service.usageCounts(ids);
            return ids.map((id) => counts.get(id) ?? 0);
          })
          .load(component.id),
    },
    Port: {
      required: (port) => port.required ?? false,
      multiple: (port) => port.multiple ?? false,
    },
    Template: {
      published: (t) => t.builtin || t.published === true,
      requires: (t) => requirementsOf(t.nodes.map((n) => n.componentId)).map(upperRequirement),
      runnableOffline: (t) => requirementsOf(t.nodes.map((n) => n.componentId)).length === 0,
      __resolveReference: (ref, ctx) => service.template(ref.id, ctx.identity),
    },
    TemplateNode: {
      settings: (node) => node.settings ?? null,
    },
  };
}
