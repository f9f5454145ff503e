/** GraphQL operations the assistant tests send through the router, and a helper to build a crafted project. */
import type { WorkflowGraph } from '../../engine/model/types';
import type { TestSupergraph } from '../support/supergraph';
import { toEditInputs } from '../../engine/model/edit-input';
import type { GraphEdit } from '../../engine/model/edits';

export const SUGGESTION_FIELDS = 'id projectId projectVersion kind severity rule title message nodeIds codeSnippets bestPractices status source patch';
export const ANALYZE = `mutation($p: ID!) { analyzeProject(projectId: $p) { ${SUGGESTION_FIELDS} } }`;
export const APPLY = `mutation($id: ID!) { applySuggestion(id: $id) { suggestion { id status } project { id version validation { valid errors { code } } } } }`;
export const DISMISS = `mutation($id: ID!) { dismissSuggestion(id: $id) { id status } }`;
export const ASK = `mutation($p: ID!, $q: String!, $c: ID) {
  askAssistant(projectId: $p, query: $q, componentId: $c) {
    projectId query category suggestion codeSnippets bestPractices priority source patchNote timestamp
    projectInsights { totalComponents componentTypes connectionsCount hasCycles }
    findings { id rule kind }
    proposal { ${SUGGESTION_FIELDS} }
  }
}`;

export async function craftedProject(sg: TestSupergraph, name: string, graph?: WorkflowGraph, templateId?: string): Promise<{ id: string; version: number }> {
  const created = await sg.gql(`mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`, { input: { name, templateId } });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  if (!graph) return created.data.createProject;
  const edits = [...graph.nodes.map((node) => ({ op: 'addNode', node })), ...graph.connections.map((connection) => ({ op: 'connect', connection }))];
  const applied = await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { id version } } }`, {
    p: created.data.createProject.id,
    e: toEditInputs(edits as GraphEdit[]),
  });
  if (applied.errors) throw new Error(JSON.stringify(applied.errors));
  return applied.data.applyGraphEdits.project;
}

export async function analyze(sg: TestSupergraph, projectId: string): Promise<any[]> {
  const result = await sg.gql(ANALYZE, { p: projectId });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.analyzeProject;
}
