/** The debugger service (port 8010): owns DebugSession — step-through runs of the engine's own interpreter. */
import { worldServicesFromEnv } from '../../engine/runtime/world';
import { openDatabase } from '../../platform/db';
import { ProjectAccessClient } from '../../platform/project-access';
import type { ServiceDeps } from '../../platform/service-deps';
import { startSubgraphServer, type RunningService } from '../../platform/subgraph-server';
import { DebugService } from './debug-service';
import { debuggerMigrations } from './migrations';
import { debuggerResolvers } from './resolvers';
import { SessionStore } from './session-store';
import { debuggerSettings } from './settings';

export { legacyExecutionState, type LegacyExecutionState } from './legacy-state';
export type { DebugEventPayload, DebugEventType } from './debug-events';

export async function startDebuggerService(deps: ServiceDeps): Promise<RunningService> {
  const database = await openDatabase<unknown>({ service: 'debugger', ...deps.storage, migrations: debuggerMigrations });
  const store = new SessionStore(database);
  const service = new DebugService({
    store,
    services: deps.services,
    events: deps.events,
    world: worldServicesFromEnv(deps.config.env),
    settings: debuggerSettings(deps.config.env),
    log: deps.log,
    access: new ProjectAccessClient(deps.services),
  });
  return startSubgraphServer({
    name: 'debugger',
    config: deps.config,
    log: deps.log,
    port: deps.port,
    resolvers: debuggerResolvers(service),
    database,
    checkHealth: async () => {
      await store.get('health-check');
    },
    onClose: async () => {
      await service.close();
      await database.close();
    },
  });
}
