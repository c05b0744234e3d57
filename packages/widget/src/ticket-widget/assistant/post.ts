/** The panel's one call: `POST /assistant/messages`, answer checked. */
import { type Answer, answerOf } from './replies.js';

/** What {@link postMessage} needs to know. */
export interface PostOptions {
  endpoint: string;
  /** The identity token, when the host identified the requester. */
  token: string | null;
  conversationId: string | null;
  locale: string;
  fetch: typeof fetch;
}

/**
 * Sends one message (or choice); throws an error carrying the server's
 * `code` and `status`, or `BAD_RESPONSE` for an answer of another shape.
 */
export async function postMessage(
  o: PostOptions,
  message: { text: string; choice?: string },
): Promise<Answer> {
  // Called unbound: `window.fetch` refuses another `this`.
  const send = o.fetch;
  const response = await send(
    `${o.endpoint.replace(/\/+$/, '')}/assistant/messages`,
    {
      method: 'POST',
      credentials: 'omit',
      signal: AbortSignal.timeout(30_000),
      headers: {
        'content-type': 'application/json',
        ...(o.token && { authorization: `Bearer ${o.token}` }),
      },
      body: JSON.stringify({
        ...(o.conversationId && { conversationId: o.conversationId }),
        ...message,
        locale: o.locale,
      }),
    },
  );
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw Object.assign(new Error('assistant'), {
      code: body?.error?.code ?? 'HTTP_ERROR',
      status: response.status,
    });
  }
  const answer = answerOf(body);
  if (!answer)
    throw Object.assign(new Error('assistant'), { code: 'BAD_RESPONSE' });
  return answer;
}
