/**
 * optimizeCode: parse with a real parser, collect findings, apply the safe rewrites, and re-parse the result — if
 * the rewritten code would not parse (a bug in a rewrite), the original is returned and nothing is marked applied.
 */
import { badInput } from '../../../platform/errors';
import { javascriptOptimizer, typescriptOptimizer } from './javascript';
import { pythonOptimizer } from './python';
import { applyRewrites, lineColumn } from './text-edits';
import type { CodeFinding, LanguageOptimizer } from './types';

export const CODE_OPTIMIZERS: readonly LanguageOptimizer[] = [pythonOptimizer, javascriptOptimizer, typescriptOptimizer];
const ALIASES: Record<string, string> = { py: 'python', python3: 'python', js: 'javascript', node: 'javascript', ts: 'typescript' };
export const MAX_CODE_CHARS = 200_000;

export interface CodeOptimization {
  language: string;
  originalCode: string;
  optimizedCode: string;
  optimizations: CodeFinding[];
  parser: string;
}

export function findOptimizer(language: string): LanguageOptimizer {
  const wanted = language.trim().toLowerCase();
  const optimizer = CODE_OPTIMIZERS.find((o) => o.language === (ALIASES[wanted] ?? wanted));
  if (!optimizer)
    throw badInput(`language "${language}" is not supported; supported: ${CODE_OPTIMIZERS.map((o) => o.language).join(', ')}`, { field: 'language' });
  return optimizer;
}

export async function optimizeCode(code: string, language: string): Promise<CodeOptimization> {
  const optimizer = findOptimizer(language);
  if (!code.trim()) throw badInput('code must not be empty', { field: 'code' });
  if (code.length > MAX_CODE_CHARS) throw badInput(`code is longer than ${MAX_CODE_CHARS} characters`, { field: 'code' });
  const error = await optimizer.syntaxError(code);
  if (error) throw badInput(`The code does not parse as ${optimizer.language}: ${error}`, { field: 'code' });
  const rewrites = (await optimizer.rewrites(code)).sort((a, b) => a.at - b.at);
  let { code: optimizedCode, applied } = applyRewrites(code, rewrites);
  if (applied.size && (await optimizer.syntaxError(optimizedCode))) {
    optimizedCode = code;
    applied = new Set();
  }
  return {
    language: optimizer.language,
    originalCode: code,
    optimizedCode,
    parser: optimizer.parser,
    optimizations: rewrites.map((r) => ({ rule: r.rule, message: r.message, ...lineColumn(code, r.at), applied: applied.has(r) })),
  };
}
