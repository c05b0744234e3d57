import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requesterActionsSource } from '../src/machine/requester-actions.js';

const file = fileURLToPath(
  new URL('../src/public/requester-actions.ts', import.meta.url),
);
writeFileSync(file, requesterActionsSource());
console.log(`wrote ${file}`);
