/**
 * How a generated project is started in serve mode (`<entry> --serve PORT`, answering GET /health and POST /run),
 * per language: locally by the supervisor, and in the containers every artefact target describes.
 */
import type { StoredFile } from './deployment-store';

export const DEPLOYABLE_LANGUAGES = ['typescript', 'javascript', 'python'] as const;
export type DeployableLanguage = (typeof DEPLOYABLE_LANGUAGES)[number];

export const isDeployableLanguage = (language: string): language is DeployableLanguage => (DEPLOYABLE_LANGUAGES as readonly string[]).includes(language);

const ENTRY_CANDIDATES: Record<DeployableLanguage, string[]> = {
  typescript: ['src/workflow.ts', 'main.ts', 'src/main.ts', 'index.ts', 'src/index.ts'],
  javascript: ['src/workflow.js', 'main.js', 'src/main.js', 'index.js', 'src/index.js'],
  python: ['main.py', 'src/main.py', 'app.py', '__main__.py'],
};

export class ProgramShapeError extends Error {}

export interface ProgramEntry {
  language: DeployableLanguage;
  /** Path of the entry file inside the project. */
  entry: string;
  /** Python package run with `python -m` (the code generator's layout: `<package>/__main__.py`). */
  module?: string;
  hasPackageJson: boolean;
  hasRequirements: boolean;
}

function packageMain(files: readonly StoredFile[]): string | undefined {
  const manifest = files.find((f) => f.path === 'package.json');
  if (!manifest) return undefined;
  try {
    const main = (JSON.parse(manifest.content) as { main?: unknown }).main;
    return typeof main === 'string' ? main.replace(/^\.\//, '') : undefined;
  } catch {
    throw new ProgramShapeError('the generated package.json is not valid JSON');
  }
}

export function findProgramEntry(language: string, files: readonly StoredFile[]): ProgramEntry {
  if (!isDeployableLanguage(language)) throw new ProgramShapeError(`language "${language}" cannot be deployed; use one of ${DEPLOYABLE_LANGUAGES.join(', ')}`);
  const paths = new Set(files.map((f) => f.path));
  if (language === 'python') {
    const packageMainFile = files.map((f) => f.path).find((p) => /^[A-Za-z_][A-Za-z0-9_]*\/__main__\.py$/.test(p));
    if (packageMainFile) {
      return { language, entry: packageMainFile, module: packageMainFile.split('/')[0], hasPackageJson: false, hasRequirements: paths.has('requirements.txt') };
    }
  }
  const main = language === 'python' ? undefined : packageMain(files);
  // A TypeScript package's `main` points at compiled output; we run its source with tsx instead.
  const source = main && language === 'typescript' ? main.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts') : undefined;
  const entry = [main, source].find((p): p is string => Boolean(p && paths.has(p))) ?? ENTRY_CANDIDATES[language].find((candidate) => paths.has(candidate));
  if (!entry)
    throw new ProgramShapeError(
      `the generated ${language} project has no entry point (looked for ${[main, ...ENTRY_CANDIDATES[language]].filter(Boolean).join(', ')})`,
    );
  return { language, entry, hasPackageJson: paths.has('package.json'), hasRequirements: paths.has('requirements.txt') };
}

/** argv (without the executable) that starts the program in serve mode inside a container. */
export function containerCommand(program: ProgramEntry, port: number | string): string[] {
  const serve = ['--serve', String(port)];
  switch (program.language) {
    case 'python':
      return program.module ? ['python', '-m', program.module, ...serve] : ['python', program.entry, ...serve];
    case 'javascript':
      return ['node', program.entry, ...serve];
    case 'typescript':
      // The image compiles nothing: tsx runs TypeScript directly (installed in the image's build stage).
      return ['node', 'node_modules/tsx/dist/cli.mjs', program.entry, ...serve];
  }
}

/** The command the LOCAL supervisor runs: this machine's interpreters, with tsx from our own dependencies. */
export function localCommand(program: ProgramEntry, port: number): { command: string; args: string[] } {
  const serve = ['--serve', String(port)];
  switch (program.language) {
    case 'python':
      return { command: 'python3', args: program.module ? ['-m', program.module, ...serve] : [program.entry, ...serve] };
    case 'javascript':
      return { command: process.execPath, args: [program.entry, ...serve] };
    case 'typescript':
      return { command: process.execPath, args: [require.resolve('tsx/cli'), program.entry, ...serve] };
  }
}
