import type { Plugin } from 'esbuild';

/** The source with its `html` and `css` templates tightened. */
export function tightenTemplates(path: string, text: string): string;

/** The esbuild plugin that tightens the widget's templates. */
export function minifyTemplates(): Plugin;
