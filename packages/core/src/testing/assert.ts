/** A conformance check failed; the message says what the store did. */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

/** Fails unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/** Fails unless two values are equal as JSON with sorted keys. */
export function checkEqual(actual: unknown, expected: unknown, what: string) {
  const a = stable(actual);
  const e = stable(expected);
  check(
    a === e,
    `${what}: expected ${e.slice(0, 400)}, got ${a.slice(0, 400)}`,
  );
}

/** Fails unless `run` rejects with an error carrying `code`. */
export async function checkRejects(
  run: () => Promise<unknown>,
  code: string,
  what: string,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const got = (error as { code?: string }).code;
    check(got === code, `${what}: expected error ${code}, got ${got ?? error}`);
    return;
  }
  throw new ConformanceFailure(
    `${what}: expected error ${code}, nothing thrown`,
  );
}

function stable(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)),
          )
        : v,
    ) ?? 'undefined'
  );
}
