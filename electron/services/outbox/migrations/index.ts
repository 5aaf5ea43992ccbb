import { sql as m001 } from './001_init';
import { sql as m002 } from './002_synced';
import { sql as m003 } from './003_state_index';

import type { Migration } from '../../fs/sqliteFiles';

/** Every outbox migration, in order. Append only: a released migration is never edited. */
export const OUTBOX_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_init', sql: m001 },
  { version: 2, name: '002_synced', sql: m002 },
  { version: 3, name: '003_state_index', sql: m003 },
];

export const OUTBOX_SCHEMA_VERSION = OUTBOX_MIGRATIONS.at(-1)?.version ?? 0;
