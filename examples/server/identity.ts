import { randomBytes } from 'node:crypto';
import { signIdentity } from '@ticketry/adapters/http/server';

/** The one person the demo page can sign in as. */
export const DEMO_USER = {
  userId: 'demo-user',
  email: 'demo.user@example.com',
  name: 'Demo User',
} as const;

/** How long a demo identity token lives. */
const TOKEN_SECONDS = 15 * 60;

/**
 * The identity secret the demo shares with itself as the "host site":
 * the configured one, or a random one for this run (tokens then stop
 * working at the next start, which the page's button renews anyway).
 */
export function identitySecret(configured: string | undefined): {
  secret: string;
  generated: boolean;
} {
  if (configured) return { secret: configured, generated: false };
  return { secret: randomBytes(32).toString('base64url'), generated: true };
}

/**
 * `GET /demo/identity`: what a host site's own server does for its
 * signed-in user, here always the demo user: sign a short-lived
 * identity token for the widget's `identify()`. A real site signs only
 * for the user its session proves.
 */
export function demoIdentityRoute(secret: string) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') {
      return new Response('method not allowed', { status: 405 });
    }
    const token = await signIdentity(
      {
        ...DEMO_USER,
        expiresAt: new Date(Date.now() + TOKEN_SECONDS * 1000),
      },
      secret,
    );
    return Response.json(
      { token },
      { headers: { 'cache-control': 'no-store' } },
    );
  };
}
