import type { FeatureRoute } from '../../app/Shell';
import { InspectionDetail } from './InspectionDetail';
import { InspectionsPage } from './InspectionsPage';
import { isInspectionOverdue } from './deadlines';
import { useInspections } from './inspections.repo';
import { RunPage } from './RunPage';
import { TemplateEditor } from './TemplateEditor';
import { TemplatesPage } from './TemplatesPage';

// Fixed paths before `/inspections/:id`, which would otherwise match them.
export const routes: FeatureRoute[] = [
  { path: '/inspections', render: () => <InspectionsPage /> },
  { path: '/inspections/templates', render: () => <TemplatesPage /> },
  { path: '/inspections/templates/:id', render: (p) => <TemplateEditor key={p.id} id={p.id} /> },
  { path: '/inspections/:id', render: (p) => <InspectionDetail key={p.id} id={p.id} /> },
  { path: '/inspections/:id/run', render: (p) => <RunPage key={p.id} id={p.id} /> },
];

/** Overdue inspections on the navigation item. */
export function useNavBadge(): number {
  const rows = useInspections();
  const now = new Date();
  return (rows ?? []).filter((i) => isInspectionOverdue(i, now)).length;
}
