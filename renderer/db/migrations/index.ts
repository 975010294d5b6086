import type Dexie from 'dexie';
import { migration0001 } from './0001-create-core';
import { migration0002 } from './0002-add-service-records';
import { migration0004 } from './0004-add-credentials';

/** Applied in order; the last one's number is the schema version this app writes. */
export const migrations: Array<(db: Dexie) => void> = [migration0001, migration0002, migration0004];
/** The highest `db.version()` the migrations declare (0004 keeps its number; 0003 comes from another branch). */
export const schemaVersion = 4;
