import type { Migration } from 'kysely';
import { newestPerProjectIndexMigration, projectEntityBlobMigration, projectEntityMigration, type ProjectEntity } from '../../platform/project-entity-store';

export const ARTIFACT_TABLE = 'code_artifacts';

/**
 * Forward-only migrations of the artifact table: 0001 the generic entity table; 0002 moves the generated files (most
 * of an artifact's bytes) into their own column, so lists and entity fetches (`id language lines checksum`) never
 * parse them; 0003 indexes them in list order.
 */
export const codegenMigrations: Record<string, Migration> = {
  [`0001_${ARTIFACT_TABLE}`]: projectEntityMigration(ARTIFACT_TABLE),
  '0002_artifact_files_column': projectEntityBlobMigration(ARTIFACT_TABLE, ['files']),
  '0003_artifact_newest_index': newestPerProjectIndexMigration(ARTIFACT_TABLE),
};

/** Stored in their own column: absent from lists and entity fetches, loaded when selected. */
export const ARTIFACT_BLOBS = ['files'] as const;

/** Generated code for a pinned project version. */
export interface ArtifactRecord extends ProjectEntity {
  projectVersion: number;
  language: string;
  files: { path: string; content: string }[];
  mainFile: string;
  buildCommand: string | null;
  runCommand: string;
  checksum: string;
  lines: number;
  options: Record<string, unknown> | null;
}
