import { describeStoreConformance } from '@ticketry/core/testing';
import { beforeAll } from 'vitest';
import {
  postgresHarness,
  type TestDatabase,
  testDatabases,
} from './test-support.js';

// One call per database: PGlite always, the real server too when
// TICKETRY_PG_URL is set; each check gets a schema of its own.
for (const { name, open } of testDatabases()) {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await open();
    return () => db?.close();
  }, 120_000);
  describeStoreConformance(
    `postgres on ${name}`,
    postgresHarness(() => db!),
  );
}
