/**
 * Asking an OpenAI-compatible model about a project. The model must reply with JSON `{answer, patch?}`; a patch must
 * pass the same checks as the rules' patches (checkPatch). A malformed reply or a rejected patch gets one retry with
 * the reason; after that a bad patch is dropped (the answer is kept and the caller says so), and a reply that still
 * is not the JSON asked for fails the model answer.
 */
import type { ChatMessage, LlmClient } from '../../../engine/components/types';
import type { GraphEdit } from '../../../engine/model/edits';
import type { PatchCheck } from '../analysis/patch-check';

export type ModelOutcome = { ok: true; answer: string; patch?: GraphEdit[]; patchNote?: string; model: string } | { ok: false; reason: string };

export const MODEL_SYSTEM_PROMPT = [
  'You are the assistant of a visual builder for AI-agent workflows. A project is a graph of component instances (nodes) wired by typed connections.',
  "Answer the user's question about the project described below, concretely and briefly.",
  'Reply with one JSON object only: {"answer": "<text>", "patch": [<graph edits>]} — "patch" is optional; include it only when a concrete change to the graph fixes what was asked.',
  'Graph edits: {"op":"addNode","node":{"id","componentId","position":{"x","y"},"config":{}}}, {"op":"updateNode","nodeId","config"?,"label"?,"settings"?},',
  '{"op":"removeNode","nodeId"}, {"op":"connect","connection":{"id","sourceId","sourcePort","targetId","targetPort"}}, {"op":"disconnect","connectionId"}, {"op":"moveNode","nodeId","position"}.',
  'updateNode replaces the whole config: repeat the fields you keep. Settings: {"retries","retryBackoffMs","timeoutMs","onError":"fail"|"continue"|"route"}. Built-in component ids look like core/llm, core/output.',
].join('\n');

interface ParsedReply {
  answer: string;
  patch?: unknown;
}

function parseReply(content: string): ParsedReply | string {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return 'it is not valid JSON';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'it is not a JSON object';
  const { answer, patch } = value as { answer?: unknown; patch?: unknown };
  if (typeof answer !== 'string' || !answer.trim()) return 'it has no non-empty "answer" string';
  return { answer: answer.trim(), ...(patch !== undefined && patch !== null ? { patch } : {}) };
}

export async function askModel(llm: LlmClient, description: string, question: string, check: (patch: unknown) => PatchCheck): Promise<ModelOutcome> {
  const messages: ChatMessage[] = [
    { role: 'system', content: MODEL_SYSTEM_PROMPT },
    { role: 'user', content: `${description}\n\nQuestion: ${question}` },
  ];
  for (let attempt = 1; ; attempt++) {
    let reply;
    try {
      reply = await llm.chat({ messages, json: true, temperature: 0 });
    } catch (error) {
      return { ok: false, reason: `the model did not answer: ${(error as Error).message}` };
    }
    const parsed = parseReply(reply.content);
    const last = attempt >= 2;
    if (typeof parsed === 'string') {
      if (last) return { ok: false, reason: `the model's reply was not the JSON asked for (${parsed}), twice` };
      messages.push(
        { role: 'assistant', content: reply.content },
        { role: 'user', content: `Your reply was rejected: ${parsed}. Reply again with one JSON object {"answer": "...", "patch": [...]} and nothing else.` },
      );
      continue;
    }
    if (parsed.patch === undefined) return { ok: true, answer: parsed.answer, model: reply.model };
    const checked = check(parsed.patch);
    if (checked.ok) return { ok: true, answer: parsed.answer, patch: checked.edits, model: reply.model };
    if (last)
      return { ok: true, answer: parsed.answer, model: reply.model, patchNote: `The model proposed a patch that was dropped because ${checked.reason}.` };
    messages.push(
      { role: 'assistant', content: reply.content },
      { role: 'user', content: `Your patch was rejected: ${checked.reason}. Reply again with a corrected patch, or without "patch".` },
    );
  }
}
