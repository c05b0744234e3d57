import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  fill,
  it,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import { W3 } from '../../test/form-kit.js';
import '../define.js';

describe('<ticket-widget> prefill', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('fills untouched fields, custom ones once the form arrives, and never overwrites typing', async () => {
    const el = document.createElement('ticket-widget');
    el.prefill({
      subject: 'From the host',
      email: 'host@example.com',
      fields: { asset: 'PC-7', agree: true, office: 42 as unknown as string },
    });
    el.setAttribute('endpoint', W3);
    document.body.append(el);
    try {
      await waitFor(
        () => el.shadowRoot?.querySelector('#cf-asset'),
        'the form',
      );
      await el.updateComplete;
      equal(
        $<HTMLInputElement>(el, '#subject').value,
        'From the host',
        'subject',
      );
      equal(
        $<HTMLInputElement>(el, '#email').value,
        'host@example.com',
        'email',
      );
      equal($<HTMLInputElement>(el, '#cf-asset').value, 'PC-7', 'custom text');
      equal($<HTMLInputElement>(el, '#cf-agree').checked, true, 'checkbox');
      equal(
        $<HTMLSelectElement>(el, '#cf-office').value,
        '',
        'wrong type skipped',
      );

      fill(el, '#subject', 'Typed by me');
      el.prefill({
        subject: 'Host again',
        description: 'Filled',
        fields: { asset: 'PC-8' },
      });
      await el.updateComplete;
      equal(
        $<HTMLInputElement>(el, '#subject').value,
        'Typed by me',
        'typing wins',
      );
      equal(
        $<HTMLTextAreaElement>(el, '#description').value,
        'Filled',
        'untouched filled',
      );
      equal(
        $<HTMLInputElement>(el, '#cf-asset').value,
        'PC-8',
        'prefill may replace prefill',
      );
    } finally {
      el.remove();
    }
  });
});
