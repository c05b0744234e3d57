import type { ReplayReport } from './replay-file.ts';
import type { Summary } from './summary.ts';

const n = (value: number) => value.toLocaleString('en');
const fixed = (value: number | null, digits = 1) =>
  value === null ? 'n/a' : value.toFixed(digits);
const percent = (share: number | null) =>
  share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`;

function summaryLine(label: string, s: Summary, unit: string): string {
  return (
    `${label}: median ${fixed(s.median)} ${unit}, mean ${fixed(s.mean)} ` +
    `${unit}, p90 ${fixed(s.p90)} ${unit}, max ${fixed(s.max)} ${unit} ` +
    `(n = ${n(s.n)})`
  );
}

function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key} ${n(count)}`)
    .join(', ');
}

/**
 * Renders a replay report as plain text for a terminal or a log: the
 * figures first, then the refused commands with their examples.
 */
export function formatReport(r: ReplayReport): string {
  const lines = [
    `Replayed ${r.file} with the ${r.mapping} mapping`,
    `  rows ${n(r.rows)}, cases ${n(r.cases)}, tickets ${n(r.tickets)}, ` +
      `events ${n(r.events)}`,
    `  commands sent ${n(r.commands.sent)}, accepted ` +
      `${n(r.commands.accepted)}, refused ${n(r.commands.refused)}`,
    `  final status: ${counts(r.finalStatus)}`,
    `  ${summaryLine('open → resolved', r.openToResolvedHours, 'h')}`,
  ];
  if (r.openToResolvedHoursRecorded.n !== r.openToResolvedHours.n) {
    lines.push(
      `  ${summaryLine(
        'open → resolved, resolution time recorded',
        r.openToResolvedHoursRecorded,
        'h',
      )}`,
    );
  }
  lines.push(
    `  reopened: ${n(r.reopenedTickets)} tickets (${percent(r.reopenShare)})`,
    `  paused at least once: ${percent(r.pendedShare)}`,
    `  ${summaryLine('last resolve → close', r.resolveToCloseDaysRecorded, 'd')}`,
    `  closing 5–6 days after the resolve: ` +
      `${percent(r.closeFiveToSixDaysShare)}; ` +
      `within 5 ± 0.5 days: ${percent(r.closeAboutFiveDaysShare)}`,
    `  resolve → close, nearest day: ${histogramLine(r)}`,
  );
  if (r.malformedRecords > 0) {
    lines.push(`  malformed records skipped: ${n(r.malformedRecords)}`);
  }
  if (Object.keys(r.skipped).length > 0) {
    lines.push(`  skipped: ${counts(r.skipped)}`);
  }
  if (r.alreadyImported > 0 || r.followUps > 0) {
    lines.push(
      `  already imported: ${n(r.alreadyImported)}, ` +
        `follow-up tickets: ${n(r.followUps)}`,
    );
  }
  lines.push(...refusalLines(r));
  lines.push(
    `  time: read ${ms(r.timings.readMs)}, replay ${ms(r.timings.replayMs)}, ` +
      `report ${ms(r.timings.reportMs)}`,
  );
  return lines.join('\n');
}

const ms = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** Days holding at least 1% of the tickets, in order; the rest summed. */
function histogramLine(r: ReplayReport): string {
  const entries = Object.entries(r.resolveToCloseHistogram)
    .map(([day, count]) => [Number(day), count] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const shown = entries.filter(([, count]) => count >= total / 100);
  const rest = total - shown.reduce((sum, [, count]) => sum + count, 0);
  const text = shown.map(([day, count]) => `${day}d ${n(count)}`).join(', ');
  return rest > 0 ? `${text}; other days ${n(rest)}` : text;
}

function refusalLines(r: ReplayReport): string[] {
  const groups = Object.entries(r.refusals).sort(
    (a, b) => b[1].count - a[1].count,
  );
  if (groups.length === 0) return ['  refused commands: none'];
  const lines = ['  refused commands:'];
  for (const [reason, group] of groups) {
    lines.push(`    ${n(group.count)} × ${reason}`);
    for (const e of group.examples) {
      lines.push(
        `      e.g. ${e.externalId} (${e.source}, ${e.at}): ${e.message}`,
      );
    }
  }
  return lines;
}
