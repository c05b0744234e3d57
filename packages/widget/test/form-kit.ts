/**
 * Helpers for the widget's form tests (custom fields, attachments,
 * prefill, offline queue) against the second test API under
 * `/w3/api/v1` (`form-backend.mjs`): mounting the form, filling and
 * picking as a requester would, counting the tickets made, and reading
 * or clearing the widget's offline queue in IndexedDB.
 */
import type { TicketWidget } from '../src/index.js';
import { $, fill, mount, waitFor } from './browser-kit.js';

/** The test API with a form of custom fields and attachments. */
export const W3 = `${location.origin}/w3/api/v1`;

/** The page's own fetch, kept while tests stub `window.fetch`. */
export const realFetch = window.fetch.bind(window);

/** A ticket as the form API's control route lists it. */
export interface Made {
  id: string;
  subject: string;
  fields: Record<string, unknown>;
}

/** Tickets on the form API whose subject holds `tag`. */
export async function ticketsWith(tag: string): Promise<Made[]> {
  const response = await realFetch(`/w3/control/tickets?q=${tag}`);
  return response.json();
}

/** Clicks the element `selector` in the widget's shadow root. */
export function click(el: TicketWidget, selector: string): void {
  $(el, selector).click();
}

/** Ticks or clears the checkbox `selector`, firing `change`. */
export function check(el: TicketWidget, selector: string, on: boolean): void {
  const box = $<HTMLInputElement>(el, selector);
  box.checked = on;
  box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Picks an option, firing `change` (works across frames too). */
export function pick(el: TicketWidget, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/**
 * Chooses `files` in the file picker `selector` (the form's
 * `#attachments` unless told), as a requester would; `[]` empties it.
 */
export function choose(
  el: TicketWidget,
  files: File[],
  selector = '#attachments',
): void {
  const input = $<HTMLInputElement>(el, selector);
  const list = new DataTransfer();
  for (const file of files) list.items.add(file);
  input.files = list.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Mounts a widget on the form API and waits for its custom fields. */
export async function mountForm(): Promise<TicketWidget> {
  const el = await mount({ endpoint: W3 });
  await waitFor(() => el.shadowRoot?.querySelector('#cf-office'), 'the form');
  return el;
}

/** Fills subject, description and email, each holding `tag`'s ticket. */
export function fillBuiltIns(el: TicketWidget, tag: string): void {
  fill(el, '#subject', `Scanner offline ${tag}`);
  fill(el, '#description', `It shows error 7. ${tag}`);
  fill(el, '#email', 'ada@example.com');
}

/** Fills every required field, built-in and custom, validly. */
export function fillRequired(el: TicketWidget, tag: string): void {
  fillBuiltIns(el, tag);
  fill(el, '#cf-steps', 'Switch on\nScan');
  pick(el, '#cf-office', 'Lyon');
  check(el, '#cf-agree', true);
}

/** The ids of the fields the widget shows an error for, in page order. */
export const errorIds = (el: TicketWidget): string[] =>
  [...(el.shadowRoot?.querySelectorAll('.error') ?? [])].map((e) =>
    e.id.replace(/-error$/, ''),
  );

/** The widget's offline queue database (`ticketry-outbox`), created if new. */
function openOutbox(): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('ticketry-outbox', 1);
    r.onupgradeneeded = () =>
      r.result.createObjectStore('submissions', { keyPath: 'key' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Empties the widget's offline queue. */
export async function clearOutbox(): Promise<void> {
  const db = await openOutbox();
  await new Promise((resolve) => {
    const tx = db.transaction('submissions', 'readwrite');
    tx.objectStore('submissions').clear();
    tx.oncomplete = resolve;
  });
  db.close();
}

/** The submissions waiting in the widget's offline queue, every endpoint's. */
export async function outboxEntries(): Promise<{ endpoint: string }[]> {
  const db = await openOutbox();
  const all = await new Promise<{ endpoint: string }[]>((resolve) => {
    const r = db.transaction('submissions').objectStore('submissions').getAll();
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  return all;
}

/** How many submissions wait in the widget's offline queue. */
export async function outboxSize(): Promise<number> {
  return (await outboxEntries()).length;
}
