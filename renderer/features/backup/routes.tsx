import type { FeatureRoute } from '../../app/Shell';
import { installPreUpgradeBackup } from './pre-upgrade';

// Backups live in Settings (settings-section.tsx); this module has no page of its own. The Shell
// imports every feature's routes before main.tsx opens the database, which makes this the place
// to register the pre-upgrade backup without touching boot.ts.
installPreUpgradeBackup();

export const routes: FeatureRoute[] = [];
