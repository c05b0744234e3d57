import { PEOPLE_FLOWS } from '@ticketry/core/testing';
import { it } from 'vitest';
import { describeOnDatabases } from './test-support.js';

describeOnDatabases('people on the postgres store', ({ open }) => {
  for (const flow of PEOPLE_FLOWS) {
    it(flow.name, async () => flow.run(await open()));
  }
});
