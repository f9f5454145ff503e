/** The component registry service (port 8008): owns Component and Template. */
import { openDatabase } from '../../platform/db';
import { COMPONENT_USAGE_STREAM } from '../../platform/durable-events';
import type { ServiceDeps } from '../../platform/service-deps';
import { startSubgraphServer, type RunningService } from '../../platform/subgraph-server';
import { registryMigrations } from './migrations';
import { registryResolvers } from './resolvers';
import { RegistryService } from './registry-service';
import { RegistryStore, type RegistryTables } from './registry-store';

export async function startRegistryService(deps: ServiceDeps): Promise<RunningService> {
  const database = await openDatabase<RegistryTables>({ service: 'registry', ...deps.storage, migrations: registryMigrations });
  const service = new RegistryService(new RegistryStore(database));
  const stopCounting = await deps.durable.consume<{ componentId: string }>(COMPONENT_USAGE_STREAM, 'registry', async (entry) => {
    await service.recordUsage(entry.id, entry.data.componentId);
  });
  return startSubgraphServer({
    name: 'registry',
    config: deps.config,
    log: deps.log,
    port: deps.port,
    resolvers: registryResolvers(service),
    database,
    checkHealth: async () => {
      await database.db.selectFrom('components').select('id').limit(1).execute();
    },
    onClose: async () => {
      await stopCounting();
      await database.close();
    },
  });
}
