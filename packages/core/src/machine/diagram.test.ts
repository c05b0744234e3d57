import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lifecycleDiagram, lifecycleDiagramPage } from './diagram.js';

describe('the lifecycle diagram', () => {
  it('in docs/lifecycle.md matches the machine (run npm run diagram)', () => {
    const page = new URL('../../docs/lifecycle.md', import.meta.url);
    expect(readFileSync(page, 'utf8')).toBe(lifecycleDiagramPage());
  });

  it('draws the main path of a ticket', () => {
    const diagram = lifecycleDiagram();
    for (const arrow of [
      'draft --> new: submit [RASY]',
      'new --> open: triage [ASY]',
      'assigned --> in_progress: start [AS]',
      'resolved --> closed: accept [RS], close [ASY]',
    ]) {
      expect(diagram).toContain(arrow);
    }
  });
});
