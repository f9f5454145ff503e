/** The component registry service (port 8008): owns Component and Template. */
import { openDatabase } from '../../platform/db';
import type { ServiceDeps } from '../../platform/service-deps';
import { startSubgraphServer, type RunningService } from '../../platform/subgraph-server';
import { registryMigrations } from './migrations';
import { registryResolvers } from './resolvers';
import { RegistryService } from './registry-service';
import { RegistryStore, type RegistryTables } from './registry-store';

export async function startRegistryService(deps: ServiceDeps): Promise<RunningService> {
  const database = await openDatabase<RegistryTables>({ service: 'registry', ...deps.storage, migrations: registryMigrations });
  const service = new RegistryService(new RegistryStore(database));
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
    onClose: () => database.close(),
  });
}
