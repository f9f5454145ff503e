/** The answer without a model: the findings of the question's category, in the seed's shape. */
import { ANALYSIS_RULES } from '../rules';
import type { SuggestionRecord, SuggestionSeverity } from '../suggestion-store';
import { CATEGORY_KINDS, CATEGORY_PRIORITY, type AskCategory } from './routing';

const MAX_LISTED = 8;
const SEVERITY_RANK: Record<SuggestionSeverity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };
const CATEGORY_LABEL: Record<AskCategory, string> = {
  error_handling: 'error handling',
  performance: 'performance and cost',
  testing: 'testing',
  security: 'security',
  general: 'general',
};

export interface RulesAnswer {
  suggestion: string;
  codeSnippets: string[];
  bestPractices: string[];
  priority: SuggestionSeverity;
}

export function inCategory(category: AskCategory, findings: SuggestionRecord[]): SuggestionRecord[] {
  const kinds = CATEGORY_KINDS[category];
  return kinds ? findings.filter((f) => kinds.includes(f.kind)) : findings;
}

/** HIGH and CRITICAL findings outside the question's category: named first whatever the question's words. */
export function urgentOutside(category: AskCategory, findings: SuggestionRecord[]): SuggestionRecord[] {
  const inside = new Set(inCategory(category, findings));
  return findings
    .filter((f) => !inside.has(f) && SEVERITY_RANK[f.severity] <= SEVERITY_RANK.HIGH)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/**
 * The answer from the current findings: the urgent ones (HIGH/CRITICAL, any category) first — a question worded
 * about errors still hears about the broken expression — then those of the question's category.
 */
export function answerFromRules(category: AskCategory, version: number, findings: SuggestionRecord[], urgent: SuggestionRecord[] = []): RulesAnswer {
  const categoryAnswer = answerForCategory(category, version, findings);
  if (!urgent.length) return categoryAnswer;
  const listed = urgent.slice(0, MAX_LISTED);
  const lead = [
    `First, ${urgent.length} ${urgent.length > 1 ? 'findings' : 'finding'} of high severity in version ${version} that can break the project or its results:`,
    ...listed.map((f, i) => `${i + 1}. [${f.severity.toLowerCase()}] ${f.title}: ${f.message}${f.patch?.length ? ' (automatic fix: applySuggestion)' : ''}`),
  ].join('\n');
  const priority = [urgent[0].severity, categoryAnswer.priority].sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0];
  return {
    suggestion: `${lead}\n\n${categoryAnswer.suggestion}`,
    codeSnippets: [...listed.flatMap((f) => f.codeSnippets), ...categoryAnswer.codeSnippets].slice(0, MAX_LISTED),
    bestPractices: [...new Set([...urgent.flatMap((f) => f.bestPractices), ...categoryAnswer.bestPractices])],
    priority,
  };
}

function answerForCategory(category: AskCategory, version: number, findings: SuggestionRecord[]): RulesAnswer {
  const kinds = CATEGORY_KINDS[category];
  const practices = new Set([
    ...findings.flatMap((f) => f.bestPractices),
    ...ANALYSIS_RULES.filter((r) => !kinds || kinds.includes(r.kind)).flatMap((r) => r.bestPractices),
  ]);
  const listed = findings.slice(0, MAX_LISTED);
  const fixable = findings.filter((f) => f.patch?.length).length;
  const suggestion = findings.length
    ? [
        `${findings.length} ${CATEGORY_LABEL[category]} finding${findings.length > 1 ? 's' : ''} in version ${version} of the project${fixable ? ` (${fixable} with an automatic fix: applySuggestion)` : ''}:`,
        ...listed.map((f, i) => `${i + 1}. [${f.severity.toLowerCase()}] ${f.title}: ${f.message}`),
        ...(findings.length > listed.length ? [`… and ${findings.length - listed.length} more (analyzeProject lists them all).`] : []),
      ].join('\n')
    : `No ${CATEGORY_LABEL[category]} problems found in version ${version} of the project by the ${ANALYSIS_RULES.length} analysis rules.`;
  const priority = findings.length ? findings.map((f) => f.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0] : CATEGORY_PRIORITY[category];
  return { suggestion, codeSnippets: listed.flatMap((f) => f.codeSnippets).slice(0, MAX_LISTED), bestPractices: [...practices], priority };
}
