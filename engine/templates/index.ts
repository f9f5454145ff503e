/** The shipped templates: real graphs over the built-in components, each with sample inputs and exact outputs. */
import { basicAgentTemplate } from './basic_agent';
import { batchGreetingsTemplate } from './batch_greetings';
import { codeStatsTemplate } from './code_stats';
import { httpUserLookupTemplate } from './http_user_lookup';
import { jsonExtractTemplate } from './json_extract';
import { keywordExtractorTemplate } from './keyword_extractor';
import { mlPipelineTemplate } from './ml_pipeline';
import { orderTotalsTemplate } from './order_totals';
import { priorityRouterTemplate } from './priority_router';
import { sentimentClassifierTemplate } from './sentiment_classifier';
import { textEmbeddingsTemplate } from './text_embeddings';
import { ticketTriageTemplate } from './ticket_triage';
import type { TemplateDefinition } from './types';

export type { TemplateDefinition } from './types';

export const builtinTemplates: TemplateDefinition[] = [
  basicAgentTemplate,
  mlPipelineTemplate,
  ticketTriageTemplate,
  priorityRouterTemplate,
  batchGreetingsTemplate,
  codeStatsTemplate,
  httpUserLookupTemplate,
  keywordExtractorTemplate,
  jsonExtractTemplate,
  orderTotalsTemplate,
  sentimentClassifierTemplate,
  textEmbeddingsTemplate,
];

export function findBuiltinTemplate(id: string): TemplateDefinition | undefined {
  return builtinTemplates.find((template) => template.id === id);
}
