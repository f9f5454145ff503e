/** A compact, bounded text form of a project for a model prompt: nodes, wires, validation, findings. */
import type { WorkflowGraph } from '../../../engine/model/types';
import type { SuggestionRecord } from '../suggestion-store';

const MAX_CONFIG_CHARS = 400;
const MAX_PROMPT_CHARS = 24_000;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function describeProject(name: string, version: number, graph: WorkflowGraph, findings: SuggestionRecord[]): string {
  const lines = [
    `Project "${name}", version ${version}: ${graph.nodes.length} nodes, ${graph.connections.length} connections.`,
    'Nodes (id: component [label] config settings):',
  ];
  for (const n of graph.nodes) {
    const settings = n.settings && Object.keys(n.settings).length ? ` settings=${JSON.stringify(n.settings)}` : '';
    lines.push(`- ${n.id}: ${n.componentId}${n.label ? ` [${n.label}]` : ''} config=${clip(JSON.stringify(n.config ?? {}), MAX_CONFIG_CHARS)}${settings}`);
  }
  lines.push('Connections (id: source.port -> target.port):');
  for (const c of graph.connections) lines.push(`- ${c.id}: ${c.sourceId}.${c.sourcePort} -> ${c.targetId}.${c.targetPort}`);
  lines.push(findings.length ? 'Findings of the rule-based analysis:' : 'The rule-based analysis found nothing.');
  for (const f of findings) lines.push(`- [${f.severity} ${f.kind}] ${f.title}: ${f.message}`);
  return clip(lines.join('\n'), MAX_PROMPT_CHARS);
}
