/** The component palette by category, with search. Drag an item onto the canvas, or press it to add at the centre. */
import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { CatalogQuery } from '../operations';
import { ComponentIcon } from './icons';

export const DRAG_TYPE = 'application/x-vb-component';

export function Palette({ onAdd }: { onAdd: (componentId: string) => void }) {
  const { data } = useQuery(CatalogQuery);
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const term = search.trim().toLowerCase();
    const byCategory = new Map<string, NonNullable<typeof data>['components']>();
    for (const c of data?.components ?? []) {
      if (term && !`${c.name} ${c.id} ${c.description} ${c.category}`.toLowerCase().includes(term)) continue;
      byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c]);
    }
    return [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [data, search]);
  return (
    <nav className="palette" data-testid="palette" aria-label="Components">
      <input type="search" aria-label="Search components" placeholder="Search components" value={search} onChange={(e) => setSearch(e.target.value)} />
      {groups.map(([category, components]) => (
        <section key={category}>
          <h3>{category}</h3>
          <ul>
            {components.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  draggable
                  data-testid={`palette-item-${c.id}`}
                  title={c.description}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, c.id);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => onAdd(c.id)}
                >
                  <ComponentIcon component={c} /> {c.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
