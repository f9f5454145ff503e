/** Hash routes (`#/`, `#/p/<projectId>`): paths under `/` belong to the router's REST shim, so the app stays on `/`. */
import { useEffect, useState } from 'react';

export type Route = { page: 'projects' } | { page: 'project'; projectId: string };

function parse(hash: string): Route {
  const match = /^#\/p\/(.+)$/.exec(hash);
  return match ? { page: 'project', projectId: decodeURIComponent(match[1]) } : { page: 'projects' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const projectHref = (id: string) => `#/p/${encodeURIComponent(id)}`;
export const navigate = (href: string) => {
  location.hash = href.slice(1);
};
