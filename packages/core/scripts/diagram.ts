import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lifecycleDiagramPage } from '../src/machine/diagram.js';

const page = fileURLToPath(new URL('../docs/lifecycle.md', import.meta.url));
writeFileSync(page, lifecycleDiagramPage());
console.log(`wrote ${page}`);
