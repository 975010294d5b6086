import type { FeatureRoute } from '../../app/Shell';
import { ArticleEditor } from './ArticleEditor';
import { ArticleView } from './ArticleView';
import { KbPage } from './KbPage';

// `/kb/new` before `/kb/:id`: the first matching route wins.
export const routes: FeatureRoute[] = [
  { path: '/kb', render: () => <KbPage /> },
  { path: '/kb/new', render: () => <ArticleEditor /> },
  { path: '/kb/:id', render: (p) => <ArticleView id={p.id} key={p.id} /> },
  { path: '/kb/:id/edit', render: (p) => <ArticleEditor id={p.id} key={p.id} /> },
];
