type Test = (this: { timeout(ms: number): void; skip(): void }) => unknown;

/** Mocha's globals in @web/test-runner, typed for the browser tests. */
export const mocha = globalThis as unknown as {
  describe(title: string, body: () => void): void;
  it(title: string, test: Test): void;
  after(hook: Test): void;
  afterEach(hook: Test): void;
};
