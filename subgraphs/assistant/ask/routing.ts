/**
 * Where a question goes, by the seed's keywords (error/exception → error handling, performance/speed, test,
 * security, else general), and what each category draws on.
 */
import { findCycle } from '../../../engine/model/validate';
import type { WorkflowGraph } from '../../../engine/model/types';
import type { SuggestionKind, SuggestionSeverity } from '../suggestion-store';

export type AskCategory = 'error_handling' | 'performance' | 'testing' | 'security' | 'general';
export const ASK_CATEGORIES: AskCategory[] = ['error_handling', 'performance', 'testing', 'security', 'general'];

const ROUTES: [RegExp, AskCategory][] = [
  [/error|exception|fail|retry|crash/i, 'error_handling'],
  [/performance|speed|fast|slow|latency|optimi[sz]|cost|cheap/i, 'performance'],
  [/test/i, 'testing'],
  [/secur|secret|credential|password|token|https?\b|auth/i, 'security'],
];

export function routeQuestion(query: string): AskCategory {
  return ROUTES.find(([pattern]) => pattern.test(query))?.[1] ?? 'general';
}

/** The finding kinds a category answers from; general takes all. */
export const CATEGORY_KINDS: Record<AskCategory, SuggestionKind[] | null> = {
  error_handling: ['ERROR_HANDLING'],
  performance: ['PERFORMANCE', 'COST'],
  testing: ['TESTING'],
  security: ['SECURITY'],
  general: null,
};

/** The seed's priorities per category, used when no finding says more. */
export const CATEGORY_PRIORITY: Record<AskCategory, SuggestionSeverity> = {
  security: 'CRITICAL',
  error_handling: 'HIGH',
  testing: 'HIGH',
  performance: 'MEDIUM',
  general: 'LOW',
};

/** The kind a model's proposal is filed under. */
export const CATEGORY_KIND: Record<AskCategory, SuggestionKind> = {
  error_handling: 'ERROR_HANDLING',
  performance: 'PERFORMANCE',
  testing: 'TESTING',
  security: 'SECURITY',
  general: 'STRUCTURE',
};

export interface ProjectInsights {
  totalComponents: number;
  componentTypes: string[];
  connectionsCount: number;
  hasCycles: boolean;
}

export function projectInsights(graph: WorkflowGraph): ProjectInsights {
  return {
    totalComponents: graph.nodes.length,
    componentTypes: [...new Set(graph.nodes.map((n) => n.componentId))].sort(),
    connectionsCount: graph.connections.length,
    hasCycles: findCycle(graph) !== undefined,
  };
}
