/** Public API of the sandbox module: user code (QuickJS) and outbound HTTP (SSRF guard). */
export { SandboxPool, type SandboxPoolOptions } from './sandbox-pool';
export { QuickJsSandbox, SANDBOX_DEFAULTS, type SandboxLimits, type SandboxOutcome } from './quickjs-sandbox';
export { SandboxError, type SandboxErrorCode } from './sandbox-error';
export { HttpGuard, HttpGuardError, HTTP_GUARD_DEFAULTS, type HttpGuardErrorCode, type HttpGuardOptions, type HostResolver } from './http-guard';
export { AllowList, refusalReasonForAddress, refusalReasonForHostname } from './address-policy';
