/**
 * Helpers for the widget's browser tests: mocha's globals with types,
 * small assertions, a fixture, and the control API that
 * `api-middleware.mjs` serves next to the real `/api/v1`.
 */
import type { TicketWidget } from '../src/index.js';

type Test = (this: unknown) => unknown;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, test: Test): void;
  beforeEach(hook: Test): void;
  afterEach(hook: Test): void;
}

const mocha = globalThis as unknown as MochaGlobals;
export const describe = mocha.describe.bind(globalThis);
export const it = mocha.it.bind(globalThis);
export const beforeEach = mocha.beforeEach.bind(globalThis);
export const afterEach = mocha.afterEach.bind(globalThis);

/** Throws with `message` unless `value` is truthy. */
export function ok(
  value: unknown,
  message = 'expected a truthy value',
): asserts value {
  if (!value) throw new Error(message);
}

/** Throws unless `actual === expected`. */
export function equal<T>(actual: T, expected: T, what = 'value'): void {
  if (actual !== expected) {
    throw new Error(
      `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
  }
}

/** Throws unless `text` matches `pattern`. */
export function match(text: string | null | undefined, pattern: RegExp): void {
  if (!pattern.test(text ?? '')) {
    throw new Error(`expected ${JSON.stringify(text)} to match ${pattern}`);
  }
}

/** Resolves with `probe()`'s first truthy value, or throws after `ms`. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  ms = 5_000,
): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The API under test, on this page's origin. */
export const endpoint = `${location.origin}/api/v1`;

/** A string unique to one test, to find its requests in the server's log. */
export function marker(): string {
  return `m${Math.random().toString(36).slice(2, 10)}`;
}

const mounted: HTMLElement[] = [];

/** Adds a `<ticket-widget>` with `attrs` to the page and waits for it. */
export async function mount(
  attrs: Record<string, string> = {},
): Promise<TicketWidget> {
  const el = document.createElement('ticket-widget');
  el.setAttribute('endpoint', endpoint);
  for (const [name, value] of Object.entries(attrs))
    el.setAttribute(name, value);
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

/** Removes every widget `mount` added; closes their streams. */
export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
}

/** One element in the widget's shadow root, or a failure naming it. */
export function $<E extends Element = HTMLElement>(
  el: TicketWidget,
  selector: string,
): E {
  const found = el.shadowRoot?.querySelector<E>(selector);
  ok(found, `no ${selector} in the widget`);
  return found;
}

/** Types into a field as a user would, firing `input` or `change`. */
export function fill(el: TicketWidget, selector: string, value: string): void {
  const control = $<HTMLInputElement>(el, selector);
  control.value = value;
  const type = control instanceof HTMLSelectElement ? 'change' : 'input';
  control.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

/** What the server saw, as logged by the test middleware. */
export interface LoggedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: string;
  /** The handler's status; null when the request never reached it. */
  status: number | null;
}

async function control<T>(route: string, body?: unknown): Promise<T> {
  const response = await fetch(`/__ticketry__/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`control ${route}: ${json.error}`);
  return json as T;
}

/** Requests that reached `/api/v1` whose body contains `text`. */
export async function requestsWith(text: string): Promise<LoggedRequest[]> {
  const log = await control<LoggedRequest[]>('requests');
  return log.filter((r) => r.body.includes(text));
}

/** Requests that reached `/api/v1` for a path ending with `suffix`. */
export async function requestsTo(suffix: string): Promise<LoggedRequest[]> {
  const log = await control<LoggedRequest[]>('requests');
  return log.filter((r) => r.path.endsWith(suffix));
}

/** Runs a desk command on a ticket as an agent. */
export function act(id: string, command: Record<string, unknown>) {
  return control('act', { id, command });
}

/**
 * An identity token for `email`, signed as the host site would with the
 * test server's secret (or `secret`); `ttlSeconds` below 0 makes one
 * that has expired.
 */
export async function identityToken(
  email: string,
  options: { name?: string; ttlSeconds?: number; secret?: string } = {},
): Promise<string> {
  const { token } = await control<{ token: string }>('identity', {
    email,
    ...options,
  });
  return token;
}

/** Ends the ticket's open event streams from the server side. */
export function dropStreams(id: string): Promise<{ dropped: number }> {
  return control('drop-streams', { id });
}

/** Switches a fault on or off in the test middleware. */
export function fault(options: {
  /** Submissions containing this text are cut off unanswered. */
  dropSubmitsContaining?: string;
  /** Submissions containing this text are handled, the answer lost. */
  loseAnswersContaining?: string;
  /** This ticket's stream answers 503. */
  blockStreamOf?: string;
  /**
   * Submissions containing this text wait unanswered until the same
   * fault is switched off, then go through.
   */
  holdSubmitsContaining?: string;
  /** Submissions containing `marker` reach the server with `path` blank. */
  blankField?: { marker: string; path: string[] };
  on: boolean;
}) {
  return control('faults', options);
}
