/** AI assistance: POST /ai/suggest, POST /ai/optimize, GET /suggestions/{project_id}, GET /capabilities. */
import { RestError } from './envelope';
import { storedOperation } from './gateway-call';
import type { RouteGroup } from './route-table';
import { anyJson, arrayOf, bool, idField, int, nonEmpty, nullable, obj, str } from './schemas';

const ASK = storedOperation(
  'LegacyAsk',
  `mutation LegacyAsk($projectId: ID!, $query: String!, $componentId: ID) {
    askAssistant(projectId: $projectId, query: $query, componentId: $componentId) {
      projectId query category suggestion codeSnippets bestPractices priority source patchNote timestamp
      projectInsights { totalComponents componentTypes connectionsCount hasCycles }
      proposal { id }
    }
  }`,
);
const OPTIMIZE = storedOperation(
  'LegacyOptimize',
  `mutation LegacyOptimize($code: String!, $language: String, $projectId: ID) {
    optimizeCode(code: $code, language: $language, projectId: $projectId) { language originalCode optimizedCode parser optimizations { rule message line column applied } }
  }`,
);
const SUGGESTION_FIELDS = `fragment LegacySuggestionFields on Suggestion { id kind severity rule title message nodeIds codeSnippets bestPractices status source patch createdAt projectVersion }`;
const ANALYZE = storedOperation(
  'LegacyAnalyze',
  `mutation LegacyAnalyze($projectId: ID!) { analyzeProject(projectId: $projectId) { ...LegacySuggestionFields } } ${SUGGESTION_FIELDS}`,
);
const STORED = storedOperation(
  'LegacyStoredSuggestions',
  `query LegacyStoredSuggestions($id: ID!, $status: SuggestionStatus) { project(id: $id) { suggestions(status: $status) { ...LegacySuggestionFields } } } ${SUGGESTION_FIELDS}`,
);
const CAPABILITIES = storedOperation(
  'LegacyCapabilities',
  `query LegacyCapabilities { capabilities { askCategories modelConfigured model analysisRules { id kind severity title autoFix } codeLanguages { language parser checks } } }`,
);

interface GqlSuggestion {
  id: string;
  kind: string;
  severity: string;
  rule: string | null;
  title: string;
  message: string;
  nodeIds: string[];
  codeSnippets: string[];
  bestPractices: string[];
  status: string;
  source: string;
  patch: unknown;
  createdAt: string;
  projectVersion: number;
}

const legacySuggestion = (s: GqlSuggestion) => ({
  id: s.id,
  kind: s.kind.toLowerCase(),
  priority: s.severity.toLowerCase(),
  rule: s.rule,
  title: s.title,
  suggestion: s.message,
  component_ids: s.nodeIds,
  code_snippets: s.codeSnippets,
  best_practices: s.bestPractices,
  status: s.status.toLowerCase(),
  source: s.source.toLowerCase(),
  patch: s.patch,
  project_version: s.projectVersion,
  created_at: s.createdAt,
});

const PRIORITIES = ['critical', 'high', 'medium', 'low'];
const suggestionSchema = obj(
  {
    id: str(),
    kind: str(),
    priority: str(undefined, { enum: PRIORITIES }),
    rule: nullable(str()),
    title: str(),
    suggestion: str(),
    component_ids: arrayOf(str()),
    code_snippets: arrayOf(str()),
    best_practices: arrayOf(str()),
    status: str(),
    source: str(),
    patch: anyJson('Graph edits that fix it'),
    project_version: int(),
    created_at: str(),
  },
  ['id', 'priority', 'suggestion', 'status'],
);

export const assistantRoutes: RouteGroup = () => [
  {
    method: 'post',
    path: '/ai/suggest',
    operationId: 'suggest',
    tag: 'assistant',
    summary: 'Ask the assistant about a project',
    description: 'context is accepted for compatibility; the assistant reads the project itself.',
    body: obj(
      {
        project_id: idField('project'),
        query: nonEmpty('The question', 4_000),
        component_id: nullable(str('Instance id the question is about')),
        context: anyJson(),
      },
      ['project_id', 'query'],
      { open: true },
    ),
    response: obj(
      {
        suggestion: obj(
          {
            suggestion: str(),
            code_snippets: arrayOf(str()),
            best_practices: arrayOf(str()),
            priority: str(undefined, { enum: PRIORITIES }),
            category: str(),
            source: str(),
            proposal_id: nullable(str('A checked patch stored as a suggestion (apply it through GraphQL applySuggestion)')),
            patch_note: nullable(str()),
            project_insights: obj({ total_components: int(), component_types: arrayOf(str()), connections_count: int(), has_cycles: bool() }),
          },
          ['suggestion', 'code_snippets', 'best_practices', 'priority', 'project_insights'],
        ),
        project_id: str(),
        query: str(),
        timestamp: str(),
      },
      ['suggestion', 'project_id', 'query', 'timestamp'],
    ),
    errors: [404, 502],
    async handle({ body, call }) {
      const { askAssistant: a } = await call<{ askAssistant: any }>(ASK, {
        projectId: body.project_id,
        query: body.query,
        componentId: body.component_id ?? null,
      });
      const insights = a.projectInsights;
      return {
        data: {
          suggestion: {
            suggestion: a.suggestion,
            code_snippets: a.codeSnippets,
            best_practices: a.bestPractices,
            priority: a.priority.toLowerCase(),
            category: a.category,
            source: a.source.toLowerCase(),
            proposal_id: a.proposal?.id ?? null,
            patch_note: a.patchNote,
            project_insights: {
              total_components: insights.totalComponents,
              component_types: insights.componentTypes,
              connections_count: insights.connectionsCount,
              has_cycles: insights.hasCycles,
            },
          },
          project_id: a.projectId,
          query: a.query,
          timestamp: a.timestamp,
        },
      };
    },
  },
  {
    method: 'post',
    path: '/ai/optimize',
    operationId: 'optimizeCode',
    tag: 'assistant',
    summary: 'Find improvements in Python, JavaScript or TypeScript code and rewrite what is safe',
    body: obj({ project_id: nullable(str()), code: str('The code', { maxLength: 200_000 }), language: str(undefined, { default: 'python' }) }, ['code'], {
      open: true,
    }),
    response: obj(
      {
        original_code: str(),
        optimizations: arrayOf(obj({ rule: str(), message: str(), line: int(), column: int(), applied: bool() })),
        optimized_code: str(),
        language: str(),
        parser: str(),
      },
      ['original_code', 'optimizations', 'optimized_code', 'language'],
    ),
    errors: [],
    async handle({ body, call }) {
      const { optimizeCode: o } = await call<{ optimizeCode: any }>(OPTIMIZE, { code: body.code, language: body.language, projectId: body.project_id ?? null });
      return {
        data: { original_code: o.originalCode, optimizations: o.optimizations, optimized_code: o.optimizedCode, language: o.language, parser: o.parser },
      };
    },
  },
  {
    method: 'get',
    path: '/suggestions/{project_id}',
    operationId: 'listSuggestions',
    tag: 'assistant',
    summary: "A project's suggestions: the open findings for its current version, or the stored ones in a status",
    query: obj({
      status: str('open (fresh analysis, the default), applied, dismissed, outdated or all (stored)', {
        enum: ['open', 'applied', 'dismissed', 'outdated', 'all'],
        default: 'open',
      }),
    }),
    response: obj({ project_id: str(), suggestions: arrayOf(suggestionSchema), count: int() }, ['project_id', 'suggestions', 'count']),
    errors: [404],
    async handle({ params, query, call }) {
      const stored = async (status: string | null) => {
        const { project } = await call<{ project: { suggestions: GqlSuggestion[] } | null }>(STORED, { id: params.project_id, status });
        if (!project) throw new RestError(404, 'NOT_FOUND', `Project "${params.project_id}" not found`, { project_id: params.project_id });
        return project.suggestions;
      };
      let suggestions: GqlSuggestion[];
      if (query.status === 'open') {
        // The analysis is cached per project version, so asking again is a read. Analysing needs the editor role: a
        // viewer (who may read suggestions) gets the stored open ones.
        try {
          suggestions = (await call<{ analyzeProject: GqlSuggestion[] }>(ANALYZE, { projectId: params.project_id })).analyzeProject;
        } catch (err) {
          if (!(err instanceof RestError && err.status === 403)) throw err;
          suggestions = await stored('OPEN');
        }
      } else {
        suggestions = await stored(query.status === 'all' ? null : query.status.toUpperCase());
      }
      return { data: { project_id: params.project_id, suggestions: suggestions.map(legacySuggestion), count: suggestions.length } };
    },
  },
  {
    method: 'get',
    path: '/capabilities',
    operationId: 'capabilities',
    tag: 'assistant',
    summary: 'What the assistant supports',
    response: obj(
      {
        analysis_rules: arrayOf(obj({ id: str(), kind: str(), priority: str(), title: str(), auto_fix: bool() })),
        ask_categories: arrayOf(str()),
        code_languages: arrayOf(obj({ language: str(), parser: str(), checks: arrayOf(str()) })),
        model_configured: bool(),
        model: nullable(str()),
      },
      ['analysis_rules', 'ask_categories', 'code_languages', 'model_configured'],
    ),
    errors: [],
    async handle({ call }) {
      const { capabilities: c } = await call<{ capabilities: any }>(CAPABILITIES);
      return {
        data: {
          analysis_rules: c.analysisRules.map((r: any) => ({
            id: r.id,
            kind: r.kind.toLowerCase(),
            priority: r.severity.toLowerCase(),
            title: r.title,
            auto_fix: r.autoFix,
          })),
          ask_categories: c.askCategories,
          code_languages: c.codeLanguages,
          model_configured: c.modelConfigured,
          model: c.model,
        },
      };
    },
  },
];
