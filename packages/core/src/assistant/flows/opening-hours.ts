import { emit, setup } from 'xstate';
import { z } from 'zod';
import { type Clock, systemClock } from '../../clock.js';
import { validationError } from '../../errors.js';
import type { BusinessCalendar } from '../../sla/business-calendar.js';
import { text } from '../replies.js';
import type {
  AssistantFlow,
  FlowInput,
  FlowOutput,
  ReplyEmitted,
} from '../types.js';
import { comingHolidays, openNow, weeklyHours } from './hours-text.js';

const optionsSchema = z.strictObject({
  /** The desk's business calendar (`desk.sla.calendar(id)`). */
  calendar: z.custom<BusinessCalendar>(
    (c) => typeof (c as BusinessCalendar)?.workingIntervals === 'function',
    'calendar must be a compiled business calendar',
  ),
  /** @default the system clock */
  clock: z
    .custom<Clock>((c) => typeof (c as Clock)?.now === 'function')
    .optional(),
  /** @default ['opening_hours'] */
  intents: z.array(z.string().min(1)).min(1).default(['opening_hours']),
});

/** Options of {@link openingHoursFlow}. */
export type OpeningHoursOptions = z.input<typeof optionsSchema>;

/**
 * "When are you open?": answers from the desk's business calendar
 * (open now or not, the next opening or closing, the weekly hours and
 * holidays of the next two weeks), then ends.
 *
 * @example
 * openingHoursFlow({ calendar: desk.sla.calendar('office') });
 */
export function openingHoursFlow(options: OpeningHoursOptions): AssistantFlow {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw validationError('opening hours flow', parsed.error.issues);
  }
  const { calendar, intents } = parsed.data;
  const clock = parsed.data.clock ?? systemClock;
  const answer = ({ context }: { context: FlowInput }): ReplyEmitted => {
    const now = clock.now().getTime();
    const locale = context.locale ?? 'en';
    const lines = [
      openNow(calendar, now, locale),
      weeklyHours(calendar, locale),
    ];
    const holidays = comingHolidays(calendar, now, locale);
    if (holidays) lines.push(holidays);
    return text(lines.join('\n'));
  };
  const machine = setup({
    types: {
      input: {} as FlowInput,
      context: {} as FlowInput,
      emitted: {} as ReplyEmitted,
      output: {} as FlowOutput,
    },
  }).createMachine({
    id: 'opening-hours',
    context: ({ input }) => input,
    initial: 'answered',
    states: { answered: { type: 'final', entry: emit(answer) } },
    output: () => ({}),
  });
  return { id: 'opening-hours', title: 'Opening hours', intents, machine };
}
