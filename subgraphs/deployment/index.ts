/** The deployment service (port 8011): owns Deployment. Deploying arrives with the deployment issue. */
import { startProjectEntityService } from '../../platform/project-entity-service';
import { projectEntityResolvers } from '../../platform/project-entity-subgraph';
import type { ServiceDeps } from '../../platform/service-deps';
import type { DeploymentRecord } from './deployment-store';
import type { Resolvers } from './generated/resolvers-types';

export function startDeploymentService(deps: ServiceDeps) {
  return startProjectEntityService<DeploymentRecord>(deps, {
    name: 'deployment',
    table: 'deployments',
    resolvers: (store): Resolvers => projectEntityResolvers({ store, typeName: 'Deployment', queryField: 'deployment', projectField: 'deployments' }),
  });
}
