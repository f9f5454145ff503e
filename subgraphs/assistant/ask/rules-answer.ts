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

export function answerFromRules(category: AskCategory, version: number, findings: SuggestionRecord[]): RulesAnswer {
  const kinds = CATEGORY_KINDS[category];
  const practices = new Set([...findings.flatMap((f) => f.bestPractices), ...ANALYSIS_RULES.filter((r) => !kinds || kinds.includes(r.kind)).flatMap((r) => r.bestPractices)]);
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
