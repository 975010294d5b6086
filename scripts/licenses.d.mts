export interface LicenseEntry {
  name: string;
  version: string;
  license: string;
  repository?: string;
  text?: string;
}
export function licenseOf(pkg: Record<string, unknown>): string;
export function collectLicenses(
  rootDir: string,
  options?: { extra?: string[] },
): { packages: LicenseEntry[]; missing: string[] };
