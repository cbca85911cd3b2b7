import type { Field } from './inspect.ts';

/** Fields as a description list: names in the paper's words, values as text. */
export function FieldList({ fields, label }: { fields: readonly Field[]; label?: string }) {
  return (
    <dl className="rv-fields" aria-label={label}>
      {fields.map((f) => (
        <div key={f.name} className="rv-fields__item">
          <dt>{f.name}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
