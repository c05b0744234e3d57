import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    'sqlite/index': 'src/sqlite/index.ts',
    'postgres/index': 'src/postgres/index.ts',
    'indexeddb/index': 'src/indexeddb/index.ts',
    'http/client/index': 'src/http/client/index.ts',
    'http/server/index': 'src/http/server/index.ts',
    'webhooks/index': 'src/webhooks/index.ts',
    'email/index': 'src/email/index.ts',
    'kb/index': 'src/kb/index.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: [
    'better-sqlite3',
    'idb',
    'pg',
    'postal-mime',
    'nodemailer',
    'htmlparser2',
    'markdown-it',
    '@ticketry/core',
  ],
});
