import { sql as m001 } from './001_init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: '001_init', sql: m001 }];
