import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, parseCsv } from './csv.ts';
import { ReplayError } from './errors.ts';

function parseAll(...chunks: string[]): string[][] {
  const rows: string[][] = [];
  const parser = createCsvParser((fields) => rows.push(fields));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

describe('the CSV parser', () => {
  it('splits plain fields on commas and records on line feeds', () => {
    expect(parseAll('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    const text = 'id,text\n1,"Hello, world"\n2,"two\nlines"\n3,"say ""hi"""\n';
    expect(parseAll(text)).toEqual([
      ['id', 'text'],
      ['1', 'Hello, world'],
      ['2', 'two\nlines'],
      ['3', 'say "hi"'],
    ]);
  });

  it('accepts CRLF and lone CR line ends and skips blank lines', () => {
    expect(parseAll('a,b\r\n1,2\r\n\r\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps empty fields, a trailing comma and an empty quoted field', () => {
    expect(parseAll('a,,c,\n"",x,"",\n')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('reads a last record that has no line break after it', () => {
    expect(parseAll('a,b\n1,"2"')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('drops a byte-order mark before the first header', () => {
    expect(parseAll('\uFEFFnumber,state\n')).toEqual([['number', 'state']]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseAll('5" disk,ok\n')).toEqual([['5" disk', 'ok']]);
  });

  it('refuses text after a closing quote, naming the line', () => {
    const failure = (() => {
      try {
        parseAll('a,b\n"x"y,z\n');
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(ReplayError);
    expect(failure).toMatchObject({
      code: 'CSV_MALFORMED',
      details: { line: 2 },
    });
  });

  it('refuses a quoted field that never closes', () => {
    expect(() => parseAll('a,"open\n1,2\n')).toThrow(
      expect.objectContaining({ code: 'CSV_MALFORMED' }),
    );
  });

  it('gives the same records wherever the chunks split the text', () => {
    const text = 'a,"b,""c"""\r\n"x\ny",z\n"",""\n';
    const whole = parseAll(text);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3) {
        expect(
          parseAll(text.slice(0, i), text.slice(i, j), text.slice(j)),
        ).toEqual(whole);
      }
    }
  });

  it('reads back any table it was written from, in any chunking', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é'),
    });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 4 }), (rows, cuts) => {
        // A record of one empty field is a blank line, which is skipped.
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
        const points = [
          ...new Set(cuts.map((c) => c % (text.length + 1))),
        ].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const p of points) {
          chunks.push(text.slice(from, p));
          from = p;
        }
        chunks.push(text.slice(from));
        expect(parseAll(...chunks)).toEqual(rows);
      }),
    );
  });

  it('decodes UTF-8 split across byte chunks in the async reader', async () => {
    const bytes = Buffer.from('name,city\nJosé,Zürich\n', 'utf8');
    const split = bytes.indexOf(0xc3) + 1;
    async function* chunks() {
      yield bytes.subarray(0, split);
      yield bytes.subarray(split);
    }
    const rows: string[][] = [];
    for await (const row of parseCsv(chunks())) rows.push(row);
    expect(rows).toEqual([
      ['name', 'city'],
      ['José', 'Zürich'],
    ]);
  });
});
