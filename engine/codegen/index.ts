/**
 * The code generator (docs/ARCHITECTURE.md §3 `engine/codegen`): a workflow graph → a runnable project in one language.
 * Each component's `emit` (in engine/components) produces its node; the language backends here turn the program
 * into files; the runtime libraries in ./runtime give every language the engine's semantics.
 */
import type { WorkflowGraph } from '../model/types';
import { packageIdentifier } from './identifiers';
import { goBackend, goProject } from './languages/go';
import { javaBackend, javaProject } from './languages/java';
import { javascriptBackend, javascriptProject } from './languages/javascript';
import { pythonBackend, pythonProject } from './languages/python';
import { buildProgram } from './program';
import { CodegenError, type CodegenOptions, type GeneratedProject, type LanguageId, type LanguageInfo } from './types';

export * from './types';

export const LANGUAGES: readonly LanguageInfo[] = [
  { id: 'python', name: 'Python', fileExtension: '.py', toolchain: 'python3 ≥ 3.9', manifest: 'requirements.txt', implemented: true },
  { id: 'typescript', name: 'TypeScript', fileExtension: '.ts', toolchain: 'node ≥ 18 + tsc', manifest: 'package.json', implemented: true },
  { id: 'javascript', name: 'JavaScript', fileExtension: '.js', toolchain: 'node ≥ 18', manifest: 'package.json', implemented: true },
  { id: 'go', name: 'Go', fileExtension: '.go', toolchain: 'go ≥ 1.19', manifest: 'go.mod', implemented: true },
  { id: 'java', name: 'Java', fileExtension: '.java', toolchain: 'JDK ≥ 17', manifest: 'build.sh', implemented: true },
];

export function findLanguage(id: string): LanguageInfo | undefined {
  return LANGUAGES.find((language) => language.id === id);
}

export function generateProject(graph: WorkflowGraph, language: LanguageId, options: CodegenOptions = {}): GeneratedProject {
  const packageName = packageIdentifier(options.packageName);
  switch (language) {
    case 'python':
      return pythonProject(buildProgram(graph, pythonBackend(), options), options, packageName);
    case 'javascript':
    case 'typescript':
      return javascriptProject(language, buildProgram(graph, javascriptBackend(language), options), options, packageName);
    case 'go': {
      const backend = goBackend();
      return goProject(buildProgram(graph, backend, options), backend, options, packageName);
    }
    case 'java':
      return javaProject(buildProgram(graph, javaBackend(), options), options, packageName);
    default:
      throw new CodegenError(
        `generating ${language} is not implemented yet (implemented: ${LANGUAGES.filter((l) => l.implemented)
          .map((l) => l.id)
          .join(', ')})`,
      );
  }
}
