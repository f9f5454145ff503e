import type { ChatMessage, LlmClient } from '../components/types';

/**
 * OpenAI-compatible chat and embedding client (OpenAI, LM Studio, Ollama, vLLM, llama.cpp server, …).
 * The base URL is operator configuration, hence trusted: it does not go through the HTTP guard.
 */

export type LlmErrorCode =
  | 'LLM_NOT_CONFIGURED'
  | 'LLM_TIMEOUT'
  | 'LLM_CANCELLED'
  | 'LLM_UNREACHABLE'
  | 'LLM_BAD_RESPONSE'
  /** The server answered with this non-2xx status, e.g. `LLM_HTTP_429`. */
  | `LLM_HTTP_${number}`;

export class LlmError extends Error {
  override readonly name = 'LlmError';
  /** A missing configuration stays missing: the interpreter does not retry it. */
  readonly retryable: boolean;

  constructor(
    readonly code: LlmErrorCode,
    message: string,
  ) {
    super(message);
    this.retryable = code !== 'LLM_NOT_CONFIGURED' && code !== 'LLM_CANCELLED';
  }
}

export interface OpenAiCompatibleOptions {
  /** E.g. `http://127.0.0.1:1234/v1`; unset means "not configured" and every call fails with LLM_NOT_CONFIGURED. */
  baseUrl?: string;
  apiKey?: string;
  /** Default chat model when a request names none. */
  model?: string;
  /** Default embedding model; falls back to `model`. */
  embeddingModel?: string;
  timeoutMs?: number;
}

export const LLM_DEFAULT_TIMEOUT_MS = 60_000;
const NOT_CONFIGURED_HINT = 'set LLM_BASE_URL (e.g. http://127.0.0.1:1234/v1), LLM_API_KEY (if the server needs one) and LLM_MODEL';
/** Enough of an error body to explain it, not enough to flood logs. */
const MAX_ERROR_DETAIL_CHARS = 500;

type ChatRequest = Parameters<LlmClient['chat']>[0];
type ChatResult = Awaited<ReturnType<LlmClient['chat']>>;
type EmbedRequest = Parameters<LlmClient['embed']>[0];

/** undici's and the OS's codes for a connection closed under a request (no answer was read). */
const CONNECTION_RESETS = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

export class OpenAiCompatibleClient implements LlmClient {
  private readonly baseUrl?: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: OpenAiCompatibleOptions = {}) {
    this.baseUrl = options.baseUrl?.trim().replace(/\/+$/, '') || undefined;
    this.timeoutMs = options.timeoutMs ?? LLM_DEFAULT_TIMEOUT_MS;
  }

  get configured(): boolean {
    return this.baseUrl !== undefined;
  }

  async chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    const model = this.pickModel(request.model, this.options.model);
    const payload: Record<string, unknown> = { model, messages: request.messages.map(({ role, content }: ChatMessage) => ({ role, content })) };
    if (request.temperature !== undefined) payload.temperature = request.temperature;
    if (request.maxTokens !== undefined) payload.max_tokens = request.maxTokens;
    if (request.json) payload.response_format = { type: 'json_object' };
    const reply = await this.post('/chat/completions', payload, signal);
    const content = (reply as { choices?: Array<{ message?: { content?: unknown } }> })?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw badResponse('/chat/completions', 'no choices[0].message.content string');
    const answeredModel = (reply as { model?: unknown }).model;
    return { content, model: typeof answeredModel === 'string' ? answeredModel : model, usage: numericFields((reply as { usage?: unknown }).usage) };
  }

  async embed(request: EmbedRequest, signal?: AbortSignal): Promise<number[][]> {
    const model = this.pickModel(request.model, this.options.embeddingModel ?? this.options.model);
    if (request.input.length === 0) return [];
    const reply = await this.post('/embeddings', { model, input: request.input }, signal);
    const data = (reply as { data?: unknown })?.data;
    if (!Array.isArray(data) || data.length !== request.input.length) {
      throw badResponse('/embeddings', `expected ${request.input.length} embeddings in "data"`);
    }
    // Servers may return the items out of order; `index` says which input each belongs to.
    const vectors: number[][] = new Array(request.input.length);
    data.forEach((item: { index?: unknown; embedding?: unknown }, position) => {
      const index = typeof item?.index === 'number' ? item.index : position;
      const embedding = item?.embedding;
      if (
        !Array.isArray(embedding) ||
        !embedding.every((value) => typeof value === 'number') ||
        !Number.isInteger(index) ||
        index < 0 ||
        index >= vectors.length ||
        vectors[index] !== undefined
      ) {
        throw badResponse('/embeddings', `item ${position} is not a numeric embedding with a distinct index`);
      }
      vectors[index] = embedding;
    });
    return vectors;
  }

  private pickModel(requested: string | undefined, fallback: string | undefined): string {
    this.assertConfigured();
    const model = requested || fallback;
    if (!model) throw new LlmError('LLM_NOT_CONFIGURED', `no model chosen: name one on the node or set LLM_MODEL (${NOT_CONFIGURED_HINT})`);
    return model;
  }

  private assertConfigured(): void {
    if (!this.baseUrl) throw new LlmError('LLM_NOT_CONFIGURED', `no LLM server is configured: ${NOT_CONFIGURED_HINT}`);
  }

  private async post(path: string, payload: unknown, signal?: AbortSignal): Promise<unknown> {
    this.assertConfigured();
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const url = `${this.baseUrl}${path}`;
    let text = '';
    let status = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify(payload),
          signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
        });
        status = response.status;
        text = await response.text();
        break;
      } catch (error) {
        if (deadline.aborted) throw new LlmError('LLM_TIMEOUT', `the LLM server at ${this.baseUrl} did not answer ${path} within ${this.timeoutMs} ms`);
        if (signal?.aborted) throw new LlmError('LLM_CANCELLED', `the LLM request to ${path} was cancelled`);
        const cause = (error as { cause?: { message?: string; code?: string } }).cause;
        // A pooled keep-alive connection the server closed as the request went out: once more on a fresh one (as the
        // OpenAI SDKs retry connection errors). Any other failure, or a second reset, is the server's.
        if (attempt === 1 && CONNECTION_RESETS.has(cause?.code ?? '')) continue;
        throw new LlmError('LLM_UNREACHABLE', `could not reach the LLM server at ${this.baseUrl}: ${cause?.message ?? (error as Error).message}`);
      }
    }
    if (status < 200 || status > 299) {
      throw new LlmError(`LLM_HTTP_${status}`, `the LLM server answered ${path} with HTTP ${status}: ${serverMessage(text)}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw badResponse(path, `the body is not JSON: ${truncate(text)}`);
    }
  }
}

/** Reads LLM_BASE_URL, LLM_API_KEY, LLM_MODEL (and optionally LLM_EMBEDDING_MODEL, LLM_TIMEOUT_MS). */
export function llmClientFromEnv(env: NodeJS.ProcessEnv = process.env): OpenAiCompatibleClient {
  const timeoutMs = Number(env.LLM_TIMEOUT_MS);
  return new OpenAiCompatibleClient({
    baseUrl: env.LLM_BASE_URL || undefined,
    apiKey: env.LLM_API_KEY || undefined,
    model: env.LLM_MODEL || undefined,
    embeddingModel: env.LLM_EMBEDDING_MODEL || undefined,
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : undefined,
  });
}

function badResponse(path: string, detail: string): LlmError {
  return new LlmError('LLM_BAD_RESPONSE', `the LLM server's answer to ${path} is malformed: ${detail}`);
}

/** OpenAI-style servers put the reason in `{ error: { message } }` (some use `{ error: "…" }` or `{ message }`). */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message);
    if (typeof message === 'string' && message) return truncate(message);
  } catch {
    // Not JSON: show the raw text.
  }
  return truncate(text) || '(empty body)';
}

function truncate(text: string): string {
  return text.length > MAX_ERROR_DETAIL_CHARS ? `${text.slice(0, MAX_ERROR_DETAIL_CHARS)}…` : text;
}

function numericFields(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  return entries.length ? Object.fromEntries(entries) : undefined;
}
