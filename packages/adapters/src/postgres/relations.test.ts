import { RELATION_FLOWS } from '@ticketry/core/testing';
import { it } from 'vitest';
import { describeOnDatabases } from './test-support.js';

describeOnDatabases('relations on the postgres store', ({ open }) => {
  for (const flow of RELATION_FLOWS) {
    it(flow.name, async () => flow.run(await open()));
  }
});
