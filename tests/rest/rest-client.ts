/** A legacy REST client for tests: real HTTP to the router, JSON in, the envelope out. */
import { request } from 'undici';

export interface RestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { status: 'success' | 'error'; data: T; message?: string; timestamp: string } & Record<string, any>;
  text: string;
}

export function restClient(baseUrl: string) {
  async function send<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RestResponse<T>> {
    const raw = typeof body === 'string' || body instanceof Buffer;
    const response = await request(`${baseUrl}${path}`, {
      method: method as 'GET',
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body),
    });
    const text = await response.body.text();
    let parsed: any;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.statusCode, headers: response.headers, body: parsed, text };
  }
  return {
    send,
    get: <T = any>(path: string, headers?: Record<string, string>) => send<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => send<T>('POST', path, body, headers),
    put: <T = any>(path: string, body?: unknown) => send<T>('PUT', path, body),
    del: <T = any>(path: string) => send<T>('DELETE', path),
  };
}

export type RestClient = ReturnType<typeof restClient>;

/** Asserts an error envelope with this status (and code) and returns it. */
export function expectError(response: RestResponse, status: number, code?: string): { status: 'error'; data: any; message: string; timestamp: string } {
  if (response.status !== status || response.body?.status !== 'error' || (code && response.body.data?.code !== code)) {
    throw new Error(`expected ${status}${code ? ` ${code}` : ''}, got ${response.status}: ${response.text.slice(0, 500)}`);
  }
  return response.body as { status: 'error'; data: any; message: string; timestamp: string };
}

/** Asserts a success envelope and returns its data. */
export function expectOk<T = any>(response: RestResponse<T>): T {
  if (response.status !== 200 || response.body?.status !== 'success')
    throw new Error(`expected 200 success, got ${response.status}: ${response.text.slice(0, 800)}`);
  if (typeof response.body.timestamp !== 'string' || Number.isNaN(Date.parse(response.body.timestamp))) throw new Error('envelope timestamp missing');
  return response.body.data;
}
