/** Picking a label is an easy task: a large model costs 10–30× a small one for the same answer. */
import type { NodeInstance } from '../../../engine/model/types';
import type { Rule } from './types';
import { describeNode, updateConfig } from './patch-helpers';

/** Large models and the smaller sibling that classifies as well; the first match wins. */
const DOWNGRADES: [RegExp, string][] = [
  [/^(gpt-4(?!o-mini|\.1-mini|\.1-nano)|gpt-4o(?!-mini)|gpt-5(?!-mini|-nano)|o1|o3(?!-mini))/i, 'gpt-4o-mini'],
  [/^claude-(3-opus|3-5-sonnet|3-7-sonnet|opus|sonnet)/i, 'claude-3-5-haiku-latest'],
  [/^gemini-(1\.5|2\.0|2\.5)-pro/i, 'gemini-2.0-flash'],
];

function cheaperModel(model: string): string | undefined {
  return DOWNGRADES.find(([pattern]) => pattern.test(model))?.[1];
}

/** An `llm` node used as a classifier: a short reply asked for, and instructions to classify. */
function classifiesWithLlm(node: NodeInstance): boolean {
  const system = String(node.config?.system ?? '');
  const maxTokens = Number(node.config?.maxTokens ?? Infinity);
  return /\b(classif|categori[sz]e|label)/i.test(system) && maxTokens <= 20;
}

export const costlyClassificationModelRule: Rule = {
  id: 'costly-classification-model',
  kind: 'COST',
  severity: 'LOW',
  title: 'Costly model for a simple classification',
  autoFix: true,
  bestPractices: ['Use a small, fast model for classification and routing; keep large models for generation and reasoning.'],
  check(ctx) {
    return ctx.graph.nodes
      .filter((node) => node.componentId === 'core/classifier' || (node.componentId === 'core/llm' && classifiesWithLlm(node)))
      .flatMap((node) => {
        const model = typeof node.config?.model === 'string' ? node.config.model : '';
        const cheaper = model && cheaperModel(model);
        if (!cheaper) return [];
        return [
          {
            nodeIds: [node.id],
            message: `${describeNode(node)} classifies with ${model}; ${cheaper} picks labels as reliably at a fraction of the price and latency.`,
            codeSnippets: [`model: "${cheaper}"`],
            patch: [updateConfig(node, { model: cheaper })],
          },
        ];
      });
  },
};
