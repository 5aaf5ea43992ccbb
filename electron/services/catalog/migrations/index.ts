import { sql as m001 } from './001_init';
import { sql as m002 } from './002_offline';

import type { Migration } from '../../fs/sqliteFiles';

/** Every catalog migration, in order. Append only: a released migration is never edited. */
export const CATALOG_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_init', sql: m001 },
  { version: 2, name: '002_offline', sql: m002 },
];

export const CATALOG_SCHEMA_VERSION = CATALOG_MIGRATIONS.at(-1)?.version ?? 0;
