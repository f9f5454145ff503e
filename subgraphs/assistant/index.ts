/**
 * The AI assistant service (port 8012): owns Suggestion. Deterministic analysis of projects with patches that apply
 * through the workflow service, question answering (a model when LLM_* is configured, the rules otherwise), and code
 * optimisation with real parsers.
 */
import { llmClientFromEnv } from '../../engine/runtime/llm-client';
import { openDatabase } from '../../platform/db';
import { ProjectAccessClient } from '../../platform/project-access';
import { newestPerProjectIndexMigration, projectEntityMigration, ProjectEntityStore } from '../../platform/project-entity-store';
import type { ServiceDeps } from '../../platform/service-deps';
import { startSubgraphServer, type RunningService } from '../../platform/subgraph-server';
import { AnalysisCache } from './analysis/analysis-cache';
import { AskAssistant } from './ask/ask-assistant';
import { AssistantService } from './assistant-service';
import { ComponentLookup } from './component-lookup';
import { assistantResolvers } from './resolvers';
import { SuggestionBook } from './suggestion-book';
import type { SuggestionRecord } from './suggestion-store';

const TABLE = 'suggestions';

export async function startAssistantService(deps: ServiceDeps): Promise<RunningService> {
  const database = await openDatabase<unknown>({
    service: 'assistant',
    ...deps.storage,
    migrations: { [`0001_${TABLE}`]: projectEntityMigration(TABLE), [`0002_${TABLE}_newest_index`]: newestPerProjectIndexMigration(TABLE) },
  });
  const store = new ProjectEntityStore<SuggestionRecord>(database, TABLE);
  const cache = new AnalysisCache();
  await cache.listen(deps.events);
  const service = new AssistantService(
    deps.services,
    new ComponentLookup(deps.services),
    new SuggestionBook(store),
    cache,
    deps.events,
    new ProjectAccessClient(deps.services),
  );
  const llm = llmClientFromEnv(deps.config.env);
  const ask = new AskAssistant(service, llm);
  return startSubgraphServer({
    name: 'assistant',
    config: deps.config,
    log: deps.log,
    port: deps.port,
    resolvers: assistantResolvers(store, service, ask, deps.config.env.LLM_MODEL),
    database,
    checkHealth: async () => {
      await store.get('health-check');
    },
    onClose: async () => {
      cache.close();
      await database.close();
    },
  });
}
