/** GraphQL resolvers of the assistant subgraph: thin over AssistantService, AskAssistant and the code optimizer. */
import { projectEntityResolvers } from '../../platform/project-entity-subgraph';
import type { ProjectEntityStore } from '../../platform/project-entity-store';
import type { AskAssistant } from './ask/ask-assistant';
import { ASK_CATEGORIES } from './ask/routing';
import type { AssistantService } from './assistant-service';
import type { Resolvers } from './generated/resolvers-types';
import { CODE_OPTIMIZERS, optimizeCode } from './optimizer';
import { ANALYSIS_RULES } from './rules';
import { bySeverity, type SuggestionRecord } from './suggestion-store';

export function assistantResolvers(
  store: ProjectEntityStore<SuggestionRecord>,
  service: AssistantService,
  ask: AskAssistant,
  modelName: string | undefined,
): Resolvers {
  const entity = projectEntityResolvers({
    store,
    access: service.access,
    typeName: 'Suggestion',
    queryField: 'suggestion',
    projectField: 'suggestions',
    refine: (items, args) => items.filter((s) => !args.status || s.status === args.status).sort(bySeverity),
  });
  return {
    ...entity,
    Query: {
      ...entity.Query,
      capabilities: () => ({
        analysisRules: ANALYSIS_RULES.map(({ id, kind, severity, title, autoFix }) => ({ id, kind, severity, title, autoFix })),
        askCategories: ASK_CATEGORIES,
        codeLanguages: CODE_OPTIMIZERS.map(({ language, parser, checks }) => ({ language, parser, checks })),
        modelConfigured: ask.modelConfigured,
        model: ask.modelConfigured ? (modelName ?? null) : null,
      }),
    },
    Mutation: {
      analyzeProject: async (_, { projectId }, ctx) => (await service.analyze(projectId, ctx.identity)).suggestions,
      applySuggestion: async (_, { id }, ctx) => {
        const { suggestion } = await service.apply(id, ctx.identity);
        return { suggestion, project: { __typename: 'Project', id: suggestion.projectId } };
      },
      dismissSuggestion: (_, { id }, ctx) => service.dismiss(id, ctx.identity),
      askAssistant: (_, { projectId, query, componentId }, ctx) => ask.ask(projectId, query, componentId, ctx.identity),
      optimizeCode: (_, { code, language }) => optimizeCode(code, language ?? 'python'),
    },
  } as Resolvers;
}
