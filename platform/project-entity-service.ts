/** Starts a subgraph whose entity belongs to a project (see project-entity-store / project-entity-subgraph). */
import type { SubgraphName } from './config';
import { openDatabase } from './db';
import { projectEntityMigration, ProjectEntityStore, type ProjectEntity } from './project-entity-store';
import type { ServiceDeps } from './service-deps';
import { startSubgraphServer, type RunningService } from './subgraph-server';

export async function startProjectEntityService<T extends ProjectEntity>(
  deps: ServiceDeps,
  options: { name: SubgraphName; table: string; resolvers: (store: ProjectEntityStore<T>) => object },
): Promise<RunningService> {
  const database = await openDatabase<unknown>({
    service: options.name,
    ...deps.storage,
    migrations: { [`0001_${options.table}`]: projectEntityMigration(options.table) },
  });
  const store = new ProjectEntityStore<T>(database, options.table);
  return startSubgraphServer({
    name: options.name,
    config: deps.config,
    log: deps.log,
    port: deps.port,
    resolvers: options.resolvers(store),
    database,
    checkHealth: async () => {
      await store.get('health-check');
    },
    onClose: () => database.close(),
  });
}
