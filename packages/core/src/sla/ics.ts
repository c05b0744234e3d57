import { TicketryError } from '../errors.js';
import type { Holiday } from './calendar-schema.js';

const DAY = 86_400_000;

/** Options of {@link holidaysFromIcs}. */
export interface IcsImportOptions {
  /** First date yearly events are expanded from. @default each event's start */
  from?: string;
  /**
   * Last date (inclusive) yearly events without COUNT or UNTIL are
   * expanded to. @default ten years after each event's start
   */
  to?: string;
}

/** An event the import left out, and why. */
export interface SkippedIcsEvent {
  summary: string | null;
  reason: string;
}

/** What {@link holidaysFromIcs} read. */
export interface IcsImport {
  holidays: Holiday[];
  skipped: SkippedIcsEvent[];
}

type Props = Map<string, { params: string; value: string }[]>;

function unfold(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
}

function splitLine(line: string) {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      const head = line.slice(0, i);
      const semi = head.indexOf(';');
      return {
        name: (semi < 0 ? head : head.slice(0, semi)).toUpperCase(),
        params: semi < 0 ? '' : head.slice(semi + 1).toUpperCase(),
        value: line.slice(i + 1),
      };
    }
  }
  return null;
}

const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) =>
    c === 'n' || c === 'N' ? ' ' : c,
  );

/** `20241225` (or the date of a date-time) as a day number, or null. */
function dayOf(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = Date.UTC(y, mo - 1, d);
  const back = new Date(at);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return at / DAY;
}

const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const parseIso = (date: string, what: string) => {
  const day = dayOf(date.replace(/-/g, ''));
  if (day === null) {
    throw new TicketryError('VALIDATION_FAILED', `${what} must be YYYY-MM-DD`);
  }
  return day;
};

function lengthInDays(p: Props, start: number): number | string {
  const end = p.get('DTEND')?.[0];
  if (end) {
    const day = dayOf(end.value);
    if (day === null || day <= start) return 'DTEND is not a later date';
    return day - start;
  }
  const duration = p.get('DURATION')?.[0]?.value.trim();
  if (!duration) return 1;
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!m || (!m[1] && !m[2])) return `DURATION ${duration} is not whole days`;
  return Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0);
}

/** Start days of each occurrence, or a reason to skip. */
function occurrences(
  p: Props,
  start: number,
  options: IcsImportOptions,
): number[] | string {
  const rule = p.get('RRULE')?.[0]?.value;
  const excluded = new Set<number>();
  for (const ex of p.get('EXDATE') ?? []) {
    for (const v of ex.value.split(',')) {
      const day = dayOf(v);
      if (day !== null) excluded.add(day);
    }
  }
  if (!rule) return [start];
  const parts = new Map(
    rule.split(';').map((kv) => {
      const [k, v] = kv.split('=');
      return [k!.toUpperCase(), v ?? ''] as const;
    }),
  );
  if (parts.get('FREQ') !== 'YEARLY') return `RRULE ${rule} is not yearly`;
  const known = new Set(['FREQ', 'COUNT', 'UNTIL', 'INTERVAL']);
  const extra = [...parts.keys()].filter((k) => !known.has(k));
  if (extra.length) return `RRULE part ${extra.join(', ')} is not supported`;
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const count = parts.has('COUNT') ? Number(parts.get('COUNT')) : Infinity;
  const until = parts.has('UNTIL') ? dayOf(parts.get('UNTIL')!) : null;
  const from = options.from ? parseIso(options.from, 'from') : -Infinity;
  const to =
    until ??
    (options.to ? parseIso(options.to, 'to') : start + Math.round(10 * 365.25));
  const first = new Date(start * DAY);
  const days: number[] = [];
  for (let n = 0, k = 0; n < count && k < 10_000; k++) {
    const y = first.getUTCFullYear() + k * interval;
    const at = Date.UTC(y, first.getUTCMonth(), first.getUTCDate());
    if (new Date(at).getUTCDate() !== first.getUTCDate()) continue;
    const day = at / DAY;
    if (day > to) break;
    n++;
    if (day >= from && !excluded.has(day)) days.push(day);
  }
  return days;
}

function eventHolidays(p: Props, options: IcsImportOptions) {
  const summary = p.get('SUMMARY')?.[0]?.value;
  const name = summary ? unescapeText(summary).trim().slice(0, 200) : null;
  const skip = (reason: string) => ({ skipped: { summary: name, reason } });
  if (p.get('STATUS')?.[0]?.value.trim().toUpperCase() === 'CANCELLED') {
    return skip('the event is cancelled');
  }
  const dtstart = p.get('DTSTART')?.[0];
  if (!dtstart) return skip('no DTSTART');
  const allDay =
    dtstart.params.includes('VALUE=DATE') && !dtstart.params.includes('TIME');
  if (!allDay && /T/i.test(dtstart.value)) {
    return skip('not an all-day event: holidays are whole days');
  }
  const start = dayOf(dtstart.value);
  if (start === null) return skip(`DTSTART ${dtstart.value} is not a date`);
  const length = lengthInDays(p, start);
  if (typeof length === 'string') return skip(length);
  const starts = occurrences(p, start, options);
  if (typeof starts === 'string') return skip(starts);
  const holidays: Holiday[] = [];
  for (const s of starts) {
    for (let d = s; d < s + length; d++) {
      holidays.push({ date: isoDay(d), ...(name && { name }) });
    }
  }
  return { holidays };
}

/**
 * Reads holidays from iCalendar (RFC 5545) text, as published by
 * public-holiday feeds: all-day VEVENTs, several days long through
 * DTEND or DURATION, yearly through `RRULE:FREQ=YEARLY` (with COUNT,
 * UNTIL, INTERVAL and EXDATE). Timed events, other recurrences and
 * cancelled events are skipped with a reason, never guessed at.
 *
 * @example
 * const { holidays, skipped } = holidaysFromIcs(icsText, { to: '2030-12-31' });
 * const office = compileCalendar({ ...officeHours, holidays });
 */
export function holidaysFromIcs(
  text: string,
  options: IcsImportOptions = {},
): IcsImport {
  const lines = unfold(text);
  if (!lines.some((l) => l.trim().toUpperCase() === 'BEGIN:VCALENDAR')) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      'not iCalendar text: no BEGIN:VCALENDAR line',
    );
  }
  const holidays: Holiday[] = [];
  const skipped: SkippedIcsEvent[] = [];
  let event: Props | null = null;
  const unclosed = (p: Props) => {
    const summary = p.get('SUMMARY')?.[0]?.value ?? null;
    skipped.push({ summary, reason: 'the event has no END:VEVENT line' });
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    const upper = line.toUpperCase();
    if (upper === 'BEGIN:VEVENT') {
      if (event) unclosed(event);
      event = new Map();
    } else if (upper === 'END:VEVENT' && event) {
      const result = eventHolidays(event, options);
      if ('skipped' in result) skipped.push(result.skipped);
      else holidays.push(...result.holidays);
      event = null;
    } else if (event) {
      const prop = splitLine(line);
      if (!prop) continue;
      const list = event.get(prop.name) ?? [];
      list.push({ params: prop.params, value: prop.value });
      event.set(prop.name, list);
    }
  }
  if (event) unclosed(event);
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, skipped };
}
