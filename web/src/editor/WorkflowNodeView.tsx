/**
 * A node on the canvas: its component's icon, typed ports (coloured), validation and assistant badges, the pinned-data
 * mark, run status, breakpoint toggle.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { ComponentIcon, PinIcon } from './icons';
import { portColor, type WorkflowNode } from './types';

export const WorkflowNodeView = memo(function WorkflowNodeView({ id, data, selected }: NodeProps<WorkflowNode>) {
  const { instance, status, issues, findings, debugging, breakpoint, current, preview } = data;
  const component = instance.component;
  const title = instance.label ?? component.name;
  // A draft: added but not ready to run — what it still needs, from the server's validation.
  const missing = issues.filter((i) => i.code === 'MISSING_INPUT' || i.code === 'CONFIG_MISSING');
  return (
    <div
      className={`wf-node${selected ? ' selected' : ''}${current ? ' current' : ''}${preview ? ` preview-${preview}` : ''}`}
      data-testid={preview === 'ghost' ? `ghost-node-${id}` : `node-${id}`}
      data-preview={preview}
      data-draft={missing.length > 0 || undefined}
      data-pinned={instance.pinnedOutput != null || undefined}
      data-status={status ?? 'idle'}
      data-current={current || undefined}
      style={{ borderTopColor: component.color ?? '#607d8b' }}
    >
      <div className="wf-node-head">
        {/* Named: the title may be a custom label, so the icon is what says which component this is. */}
        <ComponentIcon component={component} label={component.name} testId={`icon-${id}`} />
        <span className="wf-node-title">{title}</span>
        {instance.pinnedOutput != null && (
          <span className="pin-mark" title="Pinned output: runs that use pinned data take it instead of running this node">
            <PinIcon label="Pinned output" testId={`pinned-${id}`} />
          </span>
        )}
        {issues.length > 0 && (
          <span className="badge badge-error" data-testid={`badge-${id}`} title={issues.map((i) => i.message).join('\n')}>
            {issues.length}
          </span>
        )}
        {findings.length > 0 && (
          <span className="badge badge-finding" data-testid={`finding-${id}`} title={findings.join('\n')}>
            !
          </span>
        )}
        {debugging && !preview && (
          <button
            type="button"
            className={`bp nodrag${breakpoint ? ' on' : ''}`}
            data-testid={`breakpoint-${id}`}
            aria-pressed={breakpoint}
            aria-label={`Breakpoint on ${title}`}
            onClick={(e) => {
              e.stopPropagation();
              data.onToggleBreakpoint(id);
            }}
          />
        )}
      </div>
      <div className="wf-node-sub">
        {id} · {component.id}
      </div>
      <div className="wf-ports">
        <div>
          {component.inputs.map((p) => (
            <div key={p.name} className="port in" title={`${p.name}: ${p.type}`}>
              <Handle type="target" position={Position.Left} id={p.name} style={{ background: portColor(p.type) }} />
              {p.name}
              {p.required ? '*' : ''}
            </div>
          ))}
        </div>
        <div>
          {component.outputs.map((p) => (
            <div key={p.name} className="port out" title={`${p.name}: ${p.type}`}>
              {p.name}
              <Handle type="source" position={Position.Right} id={p.name} style={{ background: portColor(p.type) }} />
            </div>
          ))}
        </div>
      </div>
      {missing.length > 0 && (
        <ul className="wf-missing" data-testid={`missing-${id}`} aria-label={`${title} still needs`}>
          {missing.map((i, n) => (
            <li key={n}>{i.code === 'MISSING_INPUT' ? `input ${i.port ?? ''}` : `setting ${(i.field ?? '').replace(/^\//, '')}`}</li>
          ))}
        </ul>
      )}
      {status && <div className="wf-status">{status}</div>}
    </div>
  );
});
