/**
 * askAssistant: routes the question, answers it with the model when one is configured (falling back to the rules,
 * and saying why, when the model fails), stores a model's checked patch as a suggestion so applySuggestion applies
 * it, and publishes AI_SUGGESTION_GENERATED.
 */
import { randomUUID } from 'node:crypto';
import type { LlmClient } from '../../../engine/components/types';
import type { ComponentShape } from '../../../engine/model/validate';
import { badInput, notFound } from '../../../platform/errors';
import type { Identity } from '../../../platform/identity';
import { checkPatch } from '../analysis/patch-check';
import type { AssistantService } from '../assistant-service';
import type { SuggestionRecord, SuggestionSeverity } from '../suggestion-store';
import { describeProject } from './graph-description';
import { askModel } from './model-answer';
import { answerFromRules, inCategory, urgentOutside } from './rules-answer';
import { CATEGORY_KIND, CATEGORY_PRIORITY, projectInsights, routeQuestion, type AskCategory, type ProjectInsights } from './routing';

const MAX_QUERY = 4_000;

export interface AssistantAnswer {
  projectId: string;
  query: string;
  category: AskCategory;
  suggestion: string;
  codeSnippets: string[];
  bestPractices: string[];
  priority: SuggestionSeverity;
  projectInsights: ProjectInsights;
  source: 'RULES' | 'MODEL';
  findings: SuggestionRecord[];
  proposal: SuggestionRecord | null;
  patchNote: string | null;
  timestamp: string;
}

/** Model patches may omit componentVersion or use legacy ids: pin them like addComponent does. */
function pinAddedNodes(patch: unknown, components: ReadonlyMap<string, ComponentShape>): unknown {
  if (!Array.isArray(patch)) return patch;
  return patch.map((edit) => {
    const node = edit?.op === 'addNode' ? edit.node : undefined;
    const component = node && typeof node.componentId === 'string' ? components.get(node.componentId) : undefined;
    return component && !node.componentVersion ? { ...edit, node: { ...node, componentId: component.id, componentVersion: component.version } } : edit;
  });
}

export class AskAssistant {
  constructor(
    private readonly service: AssistantService,
    private readonly llm: (LlmClient & { configured: boolean }) | undefined,
  ) {}

  get modelConfigured(): boolean {
    return Boolean(this.llm?.configured);
  }

  async ask(projectId: string, query: string, componentId: string | null | undefined, identity: Identity): Promise<AssistantAnswer> {
    if (!query.trim()) throw badInput('query must not be empty', { field: 'query' });
    if (query.length > MAX_QUERY) throw badInput(`query is longer than ${MAX_QUERY} characters`, { field: 'query' });
    const snapshot = await this.service.snapshot(projectId, identity);
    const { suggestions } = await this.service.analyze(projectId, identity);
    let focus = suggestions;
    if (componentId) {
      const nodeIds = new Set(snapshot.graph.nodes.filter((n) => n.id === componentId || n.componentId === componentId).map((n) => n.id));
      if (!nodeIds.size) throw notFound('Component', componentId);
      focus = suggestions.filter((s) => s.nodeIds.some((id) => nodeIds.has(id)));
    }
    const category = routeQuestion(query);
    const inside = inCategory(category, focus);
    const urgent = urgentOutside(category, focus);
    const findings = [...urgent, ...inside];
    const rules = answerFromRules(category, snapshot.version, inside, urgent);
    const base = { projectId, query, category, projectInsights: projectInsights(snapshot.graph), findings, timestamp: new Date().toISOString() };
    let answer: AssistantAnswer = { ...base, ...rules, source: 'RULES', proposal: null, patchNote: null };

    if (this.llm?.configured) {
      const components = await this.service.components.forGraph(snapshot.graph, identity);
      const question = componentId ? `${query}\n(The question is about node/component "${componentId}".)` : query;
      const outcome = await askModel(this.llm, describeProject(snapshot.name, snapshot.version, snapshot.graph, suggestions), question, (patch) =>
        checkPatch(snapshot.graph, pinAddedNodes(patch, components), components),
      );
      if (!outcome.ok) {
        answer.patchNote = `No model answer (${outcome.reason}); answered from the rules instead.`;
      } else {
        const proposal = outcome.patch ? await this.storeProposal(snapshot, category, query, outcome.answer, outcome.patch) : null;
        answer = {
          ...answer,
          suggestion: outcome.answer,
          source: 'MODEL',
          proposal,
          patchNote: outcome.patchNote ?? null,
          priority: proposal ? proposal.severity : answer.priority,
        };
      }
    }
    await this.service.events.publish('AI_SUGGESTION_GENERATED', {
      projectId,
      projectVersion: snapshot.version,
      category,
      source: answer.source,
      priority: answer.priority,
      findingIds: findings.map((f) => f.id),
      proposalId: answer.proposal?.id ?? null,
      actor: identity.sub,
    });
    return answer;
  }

  private async storeProposal(
    snapshot: { id: string; ownerId: string; version: number },
    category: AskCategory,
    query: string,
    answer: string,
    patch: NonNullable<SuggestionRecord['patch']>,
  ): Promise<SuggestionRecord> {
    const now = new Date().toISOString();
    const id = randomUUID();
    const nodeIds = [
      ...new Set(
        patch.flatMap((e) =>
          'nodeId' in e ? [e.nodeId] : e.op === 'addNode' ? [e.node.id] : e.op === 'connect' ? [e.connection.sourceId, e.connection.targetId] : [],
        ),
      ),
    ];
    const proposal: SuggestionRecord = {
      id,
      projectId: snapshot.id,
      ownerId: snapshot.ownerId,
      createdAt: now,
      updatedAt: now,
      projectVersion: snapshot.version,
      kind: CATEGORY_KIND[category],
      severity: CATEGORY_PRIORITY[category],
      rule: null,
      fingerprint: `model:${id}`,
      title: `Assistant proposal: ${query.length > 80 ? `${query.slice(0, 80)}…` : query}`,
      message: answer,
      nodeIds,
      codeSnippets: [JSON.stringify(patch, null, 2)],
      bestPractices: [],
      status: 'OPEN',
      source: 'MODEL',
      patch,
    };
    await this.service.book.store.insert(proposal);
    return proposal;
  }
}
