import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const PROJECT_ROOT = join(__dirname, '..', '..');

export function readProjectFile(relativePath: string): string {
  return readFileSync(join(PROJECT_ROOT, relativePath), 'utf8');
}

/** YAML 1.1 merge keys (`<<: *anchor`) resolved, as Compose does. */
export function parseComposeYaml(text: string): Record<string, unknown> {
  return parse(text, { merge: true }) as Record<string, unknown>;
}

export function packageScripts(): Record<string, string> {
  return (JSON.parse(readProjectFile('package.json')) as { scripts: Record<string, string> }).scripts;
}

export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
}

export interface DockerStage {
  baseImage: string;
  name?: string;
  instructions: DockerInstruction[];
}

/** Splits a Dockerfile into stages of instructions, joining `\` continuations and dropping comments. */
export function parseDockerfile(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  let pending = '';
  let pendingLine = 0;
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) return;
    if (pending === '') pendingLine = index + 1;
    if (line.startsWith('#')) return; // comments inside a continuation are skipped by Docker too
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const full = `${pending}${line}`.trim();
    pending = '';
    const [keyword, ...rest] = full.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: full.slice(keyword.length).trim(), line: pendingLine };
    if (instruction.keyword === 'FROM') {
      const [baseImage, as, name] = rest.filter((part) => !part.startsWith('--'));
      stages.push({ baseImage, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') throw new Error(`line ${pendingLine}: ${instruction.keyword} before FROM`);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  });
  return stages;
}

/** Exec-form arguments (`["npm", "run", "x"]`), or undefined for shell form. */
export function execFormArgs(args: string): string[] | undefined {
  const json = args.replace(/^(--\S+\s+)*/, '').replace(/^CMD\s+/i, '');
  if (!json.startsWith('[')) return undefined;
  return JSON.parse(json) as string[];
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * `.dockerignore` semantics: patterns are anchored at the context root, the last matching line wins, `!` re-includes,
 * and excluding a directory excludes everything under it.
 */
export function dockerIgnoreMatcher(text: string): (relativePath: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const include = line.startsWith('!');
      const pattern = (include ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      return { include, regex: globToRegExp(pattern) };
    });
  return (relativePath) => {
    const segments = relativePath.split('/');
    const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
    let ignored = false;
    for (const { include, regex } of rules) {
      if (prefixes.some((prefix) => regex.test(prefix))) ignored = !include;
    }
    return ignored;
  };
}
