const DESK = 'help@acme.example';

/** A header block and a body, joined as mail is. */
const mail = (headers: string[], body: string) =>
  [...headers, '', body].join('\r\n');

const plain = (extra: string[] = [], body = 'Hello') =>
  mail(
    [
      'From: garbage@attack.example',
      `To: ${DESK}`,
      'Subject: Garbage',
      ...extra,
    ],
    body,
  );

/** Bytes from a seeded generator, so every run sends the same garbage. */
function noise(length: number, seed = 8): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Multipart parts nested `depth` deep, each level its own boundary. */
function nested(depth: number): string {
  let body = 'Content-Type: text/plain\r\n\r\ndeep text';
  for (let i = depth; i > 0; i--) {
    body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--`;
  }
  return plain([], '').replace('\r\n\r\n', `\r\nMIME-Version: 1.0\r\n${body}`);
}

/** One garbage message: what it is, its bytes, and answers that are fine. */
export type Garbage = [
  what: string,
  body: string | Uint8Array,
  accept: number[],
];

/**
 * Mail that is not mail, too big, or built to choke a MIME parser. A
 * 4xx must write nothing; the ones a lenient parser can still read may
 * open a ticket (201) or be known as a repeat of an earlier one (200);
 * no answer may be a 5xx.
 */
export function garbageMail(maxBytes: number): Garbage[] {
  const many = (n: number, make: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => make(i)).join('\r\n');
  return [
    ['empty message', '', []],
    ['random bytes', noise(4096), []],
    ['no From', mail([`To: ${DESK}`, 'Subject: x'], 'body'), []],
    [
      'From that is no address',
      plain(['From: not an address']).replace(
        /^From: garbage@attack.example\r\n/,
        '',
      ),
      [],
    ],
    ['one byte over the cap', plain([], 'x'.repeat(maxBytes)), []],
    ['a megabyte', noise(1024 * 1024), []],
    [
      'headers only, no blank line',
      'From: a@attack.example\r\nSubject: x',
      [200, 201],
    ],
    ['multipart nested 500 deep', nested(500), [200, 201]],
    ['multipart nested 5,000 deep', nested(5000), [200, 201]],
    [
      'boundary never closed',
      plain(
        ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="open"'],
        '--open\r\nContent-Type: text/plain\r\n\r\nno end',
      ),
      [200, 201],
    ],
    [
      'invalid base64 part',
      plain(
        [
          'MIME-Version: 1.0',
          'Content-Type: text/plain',
          'Content-Transfer-Encoding: base64',
        ],
        '@@@ not base64 !!!',
      ),
      [200, 201],
    ],
    [
      'a 100 KB subject',
      plain([`Subject: ${'s'.repeat(100_000)}`]),
      [200, 201],
    ],
    [
      '5,000 header fields',
      plain([many(5000, (i) => `X-H${i}: ${i}`)]),
      [200, 201],
    ],
    [
      'NUL bytes in headers and body',
      plain(['X-Nul: a\u0000b'], 'a\u0000b'),
      [200, 201],
    ],
    [
      'an unknown charset',
      plain(['Content-Type: text/plain; charset=x-no-such'], 'caf\u00e9'),
      [200, 201],
    ],
    [
      '10,000 encoded words',
      plain([`Subject: ${many(10_000, () => ' =?utf-8?b?SGk=?=')}`]),
      [200, 201],
    ],
    [
      'From with 1,000 addresses',
      plain([`From: ${many(1000, (i) => `a${i}@attack.example,`)}`]).replace(
        /^From: garbage@attack.example\r\n/,
        '',
      ),
      [200, 201],
    ],
    [
      '500 attachments',
      plain(
        ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="z"'],
        `${many(500, (i) => `--z\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="f${i}.txt"\r\n\r\n${i}`)}\r\n--z--`,
      ),
      [200, 201],
    ],
  ];
}
