import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds the packages once: the demo page serves the widget bundle. */
export default function setup() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
}
