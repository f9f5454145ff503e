import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LlmError, OpenAiCompatibleClient, llmClientFromEnv } from '../../../engine/runtime/llm-client';
import { FAKE_EMBEDDING_DIMENSIONS, fakeEmbedding, startFakeOpenAi, type FakeOpenAi } from '../../support/fake-openai';

async function llmFailure(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LlmError);
    return error as LlmError;
  }
  throw new Error('expected the LLM call to fail');
}

describe('OpenAiCompatibleClient against a fake OpenAI server over HTTP', () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-test' });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.setHandler();
    fake.requests.length = 0;
  });
  const client = (extra: { timeoutMs?: number } = {}) =>
    llmClientFromEnv({
      LLM_BASE_URL: fake.url,
      LLM_API_KEY: 'sk-test',
      LLM_MODEL: 'test-model',
      ...(extra.timeoutMs ? { LLM_TIMEOUT_MS: String(extra.timeoutMs) } : {}),
    });

  it('chats: sends the OpenAI request and returns the content, model and usage', async () => {
    const result = await client().chat({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello world' },
      ],
      temperature: 0.2,
      maxTokens: 50,
    });
    expect(result).toEqual({ content: 'echo: hello world', model: 'test-model', usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 } });
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(request.body).toEqual({
      model: 'test-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello world' },
      ],
      temperature: 0.2,
      max_tokens: 50,
    });
  });

  it('asks for a JSON object in JSON mode, and a request model overrides LLM_MODEL', async () => {
    const result = await client().chat({ model: 'other-model', messages: [{ role: 'user', content: 'hi' }], json: true });
    expect(JSON.parse(result.content)).toEqual({ echo: 'hi' });
    expect(result.model).toBe('other-model');
    expect(fake.requests[0].body.response_format).toEqual({ type: 'json_object' });
  });

  it('classifies with the documented default rule', async () => {
    const system = { role: 'system' as const, content: 'Classify the text into one of ["billing", "bug", "other"]. Answer with the label.' };
    const pick = async (text: string) => (await client().chat({ messages: [system, { role: 'user', content: text }] })).content;
    expect(await pick('My invoice shows a wrong Billing address')).toBe('billing');
    expect(await pick('The app crashes: looks like a bug')).toBe('bug');
    expect(await pick('Nothing matches here')).toBe('billing');
  });

  it('embeds: deterministic, normalised vectors in input order', async () => {
    const vectors = await client().embed({ input: ['alpha', 'beta', 'alpha'] });
    expect(vectors).toHaveLength(3);
    expect(vectors[0]).toHaveLength(FAKE_EMBEDDING_DIMENSIONS);
    expect(vectors[0]).toEqual(vectors[2]);
    expect(vectors[0]).not.toEqual(vectors[1]);
    expect(Math.hypot(...vectors[1])).toBeCloseTo(1, 10);
    expect(vectors[1]).toEqual(fakeEmbedding('beta'));
    expect(fake.requests[0].path).toBe('/v1/embeddings');
    expect(fake.requests[0].body).toEqual({ model: 'test-model', input: ['alpha', 'beta', 'alpha'] });
  });

  it('puts embeddings returned out of order back in input order', async () => {
    fake.setHandler(() => ({
      status: 200,
      body: {
        data: [
          { index: 1, embedding: [0, 1] },
          { index: 0, embedding: [1, 0] },
        ],
      },
    }));
    await expect(client().embed({ input: ['a', 'b'] })).resolves.toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('sends the key as a Bearer token; a wrong key gets the server’s 401 message', async () => {
    const wrongKey = new OpenAiCompatibleClient({ baseUrl: fake.url, apiKey: 'sk-wrong', model: 'm' });
    const error = await llmFailure(wrongKey.chat({ messages: [{ role: 'user', content: 'x' }] }));
    expect(error.code).toBe('LLM_HTTP_401');
    expect(error.message).toContain('Incorrect API key');
    const noKey = new OpenAiCompatibleClient({ baseUrl: fake.url, model: 'm' });
    await llmFailure(noKey.chat({ messages: [{ role: 'user', content: 'x' }] }));
    expect(fake.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('reports a server error with its status and message', async () => {
    fake.setHandler(() => ({ status: 500, body: { error: { message: 'model crashed', type: 'server_error' } } }));
    const error = await llmFailure(client().chat({ messages: [{ role: 'user', content: 'x' }] }));
    expect(error.code).toBe('LLM_HTTP_500');
    expect(error.message).toContain('model crashed');
  });

  it('reports garbage bodies and wrong shapes as LLM_BAD_RESPONSE', async () => {
    fake.setHandler(() => ({ status: 200, body: '<html>definitely not json' }));
    expect((await llmFailure(client().chat({ messages: [{ role: 'user', content: 'x' }] }))).code).toBe('LLM_BAD_RESPONSE');
    fake.setHandler(() => ({ status: 200, body: { choices: [] } }));
    expect((await llmFailure(client().chat({ messages: [{ role: 'user', content: 'x' }] }))).code).toBe('LLM_BAD_RESPONSE');
    fake.setHandler(() => ({ status: 200, body: { data: [{ index: 0, embedding: ['x'] }] } }));
    expect((await llmFailure(client().embed({ input: ['a'] }))).code).toBe('LLM_BAD_RESPONSE');
    fake.setHandler(() => ({ status: 200, body: { data: [] } }));
    expect((await llmFailure(client().embed({ input: ['a'] }))).code).toBe('LLM_BAD_RESPONSE');
  });

  it('times out a slow server', async () => {
    fake.setHandler(() => ({ delayMs: 2_000, reply: 'too late' }));
    const started = Date.now();
    const error = await llmFailure(client({ timeoutMs: 150 }).chat({ messages: [{ role: 'user', content: 'x' }] }));
    expect(error.code).toBe('LLM_TIMEOUT');
    expect(error.message).toContain('150 ms');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('stops when the caller aborts', async () => {
    fake.setHandler(() => ({ delayMs: 2_000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await llmFailure(client().chat({ messages: [{ role: 'user', content: 'x' }] }, controller.signal));
    expect(error.code).toBe('LLM_CANCELLED');
  });

  it('a custom handler string becomes the chat content', async () => {
    fake.setHandler((request) => `custom for ${request.body.messages.at(-1).content}`);
    expect((await client().chat({ messages: [{ role: 'user', content: 'q' }] })).content).toBe('custom for q');
  });

  it('serves the model list', async () => {
    const response = await fetch(`${fake.url}/models`, { headers: { authorization: 'Bearer sk-test' } });
    expect((await response.json()).data[0].id).toBe('fake-model');
  });
});

describe('OpenAiCompatibleClient configuration', () => {
  it('fails clearly, naming the three variables, when LLM_BASE_URL is unset', async () => {
    const unconfigured = llmClientFromEnv({});
    expect(unconfigured.configured).toBe(false);
    for (const call of [unconfigured.chat({ messages: [{ role: 'user', content: 'x' }] }), unconfigured.embed({ input: ['x'] })]) {
      const error = await llmFailure(call);
      expect(error.code).toBe('LLM_NOT_CONFIGURED');
      for (const name of ['LLM_BASE_URL', 'LLM_API_KEY', 'LLM_MODEL']) expect(error.message).toContain(name);
    }
  });

  it('fails clearly when no model is chosen', async () => {
    const error = await llmFailure(llmClientFromEnv({ LLM_BASE_URL: 'http://127.0.0.1:9/v1' }).chat({ messages: [{ role: 'user', content: 'x' }] }));
    expect(error.code).toBe('LLM_NOT_CONFIGURED');
    expect(error.message).toContain('LLM_MODEL');
  });

  it('sends a request once more when the connection is reset under it, and only once', async () => {
    // A server that destroys the socket of the first `resets` requests (what a keep-alive connection closed by the
    // server as the request went out looks like to the client), then answers.
    const resetting = async (resets: number): Promise<{ server: Server; url: string; requests: () => number }> => {
      let requests = 0;
      const server = createServer((req, res) => {
        req.resume();
        if (++requests <= resets) return req.socket.destroy();
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ model: 'm', choices: [{ message: { role: 'assistant', content: 'after a reset' } }] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests: () => requests };
    };
    const once = await resetting(1);
    const twice = await resetting(2);
    try {
      const answer = await new OpenAiCompatibleClient({ baseUrl: once.url, model: 'm' }).chat({ messages: [{ role: 'user', content: 'x' }] });
      expect(answer.content).toBe('after a reset');
      expect(once.requests()).toBe(2);
      const error = await llmFailure(new OpenAiCompatibleClient({ baseUrl: twice.url, model: 'm' }).chat({ messages: [{ role: 'user', content: 'x' }] }));
      expect(error.code).toBe('LLM_UNREACHABLE');
      expect(twice.requests()).toBe(2);
    } finally {
      once.server.close();
      twice.server.close();
    }
  });

  it('reports an unreachable server', async () => {
    const fake = await startFakeOpenAi();
    const url = fake.url;
    await fake.close();
    const error = await llmFailure(new OpenAiCompatibleClient({ baseUrl: url, model: 'm' }).chat({ messages: [{ role: 'user', content: 'x' }] }));
    expect(error.code).toBe('LLM_UNREACHABLE');
    expect(error.message).toContain(url);
  });
});
