/** One field per input node; the values are kept by the editor so run and debug share them. */
import type { InputField } from './inputs';

export function InputsForm({
  fields,
  values,
  onChange,
}: {
  fields: InputField[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}) {
  if (fields.length === 0) return <p className="muted">This workflow has no input nodes.</p>;
  return (
    <fieldset className="run-inputs" data-testid="run-inputs">
      <legend>Inputs</legend>
      {fields.map((f) => (
        <div key={f.name} className="field">
          <label htmlFor={`input-${f.name}`}>
            {f.name} <small className="muted">{f.type}</small>
            {f.required ? ' *' : ''}
          </label>
          <textarea
            id={`input-${f.name}`}
            data-testid={`run-input-${f.name}`}
            rows={f.type === 'string' ? 1 : 3}
            value={values[f.name] ?? ''}
            onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}
