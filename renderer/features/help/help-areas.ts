/** The areas of the in-app help, in reading order, and which page paths open which area. */
export const helpAreas = [
  'levels',
  'clocks',
  'upgrade',
  'escalation',
  'lifecycle',
  'requests',
  'inspections',
  'training',
  'team',
  'reports',
  'backups',
] as const;
export type HelpArea = (typeof helpAreas)[number];

const byPath: Array<[prefix: string, area: HelpArea]> = [
  ['/faults/new', 'levels'],
  ['/faults', 'clocks'],
  ['/requests', 'requests'],
  ['/inspections', 'inspections'],
  ['/training', 'training'],
  ['/team', 'team'],
  ['/reports', 'reports'],
  ['/audit', 'backups'],
  ['/backup', 'backups'],
  ['/kb', 'lifecycle'],
  ['/settings', 'clocks'],
];

/** The help area that explains the page at `path` (the first area for pages without their own). */
export function helpAreaFor(path: string): HelpArea {
  const shown = /^\/help\/([a-z]+)$/.exec(path)?.[1];
  if (isHelpArea(shown)) return shown;
  return byPath.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1] ?? helpAreas[0];
}

export function isHelpArea(s: string | undefined): s is HelpArea {
  return (helpAreas as readonly string[]).includes(s ?? '');
}

/** Minutes as the help text says them: "30 分钟", "4 小时", "2 h 30 min". */
export function spokenMinutes(minutes: number, lang: string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const zh = lang.startsWith('zh');
  const hours = h ? (zh ? `${h} 小时` : `${h} h`) : '';
  const mins = m || !h ? (zh ? `${m} 分钟` : `${m} min`) : '';
  return [hours, mins].filter(Boolean).join(' ');
}
