/** The debugger service (port 8010): owns DebugSession. Stepping arrives with the debugger issue. */
import { startProjectEntityService } from '../../platform/project-entity-service';
import { projectEntityResolvers } from '../../platform/project-entity-subgraph';
import type { ServiceDeps } from '../../platform/service-deps';
import type { Resolvers } from './generated/resolvers-types';
import type { DebugSessionRecord } from './session-store';

export function startDebuggerService(deps: ServiceDeps) {
  return startProjectEntityService<DebugSessionRecord>(deps, {
    name: 'debugger',
    table: 'debug_sessions',
    resolvers: (store): Resolvers => projectEntityResolvers({ store, typeName: 'DebugSession', queryField: 'debugSession', projectField: 'debugSessions' }),
  });
}
