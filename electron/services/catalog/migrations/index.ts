import { sql as m001 } from './001_init';
import { sql as m002 } from './002_offline';
import { sql as m003 } from './003_offline_export_name';

import type { Migration } from '../../fs/sqliteFiles';

/** Every catalog migration, in order. Append only: a released migration is never edited. */
export const CATALOG_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_init', sql: m001 },
  { version: 2, name: '002_offline', sql: m002 },
  { version: 3, name: '003_offline_export_name', sql: m003 },
];

export const CATALOG_SCHEMA_VERSION = CATALOG_MIGRATIONS.at(-1)?.version ?? 0;
