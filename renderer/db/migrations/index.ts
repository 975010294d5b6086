import type Dexie from 'dexie';
import { migration0001 } from './0001-create-core';
import { migration0002 } from './0002-add-service-records';
import { migration0005 } from './0005-add-sync';

/**
 * Versions 3 and 4 are reserved for migrations being written in parallel (a keyed audit chain,
 * credentials); until they land they declare no change, so that sync's tables can be version 5.
 */
const reserved =
  (version: number) =>
  (db: Dexie): void => {
    db.version(version).stores({});
  };

/** Applied in order; entry i declares Dexie version i + 1, the last one is the schema version this app writes. */
export const migrations: Array<(db: Dexie) => void> = [
  migration0001,
  migration0002,
  reserved(3),
  reserved(4),
  migration0005,
];
export const schemaVersion = migrations.length;
