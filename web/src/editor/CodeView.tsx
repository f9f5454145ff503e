/** Read-only code with syntax highlighting (CodeMirror, loaded lazily). */
import { useEffect, useRef } from 'react';

export function CodeView({ code, language, label }: { code: string; language: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let destroyed = false;
    let destroy: (() => void) | undefined;
    void import('./codemirror').then(({ createReadOnlyView }) => {
      if (destroyed || !host.current) return;
      const view = createReadOnlyView(host.current, code, language, label);
      destroy = () => view.destroy();
    });
    return () => {
      destroyed = true;
      destroy?.();
    };
  }, [code, language, label]);
  return <div className="code-view" data-testid="code-view" ref={host} />;
}
