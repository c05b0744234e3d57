import { outbox } from './outbox.js';

/**
 * Removes the submissions waiting in the offline queue for `endpoint`
 * (they are not sent), as at sign-out: on a shared device they would
 * otherwise go out later, under whoever signs in next.
 */
export async function clearOutbox(endpoint: string): Promise<void> {
  if (!endpoint || typeof indexedDB === 'undefined') return;
  const waiting = await outbox.list(endpoint).catch(() => []);
  await Promise.all(waiting.map((e) => outbox.remove(e.key).catch(() => {})));
}
