// A @web/test-runner reporter that writes pass/fail counts to the file
// named by TICKETRY_WTR_REPORT, for scripts/test-all.mjs to add up.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && !session.testResults?.tests?.length) {
          totals.failed += session.errors?.length ? 1 : 0;
        }
      }
      const file = process.env.TICKETRY_WTR_REPORT;
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}
