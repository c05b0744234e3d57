/**
 * The IT service ticket texts of data/it-service-tickets-text, split as
 * the issue measures them: per label, the first 175 rows by
 * `row_in_source` to train, the last 75 to test (later tickets, as a
 * desk meets them). For tests and benchmarks; not exported.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelledText } from './text-classifier.js';

const FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../data/it-service-tickets-text/it_service_tickets_sample_250_per_class.csv',
);

/** A row of the sample: its position in the full file, text and label. */
export interface TicketTextRow extends LabelledText {
  row: number;
}

/** Reads the sample; its text has no commas or quotes to escape. */
export function readTicketTexts(file = FILE): TicketTextRow[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  if (header?.trim() !== 'row_in_source,Document,Topic_group') {
    throw new Error(`unexpected header in ${file}: ${header}`);
  }
  return lines.map((line) => {
    const first = line.indexOf(',');
    const last = line.lastIndexOf(',');
    return {
      row: Number(line.slice(0, first)),
      text: line.slice(first + 1, last),
      label: line.slice(last + 1).trim(),
    };
  });
}

/** The train and test split: `trainPerLabel` first, `testPerLabel` last. */
export function splitTicketTexts(
  rows = readTicketTexts(),
  trainPerLabel = 175,
  testPerLabel = 75,
): { train: TicketTextRow[]; test: TicketTextRow[] } {
  const byLabel = new Map<string, TicketTextRow[]>();
  for (const r of rows)
    byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r]);
  const train: TicketTextRow[] = [];
  const test: TicketTextRow[] = [];
  for (const list of byLabel.values()) {
    list.sort((a, b) => a.row - b.row);
    train.push(...list.slice(0, trainPerLabel));
    test.push(...list.slice(-testPerLabel));
  }
  return { train, test };
}
