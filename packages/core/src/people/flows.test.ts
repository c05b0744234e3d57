import { describe, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.js';
import { PEOPLE_FLOWS } from '../testing/people-flows.js';

describe('people flows on the memory store', () => {
  for (const flow of PEOPLE_FLOWS) {
    it(flow.name, async () => flow.run(createMemoryStore()));
  }
});
