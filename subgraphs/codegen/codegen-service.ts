/**
 * Code generation for a project: pins the project's current version (fetchProjectSnapshot with the caller's
 * identity, so the workflow service's access rules apply), generates the project in the language, stores it as a
 * CodeArtifact and announces CODE_GENERATED after the write.
 */
import { createHash, randomUUID } from 'node:crypto';
import { CodegenError, findLanguage, generateProject, LANGUAGES, type LanguageId } from '../../engine/codegen';
import { appError, badInput } from '../../platform/errors';
import type { EventBus } from '../../platform/events';
import type { Identity } from '../../platform/identity';
import type { ProjectEntityStore } from '../../platform/project-entity-store';
import type { ProjectAccessClient } from '../../platform/project-access';
import { fetchProjectSnapshot } from '../../platform/project-client';
import type { ServiceClient } from '../../platform/service-client';
import type { ArtifactRecord } from './artifact-store';

export interface GenerateOptions {
  includeComments?: boolean | null;
  optimize?: boolean | null;
  packageName?: string | null;
}

const MAX_PACKAGE_NAME = 100;

export class CodegenService {
  constructor(
    private readonly store: ProjectEntityStore<ArtifactRecord>,
    private readonly services: ServiceClient,
    private readonly events: EventBus,
    private readonly access: ProjectAccessClient,
  ) {}

  async generate(projectId: string, language: string, options: GenerateOptions | null | undefined, identity: Identity): Promise<ArtifactRecord> {
    const info = findLanguage(language);
    if (!info) {
      throw badInput(`unsupported language "${language}"; supported: ${LANGUAGES.map((l) => l.id).join(', ')}`, {
        field: 'language',
        supported: LANGUAGES.map((l) => l.id),
      });
    }
    if (!info.implemented) {
      throw appError(
        'NOT_IMPLEMENTED',
        `generating ${info.name} is not implemented yet; implemented: ${LANGUAGES.filter((l) => l.implemented)
          .map((l) => l.id)
          .join(', ')}`,
      );
    }
    if ((options?.packageName?.length ?? 0) > MAX_PACKAGE_NAME)
      throw badInput(`packageName must be at most ${MAX_PACKAGE_NAME} characters`, { field: 'options.packageName' });
    await this.access.require(projectId, identity, 'editor');
    const snapshot = await fetchProjectSnapshot(this.services, projectId, identity);
    const chosen = {
      includeComments: options?.includeComments === true,
      optimize: options?.optimize === true,
      packageName: options?.packageName || snapshot.name,
    };
    let project;
    try {
      project = generateProject(snapshot.graph, info.id as LanguageId, { ...chosen, projectName: snapshot.name });
    } catch (error) {
      if (error instanceof CodegenError) throw appError('INVALID_GRAPH', error.message, error.nodeId ? { nodeId: error.nodeId } : {});
      throw error;
    }
    const now = new Date().toISOString();
    const hash = createHash('sha256');
    for (const file of project.files) hash.update(`${file.path}\u0000${file.content}\u0000`);
    const artifact: ArtifactRecord = {
      id: randomUUID(),
      projectId: snapshot.id,
      ownerId: identity.sub,
      createdAt: now,
      updatedAt: now,
      projectVersion: snapshot.version,
      language: info.id,
      files: project.files,
      mainFile: project.mainFile,
      buildCommand: project.commands.build ?? null,
      runCommand: project.commands.run,
      checksum: hash.digest('hex'),
      lines: project.files.reduce((sum, file) => sum + file.content.split('\n').length, 0),
      options: chosen,
    };
    await this.store.insert(artifact);
    await this.events.publish('CODE_GENERATED', {
      projectId: snapshot.id,
      artifactId: artifact.id,
      language: info.id,
      projectVersion: snapshot.version,
      actor: identity.sub,
    });
    return artifact;
  }

  /** The artifact when `identity` may read its project; undefined otherwise (never reveal that it exists). */
  async readable(id: string, identity: Identity): Promise<ArtifactRecord | undefined> {
    const artifact = await this.store.get(id);
    return artifact && (await this.access.filter([artifact], identity)).length ? artifact : undefined;
  }
}
