/**
 * The app's icons: inline SVG (24×24, stroked with the text colour), so they render the same everywhere — the
 * registry's emoji need a colour-emoji font, which many systems (and headless browsers) lack. A component's icon is
 * chosen by its id (`core/llm` → `llm`), then by its registry icon name, then by its category.
 */
import type { ReactNode } from 'react';

const ICONS: Record<string, ReactNode> = {
  input: <path d="M15 3h4a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-4M10 17l5-5-5-5M15 12H3" />,
  output: <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />,
  constant: <path d="M5 9h14M5 15h14" />,
  transform: <path d="M13 2 3 14h9l-1 8 10-12h-9l1-8z" />,
  json_parse: (
    <path d="M8 3H7a2 2 0 0 0-2 2v5a2 2 0 0 1-2 2 2 2 0 0 1 2 2v5a2 2 0 0 0 2 2h1M16 21h1a2 2 0 0 0 2-2v-5a2 2 0 0 1 2-2 2 2 0 0 1-2-2V5a2 2 0 0 0-2-2h-1" />
  ),
  classifier: (
    <>
      <path d="M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L2 12V2h10l8.6 8.6a2 2 0 0 1 0 2.8z" />
      <circle cx="7" cy="7" r="1.5" />
    </>
  ),
  delay: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M12 6v6l4 2" />
    </>
  ),
  code: <path d="m16 18 6-6-6-6M8 6l-6 6 6 6" />,
  template: <path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zM14 2v6h6M8 13h8M8 17h5" />,
  get: (
    <>
      <circle cx="11" cy="11" r="7" />
      <path d="m21 21-4.3-4.3" />
    </>
  ),
  object: <path d="M21 16V8l-9-5-9 5v8l9 5 9-5zM3.3 7 12 12l8.7-5M12 22V12" />,
  condition: (
    <>
      <circle cx="18" cy="6" r="3" />
      <circle cx="6" cy="18" r="3" />
      <path d="M6 3v12M18 9a9 9 0 0 1-9 9" />
    </>
  ),
  map: <path d="m17 1 4 4-4 4M3 11V9a4 4 0 0 1 4-4h14M7 23l-4-4 4-4M21 13v2a4 4 0 0 1-4 4H3" />,
  split: (
    <>
      <circle cx="6" cy="6" r="3" />
      <circle cx="6" cy="18" r="3" />
      <path d="M20 4 8.1 15.9M14.5 14.5 20 20M8.1 8.1 12 12" />
    </>
  ),
  llm: <path d="m12 3 1.9 5.1L19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9zM19 16v5M16.5 18.5h5" />,
  length: <path d="M3 17 17 3l4 4L7 21zM7 13l2 2M10 10l2 2M13 7l2 2" />,
  merge: <path d="M6 3v4a6 6 0 0 0 6 6 6 6 0 0 0 6-6V3M12 13v8" />,
  embedder: (
    <>
      <path d="M3 3v18h18" />
      <circle cx="8" cy="14" r="1.5" />
      <circle cx="13" cy="8" r="1.5" />
      <circle cx="18" cy="13" r="1.5" />
    </>
  ),
  set: <path d="M17 3a2.8 2.8 0 0 1 4 4L7.5 20.5 2 22l1.5-5.5z" />,
  reduce: <path d="M18 4H6l6 8-6 8h12" />,
  join: <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />,
  filter: <path d="M22 3H2l8 9.5V19l4 2v-8.5z" />,
  switch: <path d="M3 12h6M9 12l6-7h6M9 12h12M9 12l6 7h6" />,
  http_request: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2a15 15 0 0 1 4 10 15 15 0 0 1-4 10 15 15 0 0 1-4-10 15 15 0 0 1 4-10z" />
    </>
  ),
};

/** By category, for components the set has no icon of its own for (e.g. published custom components). */
const CATEGORY_ICONS: Record<string, ReactNode> = {
  data: (
    <>
      <ellipse cx="12" cy="5" rx="9" ry="3" />
      <path d="M21 12c0 1.7-4 3-9 3s-9-1.3-9-3M3 5v14c0 1.7 4 3 9 3s9-1.3 9-3V5" />
    </>
  ),
  logic: <path d="M12 2 22 12 12 22 2 12z" />,
  ai: ICONS.llm,
  integration: <path d="M9 2v6M15 2v6M6 8h12v4a6 6 0 0 1-12 0zM12 18v4" />,
};
const GENERIC = <rect x="4" y="4" width="16" height="16" rx="3" />;

/** The icon's key in the set: the component's own, its registry icon name, its category's, or "generic". */
export function iconKey(component: { id: string; icon?: string | null; category?: string | null }): string {
  const own = component.id.replace(/^core\//, '');
  if (Object.hasOwn(ICONS, own)) return own;
  if (component.icon && Object.hasOwn(ICONS, component.icon)) return component.icon;
  if (component.category && Object.hasOwn(CATEGORY_ICONS, component.category)) return `category:${component.category}`;
  return 'generic';
}

function Svg({
  label,
  className,
  testId,
  dataIcon,
  children,
}: {
  label?: string;
  className?: string;
  testId?: string;
  dataIcon?: string;
  children: ReactNode;
}) {
  return (
    <svg
      className={`icon${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      data-testid={testId}
      data-icon={dataIcon}
      // Named when it says something the text next to it does not; decorative otherwise.
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {children}
    </svg>
  );
}

export interface ComponentIconProps {
  component: { id: string; name?: string; icon?: string | null; category?: string | null };
  /** The accessible name; leave out when the component's name is already written next to the icon. */
  label?: string;
  testId?: string;
}

export function ComponentIcon({ component, label, testId }: ComponentIconProps) {
  const key = iconKey(component);
  const shape = key.startsWith('category:') ? CATEGORY_ICONS[key.slice('category:'.length)] : key === 'generic' ? GENERIC : ICONS[key];
  return (
    <Svg label={label} testId={testId} dataIcon={key}>
      {shape}
    </Svg>
  );
}

/** A push pin: the node has pinned data. */
export function PinIcon({ label, testId }: { label?: string; testId?: string }) {
  return (
    <Svg label={label} testId={testId} className="icon-pin">
      <path d="M9 3h6M10 3v7l-3 4h10l-3-4V3M12 14v7" />
    </Svg>
  );
}
