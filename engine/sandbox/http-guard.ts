import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import type { GuardedHttp } from '../components/types';
import { AllowList, isIpLiteral, normaliseHostname, refusalReasonForAddress, refusalReasonForHostname } from './address-policy';

export type HttpGuardErrorCode = 'HTTP_FORBIDDEN_TARGET' | 'HTTP_TIMEOUT' | 'HTTP_TOO_LARGE' | 'HTTP_BAD_URL' | 'HTTP_FAILED';

export class HttpGuardError extends Error {
  override readonly name = 'HttpGuardError';

  constructor(
    readonly code: HttpGuardErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Resolves a host name to every address it has (injectable so tests never depend on real DNS). */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export interface HttpGuardOptions {
  /** Host names, IP addresses and CIDR ranges that may be reached even though they are not public. */
  allow?: string[];
  resolve?: HostResolver;
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
}

export type GuardedRequest = Parameters<GuardedHttp['request']>[0];
export type GuardedResponse = Awaited<ReturnType<GuardedHttp['request']>>;

export const HTTP_GUARD_DEFAULTS = { timeoutMs: 10_000, maxBodyBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Credentials meant for one origin must not follow a redirect to another. */
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A host checked against the policy, with the exact addresses the connection is allowed to use. */
interface CheckedTarget {
  hostname: string;
  addresses: LookupAddress[];
}

/**
 * `GuardedHttp` for workflow HTTP nodes. Every hop (the first request and each redirect) is checked after DNS
 * resolution, on every resolved address, and the socket is then opened through a `lookup` that can only return those
 * checked addresses, so a DNS answer that changes between check and connect (rebinding) cannot redirect it.
 */
export class HttpGuard implements GuardedHttp {
  private readonly allowList: AllowList;
  private readonly resolve: HostResolver;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly maxRedirects: number;

  constructor(options: HttpGuardOptions = {}) {
    this.allowList = new AllowList(options.allow);
    this.resolve = options.resolve ?? systemResolver;
    this.timeoutMs = options.timeoutMs ?? HTTP_GUARD_DEFAULTS.timeoutMs;
    this.maxBodyBytes = options.maxBodyBytes ?? HTTP_GUARD_DEFAULTS.maxBodyBytes;
    this.maxRedirects = options.maxRedirects ?? HTTP_GUARD_DEFAULTS.maxRedirects;
  }

  /** Reads `HTTP_ALLOWLIST` (comma-separated host names, IPs, CIDRs). */
  static fromEnv(env: NodeJS.ProcessEnv = process.env, options: Omit<HttpGuardOptions, 'allow'> = {}): HttpGuard {
    const allow = (env.HTTP_ALLOWLIST ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    return new HttpGuard({ ...options, allow });
  }

  async request(request: GuardedRequest, signal?: AbortSignal): Promise<GuardedResponse> {
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let url = parseTargetUrl(request.url);
    let method = (request.method ?? 'GET').toUpperCase();
    let body = request.body;
    let headers = { ...(request.headers ?? {}) };
    try {
      for (let hop = 0; ; hop++) {
        const target = await abortable(this.checkTarget(url), combined);
        const response = await this.send(url, target, { method, headers, body }, combined);
        const location = response.headers.location;
        if (!REDIRECT_STATUSES.has(response.status) || !location) return response;
        if (hop >= this.maxRedirects) {
          throw new HttpGuardError('HTTP_FAILED', `too many redirects (more than ${this.maxRedirects}) starting from ${request.url}`);
        }
        const next = parseTargetUrl(location, url);
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = method === 'HEAD' ? 'HEAD' : 'GET';
          body = undefined;
          headers = withoutHeaders(headers, ['content-type', 'content-length']);
        }
        if (next.origin !== url.origin) headers = withoutHeaders(headers, ORIGIN_BOUND_HEADERS);
        url = next;
      }
    } catch (error) {
      throw toGuardError(error, url, { timedOut: deadline.aborted, cancelled: signal?.aborted ?? false, timeoutMs });
    }
  }

  /** Refuses before any connection is attempted; returns the addresses the connection may use. */
  private async checkTarget(url: URL): Promise<CheckedTarget> {
    const hostname = normaliseHostname(url.hostname);
    if (isIpLiteral(hostname)) {
      this.assertAddressAllowed(hostname, hostname);
      return { hostname, addresses: [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }] };
    }
    if (this.allowList.allowsHostname(hostname)) return { hostname, addresses: await this.resolveAll(hostname) };
    const nameReason = refusalReasonForHostname(hostname);
    if (nameReason) throw forbidden(hostname, nameReason);
    const addresses = await this.resolveAll(hostname);
    for (const { address } of addresses) this.assertAddressAllowed(hostname, address);
    return { hostname, addresses };
  }

  private assertAddressAllowed(hostname: string, address: string): void {
    const reason = refusalReasonForAddress(address);
    if (reason && !this.allowList.allowsAddress(address)) {
      throw forbidden(hostname, hostname === address ? reason : `it resolves to ${address}, ${reason}`);
    }
  }

  private async resolveAll(hostname: string): Promise<LookupAddress[]> {
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(hostname);
    } catch (error) {
      throw new HttpGuardError('HTTP_FAILED', `could not resolve host ${hostname}: ${(error as Error).message}`);
    }
    if (addresses.length === 0) throw new HttpGuardError('HTTP_FAILED', `could not resolve host ${hostname}: no addresses`);
    return addresses;
  }

  private async send(
    url: URL,
    target: CheckedTarget,
    init: { method: string; headers: Record<string, string>; body?: string },
    signal: AbortSignal,
  ): Promise<GuardedResponse> {
    // One short-lived agent per hop: its lookup is pinned to this hop's checked addresses, and no pooled socket
    // from an earlier (differently checked) hop can be reused.
    const agent = new Agent({ connect: { lookup: pinnedLookup(target) }, pipelining: 0 });
    try {
      const response = await undiciRequest(url, {
        method: init.method as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body,
        signal,
        dispatcher: agent,
      });
      const headers = flattenHeaders(response.headers);
      if (REDIRECT_STATUSES.has(response.statusCode) && headers.location) {
        await response.body.dump();
        return { status: response.statusCode, headers, body: '' };
      }
      const body = await readCapped(response.body, this.maxBodyBytes, url.hostname, headers['content-length']);
      return { status: response.statusCode, headers, body };
    } finally {
      void agent.destroy().catch(() => undefined);
    }
  }
}

/** A `net.connect` lookup that can only answer with the addresses checked for this hop. */
function pinnedLookup(target: CheckedTarget) {
  return (hostname: string, options: LookupOptions, callback: (...args: any[]) => void): void => {
    if (normaliseHostname(hostname) !== target.hostname) {
      callback(forbidden(hostname, `it is not the checked host ${target.hostname}`));
      return;
    }
    const family = options.family === 4 || options.family === 6 ? options.family : undefined;
    const usable = family ? target.addresses.filter((entry) => entry.family === family) : target.addresses;
    if (usable.length === 0) {
      callback(Object.assign(new Error(`no IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }));
    } else if (options.all) {
      callback(null, usable);
    } else {
      callback(null, usable[0].address, usable[0].family);
    }
  };
}

async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number, host: string, declaredLength?: string): Promise<string> {
  const tooLarge = (detail: string) => new HttpGuardError('HTTP_TOO_LARGE', `response from ${host} is too large: ${detail} (limit ${maxBytes} bytes)`);
  if (declaredLength && Number(declaredLength) > maxBytes) {
    body.destroy();
    throw tooLarge(`declared ${declaredLength} bytes`);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += (chunk as Buffer).length;
    if (received > maxBytes) {
      body.destroy();
      throw tooLarge(`more than ${maxBytes} bytes received`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseTargetUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new HttpGuardError('HTTP_BAD_URL', `not a valid URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpGuardError('HTTP_BAD_URL', `only http and https URLs are allowed, got ${url.protocol.replace(/:$/, '')} in ${JSON.stringify(raw)}`);
  }
  return url;
}

function forbidden(hostname: string, reason: string): HttpGuardError {
  return new HttpGuardError('HTTP_FORBIDDEN_TARGET', `refusing to connect to ${hostname}: ${reason} (add it to HTTP_ALLOWLIST to permit it)`);
}

function toGuardError(error: unknown, url: URL, state: { timedOut: boolean; cancelled: boolean; timeoutMs: number }): HttpGuardError {
  if (error instanceof HttpGuardError) return error;
  if (state.timedOut) return new HttpGuardError('HTTP_TIMEOUT', `request to ${url.host} timed out after ${state.timeoutMs} ms`);
  if (state.cancelled) return new HttpGuardError('HTTP_FAILED', `request to ${url.host} was cancelled`);
  // The pinned lookup reports refusals through the socket, wrapped by undici.
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof HttpGuardError) return cause;
  const detail = [(error as Error).message, cause instanceof Error ? cause.message : undefined].filter(Boolean).join(': ');
  return new HttpGuardError('HTTP_FAILED', `request to ${url.host} failed: ${detail}`);
}

/** DNS lookups cannot be cancelled, but the caller need not wait for them past the deadline. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())));
}
