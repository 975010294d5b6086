import type Dexie from 'dexie';
import { migration0001 } from './0001-create-core';
import { migration0002 } from './0002-add-service-records';
import { migration0003 } from './0003-add-credentials';
import { migration0004 } from './0004-add-sync';
import { migration0005 } from './0005-add-feedback-meetings';

/** Applied in order; the last one's number is the schema version this app writes. */
export const migrations: Array<(db: Dexie) => void> = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];
/** Entry i declares Dexie version i + 1. */
export const schemaVersion = migrations.length;
