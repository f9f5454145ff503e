import { findBuiltinComponent } from '../../../engine/components';
import type { LlmClient } from '../../../engine/components/types';
import { OpenAiCompatibleClient } from '../../../engine/runtime/llm-client';
import { FAKE_MODEL, fakeEmbedding, startFakeOpenAi, type FakeOpenAi } from '../../support/fake-openai';
import { invalidFields, run } from './run-context';

const def = (id: string) => findBuiltinComponent(id)!;

type ChatRequest = Parameters<LlmClient['chat']>[0];

/** An LLM double answering from a script and recording what it was asked (the real server is tested elsewhere). */
function scriptedLlm(reply: (request: ChatRequest) => string, vectors?: (input: string[]) => number[][]) {
  const chats: ChatRequest[] = [];
  const embeds: string[][] = [];
  const llm: LlmClient = {
    async chat(request) {
      chats.push(request);
      return { content: reply(request), model: request.model ?? 'default-model' };
    },
    async embed(request) {
      embeds.push(request.input);
      return vectors ? vectors(request.input) : request.input.map((text) => [text.length, 1]);
    },
  };
  return { llm, chats, embeds };
}

describe('llm', () => {
  const llmDef = def('core/llm');
  it('sends the system message and prompt with the configured settings', async () => {
    const { llm, chats } = scriptedLlm(() => 'Paris');
    const result = await run(llmDef, { system: 'Be brief.', model: 'm1', maxTokens: 20 }, { inputs: { prompt: 'Capital of France?' }, services: { llm } });
    expect(result).toEqual({ text: 'Paris' });
    expect(chats).toEqual([
      {
        model: 'm1',
        temperature: 0,
        maxTokens: 20,
        json: false,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Capital of France?' },
        ],
      },
    ]);
  });
  it('in JSON mode emits the parsed reply on json, and only the text when it does not parse', async () => {
    const parsed = scriptedLlm(() => '{"answer": 42}');
    await expect(run(llmDef, { json: true }, { inputs: { prompt: 'q' }, services: { llm: parsed.llm } })).resolves.toEqual({
      text: '{"answer": 42}',
      json: { answer: 42 },
    });
    const prose = scriptedLlm(() => 'not json');
    await expect(run(llmDef, { json: true }, { inputs: { prompt: 'q' }, services: { llm: prose.llm } })).resolves.toEqual({ text: 'not json' });
  });
  it('rejects a non-string prompt and bad config', async () => {
    await expect(run(llmDef, {}, { inputs: { prompt: { text: 'x' } } })).rejects.toThrow('input "prompt": expected string, got object');
    expect(invalidFields(llmDef, { temperature: 3, maxTokens: 0 }).sort()).toEqual(['/maxTokens', '/temperature']);
  });
});

describe('classifier', () => {
  const classifier = def('core/classifier');
  const labels = ['positive', 'negative', 'neutral'];
  it('asks for JSON naming the labels and returns the canonical label', async () => {
    const { llm, chats } = scriptedLlm(() => '{"label": "Negative"}');
    await expect(run(classifier, { labels }, { inputs: { text: 'awful' }, services: { llm } })).resolves.toEqual({ label: 'negative' });
    expect(chats[0].json).toBe(true);
    expect(chats[0].messages[0].content).toContain('one of these labels: ["positive","negative","neutral"]');
    expect(chats[0].messages[1]).toEqual({ role: 'user', content: 'awful' });
  });
  it('accepts a bare label reply', async () => {
    const { llm } = scriptedLlm(() => ' neutral \n');
    await expect(run(classifier, { labels }, { inputs: { text: 'meh' }, services: { llm } })).resolves.toEqual({ label: 'neutral' });
  });
  it('fails clearly when the reply names no label', async () => {
    const { llm } = scriptedLlm(() => '{"label": "angry"}');
    await expect(run(classifier, { labels }, { inputs: { text: 'grr' }, services: { llm } })).rejects.toMatchObject({
      code: 'LLM_INVALID_RESPONSE',
      message: 'node "node1": the model replied "{\\"label\\": \\"angry\\"}", which names none of the labels positive, negative, neutral',
    });
  });
  it('rejects bad input and bad config', async () => {
    await expect(run(classifier, { labels }, { inputs: { text: 3 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(invalidFields(classifier, { labels: ['only'] })).toEqual(['/labels']);
    expect(invalidFields(classifier, { labels: ['a', ''] })).toEqual(['/labels/1']);
  });
});

describe('embedder', () => {
  const embedder = def('core/embedder');
  it('embeds one string on embedding and an array on embeddings', async () => {
    const { llm, embeds } = scriptedLlm(() => '');
    await expect(run(embedder, { model: 'e1' }, { inputs: { text: 'abc' }, services: { llm } })).resolves.toEqual({ embedding: [3, 1] });
    await expect(run(embedder, {}, { inputs: { text: ['a', 'bb'] }, services: { llm } })).resolves.toEqual({
      embeddings: [
        [1, 1],
        [2, 1],
      ],
    });
    expect(embeds).toEqual([['abc'], ['a', 'bb']]);
  });
  it('fails when the service returns the wrong number of vectors', async () => {
    const { llm } = scriptedLlm(
      () => '',
      () => [[1]],
    );
    await expect(run(embedder, {}, { inputs: { text: ['a', 'b'] }, services: { llm } })).rejects.toThrow('asked for 2 embedding(s), received 1');
  });
  it('rejects bad input and bad config', async () => {
    await expect(run(embedder, {}, { inputs: { text: ['a', 2] } })).rejects.toThrow('expected a string or an array of strings');
    expect(invalidFields(embedder, { model: 5 })).toEqual(['/model']);
  });
});

describe('AI components against the fake OpenAI server with the real client', () => {
  let server: FakeOpenAi;
  let llm: OpenAiCompatibleClient;
  beforeAll(async () => {
    server = await startFakeOpenAi();
    llm = new OpenAiCompatibleClient({ baseUrl: server.url, model: FAKE_MODEL });
  });
  afterAll(() => server.close());

  it('llm: sends the conversation over HTTP and emits the reply, parsed in JSON mode', async () => {
    await expect(run(def('core/llm'), { system: 'Be brief.' }, { inputs: { prompt: 'hello' }, services: { llm } })).resolves.toEqual({ text: 'echo: hello' });
    const last = server.requests[server.requests.length - 1];
    expect(last.body).toMatchObject({
      model: FAKE_MODEL,
      temperature: 0,
      max_tokens: 1024,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello' },
      ],
    });
    await expect(run(def('core/llm'), { json: true }, { inputs: { prompt: 'hi' }, services: { llm } })).resolves.toEqual({
      text: '{"echo":"hi"}',
      json: { echo: 'hi' },
    });
  });

  it('classifier: the labels reach the model and its JSON reply is validated', async () => {
    await expect(
      run(def('core/classifier'), { labels: ['billing', 'bug', 'other'] }, { inputs: { text: 'I found a bug in the app' }, services: { llm } }),
    ).resolves.toEqual({ label: 'bug' });
    server.setHandler(() => '{"label":"refund"}');
    try {
      await expect(run(def('core/classifier'), { labels: ['billing', 'bug'] }, { inputs: { text: 'x' }, services: { llm } })).rejects.toMatchObject({
        code: 'LLM_INVALID_RESPONSE',
      });
    } finally {
      server.setHandler();
    }
  });

  it('embedder: one vector per text, the same text giving the same vector', async () => {
    const single = (await run(def('core/embedder'), {}, { inputs: { text: 'agent' }, services: { llm } })) as { embedding: number[] };
    const many = (await run(def('core/embedder'), {}, { inputs: { text: ['workflow', 'agent'] }, services: { llm } })) as { embeddings: number[][] };
    expect(single.embedding).toEqual(fakeEmbedding('agent'));
    expect(many.embeddings).toEqual([fakeEmbedding('workflow'), fakeEmbedding('agent')]);
  });

  it('fails with a clear error naming the variables when no LLM is configured', async () => {
    await expect(run(def('core/llm'), {}, { inputs: { prompt: 'x' }, services: { llm: new OpenAiCompatibleClient({}) } })).rejects.toThrow('LLM_BASE_URL');
  });
});
