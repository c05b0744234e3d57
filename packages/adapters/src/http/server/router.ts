import type { Route } from './route.js';

/** What the router found for a method and path. */
export type Match =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  /** The path exists, not with this method. */
  | { kind: 'method'; allow: string[] }
  | { kind: 'none' };

interface Compiled {
  route: Route;
  segments: string[];
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function matchPath(
  segments: readonly string[],
  parts: readonly string[],
): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const want = segments[i]!;
    const part = parts[i]!;
    if (want.startsWith(':')) {
      const value = decode(part);
      if (!value) return null;
      params[want.slice(1)] = value;
    } else if (want !== part) {
      return null;
    }
  }
  return params;
}

const isGet = (route: Route) => route.method === 'GET';

/**
 * A router over a route table: splits the path below the base path and
 * finds the route, or tells a wrong method (405) from an unknown path.
 * HEAD is served by the GET route of the same path.
 */
export function createRouter(routes: readonly Route[]) {
  const compiled: Compiled[] = routes.map((route) => ({
    route,
    segments: route.path.split('/').slice(1),
  }));

  return (method: string, path: string): Match => {
    const parts = path.split('/').slice(1);
    const allow: string[] = [];
    for (const { route, segments } of compiled) {
      const params = matchPath(segments, parts);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && isGet(route))) {
        return { kind: 'route', route, params };
      }
      allow.push(...(isGet(route) ? ['GET', 'HEAD'] : [route.method]));
    }
    return allow.length ? { kind: 'method', allow } : { kind: 'none' };
  };
}
