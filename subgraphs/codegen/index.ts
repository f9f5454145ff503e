/** The code generator service (port 8009): owns CodeArtifact; generates projects in five target languages. */
import { LANGUAGES } from '../../engine/codegen';
import { openDatabase } from '../../platform/db';
import { ProjectAccessClient } from '../../platform/project-access';
import { ProjectEntityStore } from '../../platform/project-entity-store';
import { projectEntityResolvers } from '../../platform/project-entity-subgraph';
import type { ServiceDeps } from '../../platform/service-deps';
import { startSubgraphServer, type RunningService } from '../../platform/subgraph-server';
import type { SubgraphContext } from '../../platform/subgraph-server';
import { ARTIFACT_BLOBS, ARTIFACT_TABLE, codegenMigrations, type ArtifactRecord } from './artifact-store';
import { CodegenService } from './codegen-service';
import { mountDownloadRoute } from './download-route';
import type { Resolvers } from './generated/resolvers-types';

export async function startCodegenService(deps: ServiceDeps): Promise<RunningService> {
  const database = await openDatabase<unknown>({ service: 'codegen', ...deps.storage, migrations: codegenMigrations });
  const store = new ProjectEntityStore<ArtifactRecord>(database, ARTIFACT_TABLE, ARTIFACT_BLOBS);
  const access = new ProjectAccessClient(deps.services);
  const service = new CodegenService(store, deps.services, deps.events, access);
  // Files are read only when `files` or `code` is selected (batched per request); a fresh artifact carries them.
  const filesOf = (artifact: ArtifactRecord, ctx: SubgraphContext) =>
    artifact.files ??
    ctx
      .loader<string, ArtifactRecord['files']>('CodeArtifact:files', async (ids) => {
        const found = await store.blobs(ids, 'files');
        return ids.map((id) => found.get(id) ?? []);
      })
      .load(artifact.id);
  const read = projectEntityResolvers({ store, access, typeName: 'CodeArtifact', queryField: 'codeArtifact', projectField: 'artifacts' });
  const resolvers: Resolvers<SubgraphContext> = {
    ...read,
    Query: { ...read.Query, languages: () => LANGUAGES.map((l) => ({ ...l })) },
    Mutation: {
      generateCode: (_parent, args, ctx) => service.generate(args.projectId, args.language, args.options, ctx.identity),
    },
    CodeArtifact: {
      ...read.CodeArtifact,
      files: (artifact, _args, ctx) => filesOf(artifact as ArtifactRecord, ctx),
      code: async (artifact, _args, ctx) => (await filesOf(artifact as ArtifactRecord, ctx)).find((f) => f.path === artifact.mainFile)?.content ?? '',
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
