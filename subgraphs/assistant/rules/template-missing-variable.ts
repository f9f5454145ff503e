/** A `{{name}}` placeholder nothing provides fails the node at run time ("missing template variable"). */
import { listPlaceholders } from '../../../engine/components/placeholders';
import type { GraphEdit } from '../../../engine/model/edits';
import type { NodeInstance } from '../../../engine/model/types';
import type { GraphContext } from '../analysis/graph-context';
import { knownKeys } from '../analysis/object-keys';
import type { Finding, Rule } from './types';
import { describeNode, newNode, updateConfig, wire } from './patch-helpers';

/** `user.name` → `user`, `items[0]` → `items`. */
const rootOf = (path: string) => path.split(/[.[]/)[0].trim();

/** The run-input type a placeholder path implies: `{{user.name}}` needs an object, `{{items[0]}}` an array. */
function impliedType(template: string, name: string): string {
  const uses = listPlaceholders(template)
    .filter((p) => rootOf(p) === name)
    .map((p) => p.trim().slice(name.length).trim()[0]);
  if (uses.includes('.')) return 'object';
  return uses.includes('[') ? 'array' : 'string';
}

export const templateMissingVariableRule: Rule = {
  id: 'template-missing-variable',
  kind: 'STRUCTURE',
  severity: 'HIGH',
  title: 'Template placeholder that no input provides',
  autoFix: true,
  bestPractices: [
    'Build the `values` object of a template from named wires (an `object` node), one key per placeholder.',
    'Use `{{value}}` for a single connected value instead of an object with one key.',
  ],
  check(ctx) {
    const findings: Finding[] = [];
    for (const node of ctx.nodesOf('core/template')) {
      const template = node.config?.template;
      if (typeof template !== 'string') continue;
      const valuesWire = ctx.wiresInto(node.id, 'values')[0];
      const provided = valuesWire ? knownKeys(ctx, valuesWire.sourceId, valuesWire.sourcePort) : new Set<string>();
      if (!provided) continue; // an object whose keys are only known at run time
      if (ctx.wiresInto(node.id, 'value').length) provided.add('value');
      const missing = [...new Set(listPlaceholders(template).map(rootOf))].filter((name) => name && !provided.has(name));
      if (!missing.length) continue;
      findings.push({
        nodeIds: [node.id],
        message: `${describeNode(node)} uses ${missing.map((m) => `{{${m}}}`).join(', ')} but ${valuesWire ? `its values only have ${[...provided].join(', ') || 'no keys'}` : 'nothing is connected to its inputs'}; the node would fail at run time. Add ${missing.length > 1 ? 'run inputs' : 'a run input'} for ${missing.join(', ')}.`,
        codeSnippets: [template],
        patch: provideVariables(
          ctx,
          node,
          missing.map((name) => [name, impliedType(template, name)]),
        ),
      });
    }
    return findings;
  },
};

/** Adds an `input` node per missing name, wired into the template's `object` (created when there is none). */
function provideVariables(ctx: GraphContext, template: NodeInstance, variables: [string, string][]): GraphEdit[] | undefined {
  const missing = variables.map(([name]) => name);
  if (!missing.every((name) => /^[A-Za-z_][\w-]*$/.test(name))) return undefined;
  const valuesWire = ctx.wiresInto(template.id, 'values')[0];
  const taken = new Set<string>();
  const edits: GraphEdit[] = [];
  let objectNode: NodeInstance;
  if (!valuesWire) {
    objectNode = newNode(ctx, taken, `${template.id}_values`, 'core/object', { keys: missing }, template, { x: -130, y: 0 });
    edits.push({ op: 'addNode', node: objectNode }, { op: 'connect', connection: wire(ctx, taken, objectNode.id, 'value', template.id, 'values') });
  } else {
    const source = ctx.nodes.get(valuesWire.sourceId);
    if (source?.componentId !== 'core/object' || !Array.isArray(source.config.keys)) return undefined;
    objectNode = source;
    edits.push(updateConfig(source, { keys: [...(source.config.keys as string[]), ...missing] }));
  }
  variables.forEach(([name, type], i) => {
    const existing = ctx.nodesOf('core/input').find((n) => n.config?.name === name);
    const input = existing ?? newNode(ctx, taken, name, 'core/input', { name, type }, objectNode, { x: -260, y: 120 * (i + 1) });
    if (!existing) edits.push({ op: 'addNode', node: input });
    edits.push({ op: 'connect', connection: wire(ctx, taken, input.id, 'value', objectNode.id, 'values') });
  });
  return edits;
}
