import { ReplayError } from './errors.ts';

/** Receives each parsed record: one string per field, in file order. */
export type CsvRecordHandler = (fields: string[], line: number) => void;

/** A push parser: feed text chunks, then call `end()`. */
export interface CsvParser {
  /** Parses as much of `chunk` as it can; keeps the rest for later. */
  push(chunk: string): void;
  /** Flushes the last record; throws if a quoted field never closed. */
  end(): void;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Creates an RFC 4180 CSV parser: fields split on commas, records on
 * LF or CRLF; a field in double quotes may hold commas, line breaks and
 * doubled quotes (`""`). A quote inside an unquoted field is kept as
 * text. Text after a closing quote, or a quote left open at the end,
 * is a `CSV_MALFORMED` error naming the line. A leading BOM is dropped;
 * blank lines are skipped.
 *
 * @example
 * const rows: string[][] = [];
 * const parser = createCsvParser((fields) => rows.push(fields));
 * parser.push('a,"b, c"\n1,"say ""hi"""\n');
 * parser.end(); // rows: [['a', 'b, c'], ['1', 'say "hi"']]
 */
export function createCsvParser(onRecord: CsvRecordHandler): CsvParser {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false;
  let pendingCr = false;
  let started = false;
  let line = 1;
  let recordLine = 1;

  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };

  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) onRecord(fields, recordLine);
    fields = [];
  };

  const malformed = (what: string) =>
    new ReplayError('CSV_MALFORMED', `CSV line ${line}: ${what}`, { line });

  return {
    push(chunk) {
      let text = chunk;
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }

      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);

        if (pendingCr) {
          // A lone CR already ended its record; CRLF counts as one break.
          pendingCr = false;
          if (c === LF) continue;
        }

        if (inQuotes) {
          if (c === QUOTE) {
            if (i + 1 === text.length) {
              // Wait for the next chunk to tell `""` from a closing quote.
              inQuotes = false;
              afterQuote = true;
              continue;
            }
            if (text.charCodeAt(i + 1) === QUOTE) {
              field += '"';
              i++;
              continue;
            }
            inQuotes = false;
            afterQuote = true;
            continue;
          }
          if (c === LF) line++;
          // Copy the run of plain characters in one slice: much faster.
          let j = i + 1;
          while (j < text.length) {
            const d = text.charCodeAt(j);
            if (d === QUOTE || d === LF) break;
            j++;
          }
          field += text.slice(i, j);
          i = j - 1;
          continue;
        }

        if (c === COMMA) {
          endField();
        } else if (c === LF || c === CR) {
          endRecord();
          line++;
          recordLine = line;
          pendingCr = c === CR;
        } else if (c === QUOTE) {
          if (afterQuote) {
            // `""` split across chunks: an escaped quote after all.
            field += '"';
            inQuotes = true;
            afterQuote = false;
          } else if (field === '') {
            inQuotes = true;
          } else {
            field += '"';
          }
        } else {
          if (afterQuote) throw malformed('text after a closing quote');
          let j = i + 1;
          while (j < text.length) {
            const d = text.charCodeAt(j);
            if (d === COMMA || d === LF || d === CR || d === QUOTE) break;
            j++;
          }
          field += text.slice(i, j);
          i = j - 1;
        }
      }
    },

    end() {
      if (inQuotes) throw malformed('a quoted field is never closed');
      if (field !== '' || fields.length > 0 || afterQuote) endRecord();
    },
  };
}

/**
 * Parses CSV text chunks into records, lazily.
 *
 * @example
 * for await (const fields of parseCsv(stream)) console.log(fields);
 */
export async function* parseCsv(
  chunks: AsyncIterable<string | Buffer>,
): AsyncGenerator<string[]> {
  let ready: string[][] = [];
  const parser = createCsvParser((fields) => ready.push(fields));
  const decoder = new TextDecoder('utf-8');

  for await (const chunk of chunks) {
    parser.push(
      typeof chunk === 'string'
        ? chunk
        : decoder.decode(chunk, { stream: true }),
    );
    if (ready.length > 0) {
      const batch = ready;
      ready = [];
      yield* batch;
    }
  }

  parser.push(decoder.decode());
  parser.end();
  yield* ready;
}
