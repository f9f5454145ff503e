/**
 * The outside world a run may touch, built from the environment: the OpenAI-compatible provider (LLM_*), outbound
 * HTTP through the guard (HTTP_ALLOWLIST), and the QuickJS sandbox for user code
 * (on a pool of worker threads, so user code never runs on the caller's thread). One per thread that runs the
 * interpreter (run threads and debug host threads).
 */
import { HttpGuard, SandboxPool } from '../sandbox';
import { llmClientFromEnv } from './llm-client';
import type { WorldServices } from './types';

export function worldServicesFromEnv(env: NodeJS.ProcessEnv = process.env): WorldServices {
  return { llm: llmClientFromEnv(env), http: HttpGuard.fromEnv(env), sandbox: SandboxPool.fromEnv(env) };
}
