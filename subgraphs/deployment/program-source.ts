/**
 * The seam between deployment and code generation: where the files of the program to deploy come from. The real
 * source asks the codegen subgraph over HTTP (with the deploying user's identity, so its access rules apply); tests
 * may supply their own program while the generator is not there.
 */
import type { Identity } from '../../platform/identity';
import type { ServiceClient } from '../../platform/service-client';
import type { StoredFile } from './deployment-store';

export interface ProgramRequest {
  projectId: string;
  /** The version pinned when the deployment was requested. */
  projectVersion: number;
  language: string;
  identity: Identity;
  signal?: AbortSignal;
}

export interface GeneratedProgram {
  /** Code artifact id, for traceability. */
  artifactId: string | null;
  /** The version the program was generated from. */
  projectVersion: number;
  files: StoredFile[];
}

export interface ProgramSource {
  load(request: ProgramRequest): Promise<GeneratedProgram>;
}

const GENERATE_CODE = /* GraphQL */ `
  mutation DeploymentGenerateCode($projectId: ID!, $language: String!, $options: CodegenOptionsInput) {
    generateCode(projectId: $projectId, language: $language, options: $options) { id projectVersion files { path content } }
  }
`;

interface GenerateCodeResult {
  generateCode: { id: string; projectVersion: number; files: StoredFile[] };
}

/** Generates the project's code through the codegen subgraph (`generateCode`), in serve-capable form. */
export class CodegenProgramSource implements ProgramSource {
  constructor(private readonly services: ServiceClient) {}

  async load(request: ProgramRequest): Promise<GeneratedProgram> {
    const data = await this.services.query<GenerateCodeResult>(
      'codegen',
      GENERATE_CODE,
      { projectId: request.projectId, language: request.language, options: { includeComments: false } },
      request.identity,
    );
    const artifact = data.generateCode;
    // The generator works from the project's current version; a deployment must ship the version it pinned.
    if (artifact.projectVersion !== request.projectVersion) {
      throw new Error(`the project changed since the deployment was requested (version ${request.projectVersion} → ${artifact.projectVersion}); deploy again`);
    }
    return { artifactId: artifact.id, projectVersion: artifact.projectVersion, files: artifact.files };
  }
}
