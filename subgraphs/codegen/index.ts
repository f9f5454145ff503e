/** The code generator service (port 8009): owns CodeArtifact; generates projects in five target languages. */
import { LANGUAGES } from '../../engine/codegen';
import { openDatabase } from '../../platform/db';
import { ProjectAccessClient } from '../../platform/project-access';
import { projectEntityMigration, ProjectEntityStore } from '../../platform/project-entity-store';
import { projectEntityResolvers } from '../../platform/project-entity-subgraph';
import type { ServiceDeps } from '../../platform/service-deps';
import { startSubgraphServer, type RunningService } from '../../platform/subgraph-server';
import type { SubgraphContext } from '../../platform/subgraph-server';
import type { ArtifactRecord } from './artifact-store';
import { CodegenService } from './codegen-service';
import { mountDownloadRoute } from './download-route';
import type { Resolvers } from './generated/resolvers-types';

const TABLE = 'code_artifacts';

export async function startCodegenService(deps: ServiceDeps): Promise<RunningService> {
  const database = await openDatabase<unknown>({ service: 'codegen', ...deps.storage, migrations: { [`0001_${TABLE}`]: projectEntityMigration(TABLE) } });
  const store = new ProjectEntityStore<ArtifactRecord>(database, TABLE);
  const access = new ProjectAccessClient(deps.services);
  const service = new CodegenService(store, deps.services, deps.events, access);
  const read = projectEntityResolvers({ store, access, typeName: 'CodeArtifact', queryField: 'codeArtifact', projectField: 'artifacts' });
  const resolvers: Resolvers<SubgraphContext> = {
    ...read,
    Query: { ...read.Query, languages: () => LANGUAGES.map((l) => ({ ...l })) },
    Mutation: {
      generateCode: (_parent, args, ctx) => service.generate(args.projectId, args.language, args.options, ctx.identity),
    },
    CodeArtifact: {
      ...read.CodeArtifact,
      code: (artifact) => (artifact as ArtifactRecord).files.find((f) => f.path === artifact.mainFile)?.content ?? '',
      downloadUrl: (artifact) => `/artifacts/${encodeURIComponent(artifact.id)}/zip`,
    },
  } as Resolvers<SubgraphContext>;
  return startSubgraphServer({
    name: 'codegen',
    config: deps.config,
    log: deps.log,
    port: deps.port,
    resolvers,
    database,
    extendApp: (app) => mountDownloadRoute(app, deps.config, service),
    checkHealth: async () => {
      await store.get('health-check');
    },
    onClose: () => database.close(),
  });
}
