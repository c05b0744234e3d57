/** What one attack group counted. */
export interface GroupFigures {
  group: string;
  /** Requests and checks sent as an attacker. */
  tried: number;
  /** Refused with a 4xx, nothing written. */
  refused: number;
  /** Answered (2xx) and found clean: no foreign data, stored as sent. */
  passed: number;
  /** Anything that got through: a leak, a write, a 500. */
  leaked: number;
  /** Answers with a 5xx status. */
  serverErrors: number;
  /** Wall time of the group, in milliseconds. */
  ms: number;
  /** How many answers had each status. */
  statuses: Record<number, number>;
  /** Attacks that got through in a way already reported (see `known`). */
  known: number;
}

/** One attack that got through, described for the report. */
export interface Leak {
  group: string;
  what: string;
  /** Already reported and documented (docs/security.md, "Attack suite"). */
  known?: boolean;
}

/** Counts attacks of one group and keeps the leaks found. */
export function createTally(group: string, leaks: Leak[]) {
  const figures: GroupFigures = {
    group,
    tried: 0,
    refused: 0,
    passed: 0,
    leaked: 0,
    serverErrors: 0,
    ms: 0,
    statuses: {},
    known: 0,
  };
  const started = Date.now();
  return {
    /** The figures, with the time since the tally began. */
    get figures() {
      figures.ms = Date.now() - started;
      return figures;
    },
    /** Counts an answer's status for the histogram. */
    saw(status: number) {
      figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
    },
    refused() {
      figures.tried++;
      figures.refused++;
    },
    passed() {
      figures.tried++;
      figures.passed++;
    },
    /**
     * An attack that got through in a way already reported and
     * documented: counted apart from leaks, kept with the leaks' list.
     */
    known(what: string) {
      figures.tried++;
      figures.known++;
      if (leaks.length < 200) leaks.push({ group, what, known: true });
    },
    leak(what: string, status?: number) {
      figures.tried++;
      figures.leaked++;
      if (status !== undefined && status >= 500) figures.serverErrors++;
      if (leaks.length < 200) leaks.push({ group, what });
    },
  };
}

export type Tally = ReturnType<typeof createTally>;

/** The figures of every group as a fixed-width table, with a total row. */
export function figuresTable(groups: readonly GroupFigures[]): string {
  const total = groups.reduce<GroupFigures>(
    (sum, g) => ({
      group: 'total',
      tried: sum.tried + g.tried,
      refused: sum.refused + g.refused,
      passed: sum.passed + g.passed,
      leaked: sum.leaked + g.leaked,
      serverErrors: sum.serverErrors + g.serverErrors,
      ms: sum.ms + g.ms,
      statuses: {},
      known: sum.known + g.known,
    }),
    {
      group: 'total',
      tried: 0,
      refused: 0,
      passed: 0,
      leaked: 0,
      serverErrors: 0,
      ms: 0,
      statuses: {},
      known: 0,
    },
  );
  const rows = [...groups, total].map((g) =>
    [
      g.group.padEnd(22),
      String(g.tried).padStart(7),
      String(g.refused).padStart(8),
      String(g.passed).padStart(7),
      String(g.leaked).padStart(6),
      String(g.serverErrors).padStart(5),
      String(g.known).padStart(6),
      `${(g.ms / 1000).toFixed(1)} s`.padStart(8),
    ].join(' '),
  );
  const head = `${'group'.padEnd(22)} ${'tried'.padStart(7)} ${'refused'.padStart(8)} ${'passed'.padStart(7)} ${'leaks'.padStart(6)} ${'5xx'.padStart(5)} ${'known'.padStart(6)} ${'time'.padStart(8)}`;
  const statuses = groups.map(
    (g) =>
      `${g.group}: ${Object.entries(g.statuses)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
  );
  return [head, ...rows, '', 'statuses', ...statuses].join('\n');
}
