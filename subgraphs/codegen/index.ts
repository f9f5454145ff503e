/** The code generator service (port 8009): owns CodeArtifact. Generation itself arrives with the code-generator issue. */
import { startProjectEntityService } from '../../platform/project-entity-service';
import { projectEntityResolvers } from '../../platform/project-entity-subgraph';
import type { ServiceDeps } from '../../platform/service-deps';
import type { ArtifactRecord } from './artifact-store';
import type { Resolvers } from './generated/resolvers-types';

export function startCodegenService(deps: ServiceDeps) {
  return startProjectEntityService<ArtifactRecord>(deps, {
    name: 'codegen',
    table: 'code_artifacts',
    resolvers: (store): Resolvers => projectEntityResolvers({ store, typeName: 'CodeArtifact', queryField: 'codeArtifact', projectField: 'artifacts' }),
  });
}
