/**
 * `@ticketry/adapters/kb`: the knowledge base's Markdown renderer, in
 * its own subpath so `@ticketry/core` stays free of markdown-it.
 */
export * from './blocks.js';
export * from './render.js';
