import {
  $,
  afterEach,
  beforeEach,
  describe,
  endpoint,
  equal,
  fill,
  it,
  marker,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';

/** An override: switches to right-to-left and never switches back. */
const OVERRIDE = '\u202e';

/** Right-to-left words that end the subject, so they could pull what follows. */
const HEBREW = 'המדפסת תקועה';

/** Files a ticket through the API and keeps its token as the widget would. */
async function storedTicket(subject: string): Promise<string> {
  const response = await fetch(`${endpoint}/tickets`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({
      subject,
      description: 'A subject with a right-to-left override in it.',
      requester: { email: 'bidi@example.com' },
    }),
  });
  ok(response.status === 201, `filed: ${response.status}`);
  const { ticket, accessToken } = await response.json();
  const entry = { id: ticket.id, ref: ticket.ref, token: accessToken };
  localStorage.setItem(`ticketry:tickets:${endpoint}`, JSON.stringify([entry]));
  return ticket.ref;
}

/** The box of the text after the subject: " · Received". */
function statusBox(meta: HTMLElement): DOMRect {
  const bdi = meta.querySelector('bdi');
  ok(bdi, 'the subject sits in a <bdi>');
  // Lit leaves comment markers between the parts: find the text.
  let after = bdi.nextSibling;
  while (after && !after.textContent?.includes('Received')) {
    after = after.nextSibling;
  }
  ok(after, 'the status follows it');
  const range = document.createRange();
  range.selectNodeContents(after);
  return range.getBoundingClientRect();
}

describe('<ticket-widget> text in another direction', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('refuses an override character in a subject', async () => {
    const response = await fetch(`${endpoint}/tickets`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({
        subject: `Invoice ${OVERRIDE}fdp.exe`,
        description: 'A disguised file name.',
        requester: { email: 'bidi@example.com' },
      }),
    });
    ok(response.status === 422, `answered ${response.status}`);
  });

  it('says why an override is refused, in the page’s language', async () => {
    const el = await mount({ lang: 'de' });
    await waitFor(() => el.shadowRoot?.querySelector('#subject'), 'the form');
    fill(el, '#subject', `Rechnung ${OVERRIDE}fdp.exe`);
    fill(el, '#description', 'Eine getarnte Datei.');
    fill(el, '#email', 'bidi@example.com');
    $(el, '[part~="submit-button"]').click();
    const error = await waitFor(
      () => el.shadowRoot?.querySelector('#subject-error')?.textContent,
      'the subject error',
    );
    equal(
      error.trim(),
      'Entfernen Sie die unsichtbaren Zeichen, die die Schreibrichtung umkehren.',
    );
  });

  it('keeps a right-to-left subject from pulling the status after it', async () => {
    await storedTicket(`Printer ${marker()} ${HEBREW}`);
    const el = await mount();
    $(el, 'nav [part~="nav-button"]:last-child').click();
    const meta = await waitFor(() => {
      const found = el.shadowRoot?.querySelector<HTMLElement>(
        '[part~="ticket-button"] .meta',
      );
      return found?.textContent?.includes('Received') ? found : null;
    }, 'the summary');
    const subject = meta.querySelector('bdi')!.getBoundingClientRect();
    const status = statusBox(meta);
    ok(
      status.left >= subject.right - 1,
      `the status starts at ${status.left}, the subject ends at ${subject.right}`,
    );

    $(el, '[part~="ticket-button"]').click();
    const heading = await waitFor(
      () => el.shadowRoot?.querySelector('#ticket-heading bdi'),
      'the subject in the heading, isolated',
    );
    ok(heading.textContent?.includes(HEBREW), 'the subject as sent');
  });
});
