/**
 * One deployment's background work, resumable from any unfinished status: BUILDING (get the program — generated,
 * or stored from an earlier run or a rollback — and build the target's artefacts), DEPLOYING, then READY
 * (artefact targets) or RUNNING (LOCAL, once the program answers /health). A user's cancel wins over every step
 * (status writes are conditional); a shutdown of this service aborts the work without a status change, so the next
 * start resumes it.
 */
import path from 'node:path';
import type { Logger } from '../../platform/logger';
import { buildArtifacts, dnsLabel } from './artifacts';
import type { DeploymentLifecycle } from './deployment-lifecycle';
import type { DeploymentRecord, DeploymentStore, StoredFile } from './deployment-store';
import { assertLocalEnv } from './environment-config';
import { sandboxTools, type SandboxLimits, type SandboxTools } from './local-sandbox';
import { LocalSupervisor } from './local-supervisor';
import { findProgramEntry } from './program-entry';
import type { ProgramSource } from './program-source';

export interface RunnerOptions {
  store: DeploymentStore;
  lifecycle: DeploymentLifecycle;
  programs: ProgramSource;
  /** Each deployment's working directory lives under it. */
  workRoot: string;
  log: Logger;
  /** Multi-user mode (authentication on): LOCAL programs run isolated, or not at all. */
  multiUser: boolean;
  /** The operator's HTTP_ALLOWLIST, for the generated programs' outbound guard. */
  httpAllowlist?: string;
  /** What an isolated program may use (multi-user mode). */
  sandboxLimits: SandboxLimits;
}

/** How a LOCAL program is reached when isolated: through the router, which checks the caller's project access. */
export const isolatedEndpoint = (deploymentId: string) => `/deployments/${deploymentId}/endpoint`;

/** Signals shutdown or a user's cancel, whichever comes first. */
const eitherSignal = (a: AbortSignal, b: AbortSignal) => AbortSignal.any([a, b]);

export class DeploymentRunner {
  readonly supervisor: LocalSupervisor;
  private readonly cancels = new Map<string, AbortController>();

  constructor(private readonly options: RunnerOptions) {
    this.supervisor = new LocalSupervisor((id, reason) => void this.processEnded(id, reason));
  }

  directoryOf(deploymentId: string) {
    return path.join(this.options.workRoot, deploymentId);
  }

  /** Stops in-flight work for a deployment the user cancelled (the status is already CANCELLED). */
  abort(deploymentId: string) {
    this.cancels.get(deploymentId)?.abort();
  }

  async run(deploymentId: string, shutdown: AbortSignal): Promise<void> {
    const cancel = new AbortController();
    this.cancels.set(deploymentId, cancel);
    const signal = eitherSignal(shutdown, cancel.signal);
    try {
      await this.steps(deploymentId, signal);
    } catch (err) {
      if (signal.aborted) return;
      const reason = err instanceof Error ? err.message : String(err);
      await this.options.lifecycle.transition(deploymentId, 'FAILED', { reason, patch: { endpoint: null } });
    } finally {
      this.cancels.delete(deploymentId);
    }
  }

  private async steps(id: string, signal: AbortSignal) {
    const { store, lifecycle } = this.options;
    let record: DeploymentRecord | null | undefined = await store.get(id);
    if (!record || !['PENDING', 'BUILDING', 'DEPLOYING'].includes(record.status)) return;
    if (record.status === 'PENDING') {
      record = await lifecycle.transition(id, 'BUILDING', { log: [{ level: 'info', message: `building ${record.target} for ${record.environment}` }] });
      if (!record) return;
    }
    const program = await this.program(record, signal);
    if (signal.aborted) return;
    const entry = findProgramEntry(record.language, program.files);
    if (record.status === 'BUILDING') {
      const artifacts = buildArtifacts(record.target, {
        name: dnsLabel(record.projectName),
        projectId: record.projectId,
        projectVersion: program.projectVersion,
        deploymentId: id,
        program: entry,
        config: record.config,
        image: `visual-builder/${dnsLabel(record.projectName)}:v${program.projectVersion}`,
      });
      await store.putFiles(id, 'artifact', artifacts);
      record = await lifecycle.transition(id, 'DEPLOYING', {
        patch: { projectVersion: program.projectVersion, codeArtifactId: program.artifactId },
        log: [
          {
            level: 'info',
            message: `program ${entry.entry} (${entry.language}, ${program.files.length} files); artefacts: ${artifacts.map((a) => a.path).join(', ') || 'none'}`,
          },
        ],
      });
      if (!record) return;
    }
    if (signal.aborted) return;
    if (record.target !== 'LOCAL') {
      await lifecycle.transition(id, 'READY', { log: [{ level: 'info', message: 'artefacts are ready to download' }] });
      return;
    }
    assertLocalEnv(record.config.env);
    const sandbox = this.isolation();
    const local = await this.supervisor.start({
      deploymentId: id,
      directory: this.directoryOf(id),
      files: program.files,
      program: entry,
      port: record.config.local.port,
      env: record.config.env,
      startupTimeoutMs: record.config.local.startup_timeout_seconds * 1000,
      signal,
      sandbox,
      httpAllowlist: this.options.httpAllowlist,
    });
    const endpoint = sandbox ? isolatedEndpoint(id) : `http://127.0.0.1:${local.port}`;
    const how = sandbox
      ? `isolated (bubblewrap: own uid ${local.uid ?? 'namespace'}, own pid and network namespaces, no platform files; outbound ${sandbox.tools.slirp4netns ? 'through slirp4netns without the host loopback' : 'none: slirp4netns is not installed'}); reached through the router at ${endpoint}`
      : `single-user mode: running natively as this machine's user, not isolated (your own code on your own machine); answers on ${endpoint}`;
    const running = await lifecycle.transition(id, 'RUNNING', {
      patch: { process: local, endpoint },
      log: [{ level: 'info', message: `pid ${local.pid}: ${how}` }],
    });
    // Cancelled (or shut down) while the program was starting: it must not outlive its deployment.
    if (!running) await this.supervisor.stop(id, local);
  }

  /** Multi-user mode: the isolation tools and limits, or a failure naming what to install. Single-user mode: none (native). */
  private isolation(): { tools: SandboxTools; limits: SandboxLimits } | undefined {
    if (!this.options.multiUser) return undefined;
    const found = sandboxTools();
    if ('missing' in found) throw new Error(found.missing);
    return { tools: found.tools, limits: this.options.sandboxLimits };
  }

  /** The stored program (a resumed run or a rollback), else a freshly generated one, stored before use. */
  private async program(record: DeploymentRecord, signal: AbortSignal): Promise<{ files: StoredFile[]; projectVersion: number; artifactId: string | null }> {
    const stored = await this.options.store.files(record.id, 'program');
    if (stored.length) return { files: stored, projectVersion: record.projectVersion, artifactId: record.codeArtifactId };
    let generated;
    try {
      generated = await this.options.programs.load({
        projectId: record.projectId,
        projectVersion: record.projectVersion,
        language: record.language,
        identity: { sub: record.ownerId, via: 'service' },
        signal,
      });
    } catch (err) {
      throw new Error(`code generation failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!generated.files.length) throw new Error('code generation returned no files');
    await this.options.store.putFiles(record.id, 'program', generated.files);
    return generated;
  }

  private async processEnded(id: string, reason: string) {
    await this.options.lifecycle
      .transition(id, 'FAILED', { reason, patch: { endpoint: null } })
      .catch((err) => this.options.log.error({ err }, 'could not record a program exit'));
  }
}
