import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import loadEmscriptenModule from '@jitl/quickjs-wasmfile-release-sync/emscripten-module';
import { newQuickJSWASMModuleFromVariant, type QuickJSSyncVariant, type QuickJSWASMModule } from 'quickjs-emscripten';

/**
 * The stock variant loads its WASM glue with a dynamic `import()`, which Jest's CommonJS runtime refuses;
 * a static import of the same file works everywhere.
 */
const releaseSyncVariant: QuickJSSyncVariant = {
  ...RELEASE_SYNC,
  importModuleLoader: () => Promise.resolve(loadEmscriptenModule),
};

/**
 * The QuickJS WebAssembly module, loaded once and shared by every sandbox run (loading takes tens of milliseconds,
 * a runtime inside it takes microseconds).
 */
let loading: Promise<QuickJSWASMModule> | undefined;
let loaded: QuickJSWASMModule | undefined;

export function loadQuickJsModule(): Promise<QuickJSWASMModule> {
  if (!loading) {
    const attempt = newQuickJSWASMModuleFromVariant(releaseSyncVariant).then((module) => {
      loaded = module;
      return module;
    });
    loading = attempt;
    // A failed load must not be cached forever; the next run tries again.
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
  }
  return loading;
}

/**
 * Forget the loaded module. Used after the host's own stack overflowed inside WebAssembly: the trap unwinds the
 * WASM frames without restoring QuickJS's internal state, so that module instance must never be used again.
 * Its memory is reclaimed by the garbage collector once nothing refers to it.
 */
export function discardQuickJsModule(module: QuickJSWASMModule): void {
  if (loaded === module) {
    loaded = undefined;
    loading = undefined;
  }
}
