/**
 * What the About dialog shows: the app and runtime versions (app:info), the database schema
 * version, where the data lives, requests main refused, and the third-party licence list that
 * scripts/licenses.mjs writes into the build as third-party-licenses.json.
 */
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { schemaVersion } from '../../db/migrations';
import { platform, type AppInfo } from '../../platform';

const licenseListSchema = z.object({
  packages: z.array(
    z.object({
      name: z.string(),
      version: z.string(),
      license: z.string(),
      repository: z.string().optional(),
      text: z.string().optional(),
    }),
  ),
});

export type LicenseEntry = z.infer<typeof licenseListSchema>['packages'][number];

/** The licence list shipped next to index.html; null when the build has none (a bare `vite build`). */
export async function loadLicenses(fetchFn: typeof fetch = fetch): Promise<LicenseEntry[] | null> {
  try {
    const res = await fetchFn('./third-party-licenses.json');
    if (!res.ok) return null;
    const parsed = licenseListSchema.safeParse(await res.json());
    return parsed.success ? parsed.data.packages : null;
  } catch {
    return null;
  }
}

export interface AboutData {
  info: AppInfo;
  schemaVersion: number;
  licenses: LicenseEntry[] | null;
}

/** Loads everything once when shown; `null` while loading. */
export function useAboutData(): AboutData | null {
  const [data, setData] = useState<AboutData | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([platform.appInfo(), loadLicenses()]).then(([info, licenses]) => {
      if (live) setData({ info, schemaVersion, licenses });
    });
    return () => {
      live = false;
    };
  }, []);
  return data;
}
