/**
 * Helpers for the console's browser tests: mount `<ticket-console>`,
 * sign in as the agents `load-backend.mjs` made, file tickets and act
 * as another agent over the real API.
 */
import '../src/console.js';
import type { TicketConsole } from '../src/console.js';
import { endpoint, ok, waitFor } from './browser-kit.js';

/** The password load-backend.mjs gave the console's test agents. */
export const CONSOLE_PASSWORD = 'console-browser-tests-password';
export const AGENT_EMAIL = 'console-agent@example.com';
export const SUPERVISOR_EMAIL = 'console-supervisor@example.com';

const mounted: HTMLElement[] = [];

/** Adds a `<ticket-console>` on the test API and waits for it. */
export async function mountConsole(): Promise<TicketConsole> {
  const el = document.createElement('ticket-console');
  el.setAttribute('endpoint', endpoint);
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

/** Removes every console `mountConsole` added. */
export function unmountConsoles(): void {
  for (const el of mounted.splice(0)) el.remove();
}

/** One element in the console's shadow root, or a failure naming it. */
export function q<E extends Element = HTMLElement>(
  el: TicketConsole,
  selector: string,
): E {
  const found = el.shadowRoot?.querySelector<E>(selector);
  ok(found, `no ${selector} in the console`);
  return found;
}

/** Every element matching `selector` in the console's shadow root. */
export function qa<E extends Element = HTMLElement>(
  el: TicketConsole,
  selector: string,
): E[] {
  return [...(el.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** Waits until the console shows `selector`, and returns it. */
export function shown<E extends Element = HTMLElement>(
  el: TicketConsole,
  selector: string,
  ms = 5_000,
): Promise<E> {
  return waitFor(
    () => el.shadowRoot?.querySelector<E>(selector) ?? null,
    selector,
    ms,
  );
}

/** Fills the sign-in form and submits it. */
export async function signIn(
  el: TicketConsole,
  email = AGENT_EMAIL,
  password = CONSOLE_PASSWORD,
): Promise<void> {
  q<HTMLInputElement>(el, '#email').value = email;
  q<HTMLInputElement>(el, '#password').value = password;
  q<HTMLButtonElement>(el, 'form button[type=submit]').click();
  await waitFor(() => el.view !== 'sign-in' || el.error, 'sign-in answer');
}

/** Files a ticket as a requester would; answers its id and reference. */
export async function fileTicket(subject: string) {
  const response = await fetch(`${endpoint}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject,
      description: `${subject}: it stopped working this morning.`,
      requester: { email: 'grace@example.com', name: 'Grace' },
    }),
  });
  ok(response.status === 201, `submit answered ${response.status}`);
  const body = await response.json();
  return { id: body.ticket.id as string, ref: body.ticket.ref as string };
}

/** A session of its own for `email`, to play a second agent. */
export async function sessionFor(email: string): Promise<string> {
  const response = await fetch(`${endpoint}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: CONSOLE_PASSWORD }),
  });
  ok(response.status === 201, `sign-in answered ${response.status}`);
  return (await response.json()).token;
}

/** Calls the API with a session token, JSON in and out. */
export async function callAs(
  token: string,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
) {
  const response = await fetch(`${endpoint}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  return {
    status: response.status,
    body: await response.json().catch(() => null),
  };
}

/** Presses a key on the element that has focus inside the console. */
export function press(el: TicketConsole, key: string): void {
  const target =
    (el.shadowRoot?.activeElement as HTMLElement | null) ?? (el as HTMLElement);
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, composed: true }),
  );
}
