import { describe, expect, it } from 'vitest';
import { versionFrom } from './preconditions.js';

describe('If-Match wording', () => {
  it('says a malformed If-Match must be a version, not a ticket version (rules and macros use it too)', () => {
    const request = new Request('http://127.0.0.1/api/v1/automation/rules/r1', {
      headers: { 'if-match': 'W/"3"' },
    });
    let error: unknown;
    try {
      versionFrom(request);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'MALFORMED_REQUEST' });
    expect((error as Error).message).toBe(
      'If-Match must be a version, e.g. If-Match: "3"',
    );
    expect(
      versionFrom(
        new Request('http://127.0.0.1/', { headers: { 'if-match': '"7"' } }),
      ),
    ).toBe(7);
  });
});
