import type { ProjectEntity } from '../../platform/project-entity-store';

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
