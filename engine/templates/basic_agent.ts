/** The legacy `basic_agent` (input → processor → output): a question, a prompt template, a chat model, the answer. */
import { graph, node, wire, withRetries } from './build';
import type { TemplateDefinition } from './types';

export const basicAgentTemplate: TemplateDefinition = {
  id: 'basic_agent',
  name: 'Basic agent',
  description: 'Puts the question into a prompt template, asks the configured chat model and returns its answer.',
  categories: ['ai', 'agent'],
  needs: ['llm'],
  graph: graph(
    [
      node('question', 'core/input', 0, 0, { name: 'question', type: 'string' }),
      node('prompt', 'core/template', 1, 0, { template: 'Answer the question in one short paragraph.\n\nQuestion: {{value}}' }),
      withRetries(node('agent', 'core/llm', 2, 0, { system: 'You are a concise, helpful assistant.', temperature: 0, maxTokens: 300 })),
      node('answer', 'core/output', 3, 0, { name: 'answer' }),
    ],
    [wire('question.value', 'prompt.value'), wire('prompt.text', 'agent.prompt'), wire('agent.text', 'answer.value')],
  ),
  sampleInputs: { question: 'What is a workflow graph?' },
  // The fake OpenAI server's documented reply is `echo: <last user message>`; a real model answers in prose.
  expectedOutputs: { answer: 'echo: Answer the question in one short paragraph.\n\nQuestion: What is a workflow graph?' },
};
