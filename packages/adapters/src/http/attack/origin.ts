import { ROUTES } from '../server/routes.js';
import { type Answer, send, targetsFor, victimIds } from './routes.js';
import { createTally, type Leak } from './tally.js';
import type { Site, World } from './world.js';

/** Origins that are not the site's, some made to look like it. */
function foreignOrigins(site: Site, other: Site): string[] {
  const host = new URL(site.origin).host;
  return [
    'https://evil.test',
    'null',
    `https://${host}.evil.test`,
    `http://${host}`,
    `https://${host}:8443`,
    `https://evil${host}`,
    `https://sub.${host}`,
    other.origin,
  ];
}

function corsLeak(answer: Answer, origin: string): string | null {
  if (answer.headers.has('access-control-allow-credentials')) {
    return 'Access-Control-Allow-Credentials sent';
  }
  const allow = answer.headers.get('access-control-allow-origin');
  if (allow === '*' || allow === origin) return `allows ${allow}`;
  return null;
}

/**
 * Foreign `Origin` on every route of both sites, as real requests and
 * as preflights: no `Access-Control-Allow-Origin` for an unlisted
 * origin, never `Access-Control-Allow-Credentials`. The site's own
 * origin is allowed (the control).
 */
export async function originAttacks(world: World, leaks: Leak[]) {
  const tally = createTally('foreign Origin', leaks);
  const [a, b] = world.sites;
  for (const [site, other] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const target of targetsFor(victimIds(site), ROUTES)) {
      for (const origin of foreignOrigins(site, other)) {
        const headers = { ...target.headers, origin };
        const real = await send(site.api, { ...target, headers });
        tally.saw(real.status);
        const realLeak =
          corsLeak(real, origin) ??
          (real.status >= 500 ? `status ${real.status}` : null);
        if (realLeak) {
          tally.leak(
            `${target.method} ${target.path} from ${origin}: ${realLeak}`,
            real.status,
          );
        } else tally.refused();
        const preflight = await send(site.api, {
          method: 'OPTIONS',
          path: target.path,
          headers: {
            origin,
            'access-control-request-method': target.method,
            'access-control-request-headers': 'authorization, content-type',
          },
        });
        const leak =
          corsLeak(preflight, origin) ??
          (preflight.status >= 500 ? `status ${preflight.status}` : null);
        if (leak)
          tally.leak(
            `preflight ${target.path} from ${origin}: ${leak}`,
            preflight.status,
          );
        else tally.refused();
      }
      const own = await send(site.api, {
        method: 'OPTIONS',
        path: target.path,
        headers: {
          origin: site.origin,
          'access-control-request-method': target.method,
        },
      });
      if (own.headers.get('access-control-allow-origin') === site.origin)
        tally.passed();
      else tally.leak(`own origin refused on ${target.path} (the control)`);
    }
  }
  return tally.figures;
}
