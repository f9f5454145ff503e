/**
 * The workloads of the router benchmark and the data they read. The "dashboard" touches all six subgraphs with
 * nested entity fetches (projects → components → registry, runs, artifacts, debug sessions, deployments,
 * suggestions); the single-subgraph query stays inside the workflow subgraph (one fetch in the query plan).
 */
import { builtinTemplates } from '../engine/templates';
import { postGraphQL } from '../tests/support/supergraph';
import type { Workload } from './load';

export const DASHBOARD_QUERY = `query Dashboard($first: Int!, $n: Int!) {
  projects(first: $first) {
    totalCount
    nodes {
      id name version status updatedAt
      components { id componentId label component { id name category } }
      runs(first: $n) { id status durationMs }
      artifacts(first: $n) { id language lines checksum }
      debugSessions(first: $n) { id state currentNodeId }
      deployments(first: $n) { id status target environment }
      suggestions { id severity title }
    }
  }
}`;

export const SINGLE_QUERY = `query Project($id: ID!) { project(id: $id) { id name description version status components { id componentId label position { x y } } connections { id sourceId targetId } } }`;

const DASHBOARD_PAGE = 5;
/** Larger than any list of the seed: every value returns the same data, but each makes the subgraph fetches differ. */
const distinctN = (i: number) => 10 + (i % 90);

export function dashboardWorkload(distinct: boolean): Workload {
  return { query: DASHBOARD_QUERY, distinct, variables: (i) => ({ first: DASHBOARD_PAGE, n: distinct ? distinctN(i) : 10 }) };
}

export function singleWorkload(projectIds: string[]): Workload {
  return { query: SINGLE_QUERY, distinct: false, variables: (i) => ({ id: projectIds[i % projectIds.length] }) };
}

async function must(endpoint: string, query: string, variables: Record<string, unknown>) {
  const result = await postGraphQL(endpoint, query, variables);
  if (result.errors?.length) throw new Error(`seed failed: ${JSON.stringify(result.errors).slice(0, 500)}`);
  return result.data;
}

/** 50 projects from the templates that need no LLM or network, each with a run, an artifact, a debug session, a deployment and suggestions. */
export async function seedDashboard(routerUrl: string, projects = 50): Promise<string[]> {
  const endpoint = `${routerUrl}/graphql`;
  const templates = builtinTemplates.filter((t) => !t.needs?.length);
  const ids: string[] = [];
  const seedOne = async (k: number) => {
    const template = templates[k % templates.length];
    const { createProject } = await must(endpoint, `mutation($n: String!, $t: ID!) { createProject(input: {name: $n, templateId: $t}) { id } }`, {
      n: `${template.name} ${k}`,
      t: template.id,
    });
    const p = createProject.id as string;
    ids[k] = p;
    await must(endpoint, `mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { id } }`, { p, i: template.sampleInputs ?? {} });
    await must(endpoint, `mutation($p: ID!) { generateCode(projectId: $p, language: "python") { id } }`, { p });
    // Sessions run to the end and free their slot (the debugger bounds live sessions per user).
    const { startDebugSession } = await must(endpoint, `mutation($p: ID!, $i: JSON) { startDebugSession(projectId: $p, inputs: $i) { id } }`, {
      p,
      i: template.sampleInputs ?? {},
    });
    await must(endpoint, `mutation($s: ID!) { debugStep(sessionId: $s, action: CONTINUE) { id } }`, { s: startDebugSession.id });
    await must(endpoint, `mutation($s: ID!) { endDebugSession(id: $s) { id } }`, { s: startDebugSession.id });
    await must(endpoint, `mutation($p: ID!) { deploy(projectId: $p, target: KUBERNETES) { id } }`, { p });
    await must(endpoint, `mutation($p: ID!) { analyzeProject(projectId: $p) { id } }`, { p });
  };
  for (let k = 0; k < projects; k += 5) await Promise.all(Array.from({ length: Math.min(5, projects - k) }, (_, j) => seedOne(k + j)));
  return ids;
}
