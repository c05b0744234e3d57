import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';
import { automaticKind } from './loop.js';
import { parseMail, rawBytes } from './parse.js';
import { trimQuotes } from './quotes.js';
import { fixture } from './test-support.js';

const parse = (name: string, vars?: Record<string, string>) =>
  parseMail(rawBytes(fixture(name, vars), 10_000_000));

describe('parseMail on real messages', () => {
  it('prefers the text part of multipart/alternative and keeps the sender', async () => {
    const mail = await parse('multipart-alternative.eml');
    expect(mail.from).toEqual({
      address: 'ada@example.com',
      name: 'Ada Lovelace',
    });
    expect(mail.subject).toBe('Printer on floor 3 jams on every job');
    expect(mail.messageId).toBe('<CAAda001.printer@mail.example.com>');
    expect(mail.body).toContain('Tray 2 is empty and the jam light blinks.');
    expect(mail.body).not.toMatch(/<p>|color:red/);
    expect(mail.threadIds).toEqual([]);
  });

  it('drops direction overrides from the subject, names and file names', async () => {
    const raw = [
      'From: "Eve \u202eevE" <eve@example.com>',
      'To: help@example.com',
      'Subject: Invoice \u202efdp.exe urgent',
      'Message-ID: <bidi1@example.com>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Body keeps \u202e as written.',
    ].join('\r\n');
    const mail = await parseMail(rawBytes(raw, 10_000));
    expect(mail.subject).toBe('Invoice fdp.exe urgent');
    expect(mail.from.name).toBe('Eve evE');
    expect(mail.body).toContain('\u202e');
  });

  it('decodes ISO-8859-1 encoded words and a quoted-printable Latin-1 body', async () => {
    const mail = await parse('iso-8859-1.eml');
    expect(mail.from.name).toBe('André Müller');
    expect(mail.subject).toBe('Cafémaschine im Büro à réparer');
    expect(mail.body).toContain(
      'im Büro 2.14 zeigt «Entkalken» und läuft nicht.',
    );
    expect(mail.body).toContain('Grüße, André');
  });

  it('decodes UTF-8 encoded words (B and Q) and a base64 body', async () => {
    const mail = await parse('utf8-encoded-words.eml');
    expect(mail.subject).toBe('Ошибка входа — ログインできません ✉');
    expect(mail.from.name).toBe('Søren Ødegård');
    expect(mail.body).toContain('ログイン画面でエラー 0x80070005 が出ます。');
  });

  it('joins quoted-printable soft line breaks and decodes =XX escapes', async () => {
    const mail = await parse('quoted-printable.eml');
    expect(mail.subject).toBe('Laptop battery déchargée overnight');
    expect(mail.body).toContain(
      "This is a very long line that the sender's client wrapped with a soft line break, which must come back as one line.",
    );
    expect(mail.body).toContain('Café — naïve résumé = equals sign.');
  });

  it('reduces an HTML-only body to text: no markup, scripts, styles or quoted history', async () => {
    const mail = await parse('html-only.eml');
    expect(mail.body).toContain('The S: drive doesn’t mount after login.');
    expect(mail.body).toContain('- Windows 11\n- VPN on');
    expect(mail.body).toContain('Error: <0x80070035> & nothing else.');
    expect(mail.body).toContain(
      'the status page (https://status.example.net/drives)',
    );
    expect(mail.body).not.toMatch(
      /alert|evil\.example|Hidden title|display:none|javascript:/,
    );
    expect(mail.body).not.toContain('Old message that should be trimmed');
    expect(mail.body).not.toMatch(/<img|<script|<div/);
  });

  it('records attachment metadata with decoded names, types and sizes', async () => {
    const mail = await parse('attachments.eml');
    expect(mail.attachments).toEqual([
      {
        name: 'error-report.pdf',
        type: 'application/pdf',
        size: 345,
        inline: false,
      },
      { name: 'écran.png', type: 'image/png', size: 69, inline: false },
    ]);
    expect(mail.body).toBe('The report and a screenshot are attached.');
  });

  it('finds the returned Message-ID inside a delivery report', async () => {
    const mail = await parse('bounce.eml', {
      ackId: '<ticketry.x1@desk.example>',
      ref: 'T-1001',
    });
    expect(mail.threadIds).toContain('<ticketry.x1@desk.example>');
    expect(automaticKind(mail)).toBe('bounce');
  });

  it('reads In-Reply-To first, then References newest first', async () => {
    const mail = await parse('reply-by-header.eml', {
      ackId: '<ack-1@desk.example>',
    });
    expect(mail.threadIds).toEqual([
      '<ack-1@desk.example>',
      '<CAAda001.printer@mail.example.com>',
    ]);
    expect(mail.body).toBe('It jams on tray 1 as well now.');
  });

  it.each([
    ['auto-reply.eml', 'auto_submitted'],
    ['x-autoreply.eml', 'auto_reply'],
    ['bulk.eml', 'bulk'],
    ['list.eml', 'mailing_list'],
    ['multipart-alternative.eml', null],
  ])('classifies %s as %s', async (name, kind) => {
    expect(automaticKind(await parse(name))).toBe(kind);
  });

  it('refuses what is not mail with MAIL_UNPARSEABLE', async () => {
    for (const name of ['not-mail.txt', 'no-from.eml']) {
      await expect(parse(name)).rejects.toMatchObject({
        code: 'MAIL_UNPARSEABLE',
      });
    }
    await expect(
      parseMail(rawBytes('\u0000\u0001binary', 100)),
    ).rejects.toMatchObject({
      code: 'MAIL_UNPARSEABLE',
    });
    expect(() => rawBytes('', 100)).toThrow(
      expect.objectContaining({ code: 'MAIL_UNPARSEABLE' }),
    );
  });

  it('refuses a message over the size cap and input that is not text or bytes', () => {
    expect(() => rawBytes('x'.repeat(101), 100)).toThrow(
      expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }),
    );
    expect(() => rawBytes({ not: 'mail' }, 100)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('gives the same content hash to a redelivery with other trace headers', async () => {
    const raw = fixture('multipart-alternative.eml');
    const again = `Received: from relay.example (relay [192.0.2.99]); Fri, 04 Dec 2026 09:30:00 +0000\r\n${raw}`;
    const changed = raw.replace(
      'jams on every job since Monday',
      'jams since Tuesday',
    );
    const [a, b, c] = await Promise.all(
      [raw, again, changed].map((r) => parseMail(rawBytes(r, 1e7))),
    );
    expect(b!.contentHash).toBe(a!.contentHash);
    expect(c!.contentHash).not.toBe(a!.contentHash);
    expect(c!.messageId).toBe(a!.messageId);
  });
});

describe('trimQuotes', () => {
  it.each([
    ['Done.\n\nOn Mon, 1 Dec 2026, Ada <a@b.c> wrote:\n> old', 'Done.'],
    [
      'Done.\n\nOn Mon, 1 Dec 2026 at 10:00, Ada Lovelace\n<a@b.c> wrote:\n> old',
      'Done.',
    ],
    [
      'Erledigt.\n\nAm 01.12.2026 um 10:00 schrieb Ada <a@b.c>:\n> alt',
      'Erledigt.',
    ],
    ['Fait.\n\nLe lun. 1 déc. 2026, Ada a écrit :\n> vieux', 'Fait.'],
    ['Ok\n\n-----Original Message-----\nFrom: x\nold', 'Ok'],
    [
      'Ok\n\nFrom: Desk <d@e.f>\nSent: Monday\nTo: Ada\nSubject: x\n\nold',
      'Ok',
    ],
    ['first\n> quoted inline\nanswer', 'first\nanswer'],
    ['> only a quote\n> and more', '> only a quote\n> and more'],
  ])('trims %j', (input, expected) => {
    expect(trimQuotes(input)).toBe(expected);
  });
});

describe('htmlToText', () => {
  it('keeps text, drops markup and hidden content, quotes blockquotes', () => {
    const text = htmlToText(
      '<p>Hi <b>there</b></p><script>x()</script><style>p{}</style><blockquote>old<br>older</blockquote><pre>a  b\n c</pre>',
    );
    expect(text).toBe('Hi there\n\n> old\n> older\n\na b\nc');
  });

  it('survives unclosed and nested tricks without leaking tags', () => {
    const text = htmlToText(
      '<scr<script>ipt>alert(1)</script><p onclick="x">ok<img src=x onerror=alert(2)>',
    );
    expect(text).not.toMatch(/<script|<img|onerror/i);
    expect(text).toContain('ok');
  });
});
