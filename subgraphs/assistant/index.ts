/** The AI assistant service (port 8012): owns Suggestion. Analysis arrives with the assistant issue. */
import { startProjectEntityService } from '../../platform/project-entity-service';
import { projectEntityResolvers } from '../../platform/project-entity-subgraph';
import type { ServiceDeps } from '../../platform/service-deps';
import type { Resolvers } from './generated/resolvers-types';
import { bySeverity, type SuggestionRecord } from './suggestion-store';

export function startAssistantService(deps: ServiceDeps) {
  return startProjectEntityService<SuggestionRecord>(deps, {
    name: 'assistant',
    table: 'suggestions',
    resolvers: (store): Resolvers =>
      projectEntityResolvers({
        store,
        typeName: 'Suggestion',
        queryField: 'suggestion',
        projectField: 'suggestions',
        refine: (items, args) => items.filter((s) => !args.status || s.status === args.status).sort(bySeverity),
      }),
  });
}
