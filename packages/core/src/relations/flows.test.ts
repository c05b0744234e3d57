import { describe, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.js';
import { RELATION_FLOWS } from '../testing/relation-flows.js';

describe('relations on the memory store', () => {
  for (const flow of RELATION_FLOWS) {
    it(flow.name, () => flow.run(createMemoryStore()));
  }
});
