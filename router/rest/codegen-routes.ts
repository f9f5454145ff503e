/** Code generation (code generator): POST /generate/code, GET /download/{code_id}, GET /artifacts/{artifact_id}/zip, GET /languages. */
import path from 'node:path';
import { RestError } from './envelope';
import { storedOperation } from './gateway-call';
import type { RouteGroup } from './route-table';
import { arrayOf, bool, idField, int, nullable, obj, str } from './schemas';
import { sendUpstreamZip } from './upstream-zip';

const PROJECT_SIZE = storedOperation(
  'LegacyProjectSize',
  `query LegacyProjectSize($id: ID!) { project(id: $id) { id name components { id } connections { id } } }`,
);
const GENERATE = storedOperation(
  'LegacyGenerateCode',
  `mutation LegacyGenerateCode($projectId: ID!, $language: String!, $options: CodegenOptionsInput) {
    generateCode(projectId: $projectId, language: $language, options: $options) { id language code lines mainFile files { path } projectVersion runCommand buildCommand checksum createdAt }
  }`,
);
const ARTIFACT = storedOperation('LegacyArtifact', `query LegacyArtifact($id: ID!) { codeArtifact(id: $id) { id language mainFile code files { path } } }`);
const LANGUAGES = storedOperation('LegacyLanguages', `query LegacyLanguages { languages { id name fileExtension toolchain manifest implemented } }`);

interface GqlArtifact {
  id: string;
  language: string;
  mainFile: string;
  code: string;
  files: { path: string }[];
}

/** The seed's download name: generated_<lang>_<first 8 of id>.<ext> */
export const downloadName = (language: string, id: string, extension: string) => `generated_${language}_${id.slice(0, 8)}.${extension.replace(/^\./, '')}`;

const artifactZip = (a: GqlArtifact) => ({
  service: 'codegen' as const,
  path: `/artifacts/${encodeURIComponent(a.id)}/zip`,
  filename: downloadName(a.language, a.id, 'zip'),
  notFound: new RestError(404, 'NOT_FOUND', `Generated code "${a.id}" not found`, { code_id: a.id }),
});

const countLines = (text: string) => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

const CONTENT_TYPES: Record<string, string> = {
  '.py': 'text/x-python',
  '.js': 'text/javascript',
  '.ts': 'text/plain',
  '.go': 'text/x-go',
  '.java': 'text/x-java-source',
};

export const codegenRoutes: RouteGroup = ({ config }) => [
  {
    method: 'post',
    path: '/generate/code',
    operationId: 'generateCode',
    tag: 'codegen',
    summary: "Generate a runnable project from the project's current version",
    description:
      'Languages: python, javascript, typescript, java, go (GET /languages says which are implemented). An unsupported language is refused with 400 naming the supported ones.',
    body: obj(
      {
        project_id: idField('project'),
        language: str(undefined, { default: 'python' }),
        optimize: bool(undefined, { default: true }),
        include_comments: bool(undefined, { default: true }),
        package_name: str(undefined, { maxLength: 100 }),
        project: { type: 'object', description: 'Not supported: create the project first (POST /projects) and send project_id' },
      },
      [],
      { open: true },
    ),
    response: obj(
      {
        code_id: str(),
        language: str(),
        code: str('The main file'),
        lines: int(),
        timestamp: str(),
        metadata: obj(
          {
            project_name: str(),
            component_count: int(),
            connection_count: int(),
            optimize: bool(),
            include_comments: bool(),
            main_file: str(),
            files: arrayOf(str()),
            run_command: str(),
            build_command: nullable(str()),
            checksum: str(),
            project_version: int(),
            total_lines: int('Lines of every file'),
            download_url: str(),
          },
          [],
          { open: true },
        ),
      },
      ['code_id', 'language', 'code', 'lines', 'timestamp', 'metadata'],
    ),
    errors: [404, 422, 501],
    async handle({ body, call }) {
      if (!body.project_id) {
        const reason = body.project ? 'inline project objects are not supported: create it with POST /projects, then send its project_id' : 'is required';
        throw new RestError(400, 'BAD_USER_INPUT', `Invalid request body: project_id ${reason}`, { errors: [{ field: 'project_id', reason }] });
      }
      const { project } = await call<{ project: { name: string; components: unknown[]; connections: unknown[] } | null }>(PROJECT_SIZE, {
        id: body.project_id,
      });
      if (!project) throw new RestError(404, 'NOT_FOUND', `Project "${body.project_id}" not found`, { project_id: body.project_id });
      const options = { optimize: body.optimize, includeComments: body.include_comments, ...(body.package_name ? { packageName: body.package_name } : {}) };
      const { generateCode: a } = await call<{
        generateCode: GqlArtifact & {
          lines: number;
          projectVersion: number;
          runCommand: string;
          buildCommand: string | null;
          checksum: string;
          createdAt: string;
        };
      }>(GENERATE, {
        projectId: body.project_id,
        language: body.language,
        options,
      });
      return {
        data: {
          code_id: a.id,
          language: a.language,
          code: a.code,
          // The legacy `lines` counts `code` (the main file); the whole project's count is in metadata.
          lines: countLines(a.code),
          timestamp: a.createdAt,
          metadata: {
            project_name: project.name,
            component_count: project.components.length,
            connection_count: project.connections.length,
            optimize: body.optimize,
            include_comments: body.include_comments,
            main_file: a.mainFile,
            files: a.files.map((f) => f.path),
            run_command: a.runCommand,
            build_command: a.buildCommand,
            checksum: a.checksum,
            project_version: a.projectVersion,
            total_lines: a.lines,
            download_url: `/download/${encodeURIComponent(a.id)}`,
          },
        },
        message: 'Code generated',
      };
    },
  },
  {
    method: 'get',
    path: '/download/{code_id}',
    operationId: 'downloadCode',
    tag: 'codegen',
    summary: 'The generated code as a file (the main file, or ?format=zip for the whole project)',
    query: obj({ format: str('file: the main file; zip: every file', { enum: ['file', 'zip'], default: 'file' }) }),
    response: { type: 'string', format: 'binary' },
    file: { contentTypes: ['text/plain', 'application/zip'] },
    errors: [404, 502],
    async handle({ params, query, call, context, res }) {
      const { codeArtifact: a } = await call<{ codeArtifact: GqlArtifact | null }>(ARTIFACT, { id: params.code_id });
      if (!a) throw new RestError(404, 'NOT_FOUND', `Generated code "${params.code_id}" not found`, { code_id: params.code_id });
      if (query.format !== 'zip') {
        const extension = path.extname(a.mainFile) || '.txt';
        res
          .status(200)
          .set({
            'content-type': `${CONTENT_TYPES[extension] ?? 'text/plain'}; charset=utf-8`,
            'content-disposition': `attachment; filename=${downloadName(a.language, a.id, extension)}`,
          })
          .send(a.code);
        return;
      }
      await sendUpstreamZip(config, context, res, artifactZip(a));
    },
  },
  {
    method: 'get',
    path: '/artifacts/{artifact_id}/zip',
    operationId: 'downloadArtifactZip',
    tag: 'codegen',
    summary: 'Every file of a generated artefact as a zip (CodeArtifact.downloadUrl)',
    description: "Answered with the caller's access: 404 when the artefact does not exist or the caller cannot read its project.",
    response: { type: 'string', format: 'binary' },
    file: { contentTypes: ['application/zip'] },
    errors: [404, 502],
    async handle({ params, call, context, res }) {
      const { codeArtifact: a } = await call<{ codeArtifact: GqlArtifact | null }>(ARTIFACT, { id: params.artifact_id });
      if (!a) throw new RestError(404, 'NOT_FOUND', `CodeArtifact "${params.artifact_id}" not found`, { artifact_id: params.artifact_id });
      await sendUpstreamZip(config, context, res, artifactZip(a));
    },
  },
  {
    method: 'get',
    path: '/languages',
    operationId: 'listLanguages',
    tag: 'codegen',
    summary: 'Target languages (those that generate, and every one with details)',
    response: obj(
      {
        languages: arrayOf(str()),
        default: str(),
        details: arrayOf(obj({ id: str(), name: str(), file_extension: str(), toolchain: str(), manifest: str(), implemented: bool() })),
      },
      ['languages', 'default'],
    ),
    errors: [],
    async handle({ call }) {
      const { languages } = await call<{
        languages: { id: string; name: string; fileExtension: string; toolchain: string; manifest: string; implemented: boolean }[];
      }>(LANGUAGES);
      return {
        data: {
          languages: languages.filter((l) => l.implemented).map((l) => l.id),
          default: 'python',
          details: languages.map((l) => ({
            id: l.id,
            name: l.name,
            file_extension: l.fileExtension,
            toolchain: l.toolchain,
            manifest: l.manifest,
            implemented: l.implemented,
          })),
        },
      };
    },
  },
];
