import type { AuditReport } from '@ticketry/core';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The report as a few lines for a terminal. */
export function formatAuditReport(report: AuditReport): string {
  const scope = report.ticketId
    ? `ticket ${report.ticketId}`
    : `site ${report.siteId}`;
  const lines = [
    `${report.ok ? 'OK' : 'TAMPERED'}: ${scope}, ${count(report.tickets, 'ticket')}, ${count(report.events, 'event')}`,
  ];
  if (report.unchainedEvents > 0) {
    lines.push(
      `${count(report.unchainedEvents, 'event')} in ${count(report.unchainedTickets, 'ticket')} predate the chain and prove nothing:`,
    );
    for (const u of report.unchained) {
      lines.push(
        `  ${u.ref ?? u.ticketId}: unchained before version ${u.before}`,
      );
    }
  }
  const broken = report.firstBroken;
  if (broken) {
    const at = broken.version === null ? '' : ` version ${broken.version}`;
    lines.push(
      `${count(report.brokenTickets, 'ticket')} broken; first: ${broken.ref ?? broken.ticketId}${at} [${broken.reason}] ${broken.message}`,
    );
  }
  return lines.join('\n');
}
