import {
  AlertOutlined,
  AuditOutlined,
  BookOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  SyncOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Alert, Badge, Layout, Menu, Result } from 'antd';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditChainBanner } from '../features/audit';
import { AboutFromMenu } from '../features/about';
import { BackupBanner, OpenedBackupFile } from '../features/backup';
import { HeaderBar } from './HeaderBar';
import { matchPath, navigate, usePath } from './router';
import { useSessionStore } from './session.store';

export interface FeatureRoute {
  path: string;
  render: (params: Record<string, string>) => ReactNode;
}
interface FeatureModule {
  routes: FeatureRoute[];
  /** Count shown on the feature's navigation item (e.g. at-risk faults). */
  useNavBadge?: () => number;
}

const modules = import.meta.glob<FeatureModule>('../features/*/routes.tsx', { eager: true });
const featureOf = (key: string) => modules[`../features/${key}/routes.tsx`];
const allRoutes = Object.values(modules).flatMap((m) => m.routes);

const nav = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { key: 'faults', path: '/faults', icon: <AlertOutlined /> },
  { key: 'requests', path: '/requests', icon: <SolutionOutlined /> },
  { key: 'inspections', path: '/inspections', icon: <FileSearchOutlined /> },
  { key: 'kb', path: '/kb', icon: <BookOutlined /> },
  { key: 'training', path: '/training', icon: <ReadOutlined /> },
  { key: 'feedback', path: '/feedback', icon: <CommentOutlined /> },
  { key: 'reports', path: '/reports', icon: <FileDoneOutlined /> },
  { key: 'sync', path: '/sync', icon: <SyncOutlined /> },
  { key: 'audit', path: '/audit', icon: <AuditOutlined /> },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
] as const;

function NavLabel({ label, feature }: { label: string; feature: string }) {
  const useBadge = featureOf(feature)?.useNavBadge ?? (() => 0);
  const count = useBadge();
  return (
    <span data-testid={`nav-${feature}`}>
      {label}
      {count > 0 && (
        <Badge count={count} size="small" style={{ marginInlineStart: 8 }} data-testid={`nav-badge-${feature}`} />
      )}
    </span>
  );
}

/** The main window: navigation on the left, the routed page on the right. */
export function Shell() {
  const { t } = useTranslation();
  const path = usePath();
  const collapsed = useSessionStore((s) => s.isSiderCollapsed);
  const toggle = useSessionStore((s) => s.toggleSider);
  const isReadOnly = useSessionStore((s) => s.isReadOnly);
  const banner = useSessionStore((s) => s.banner);
  const active =
    [...nav].reverse().find((n) => (n.path === '/' ? path === '/' : path.startsWith(n.path)))?.key ?? 'dashboard';
  let page: ReactNode = null;
  for (const r of allRoutes) {
    const params = matchPath(r.path, path);
    if (params) {
      page = r.render(params);
      break;
    }
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={toggle} width={208} breakpoint="lg">
        <div className="app-logo" title={t('app.name')}>
          <ToolOutlined aria-hidden />
          {!collapsed && <span>{t('app.name')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[active]}
          onClick={(e) => navigate(nav.find((n) => n.key === e.key)!.path)}
          items={nav.map((n) => ({
            key: n.key,
            icon: n.icon,
            label: <NavLabel label={t(`nav.${n.key}`)} feature={n.key} />,
          }))}
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        {isReadOnly && (
          <Alert type="warning" showIcon banner title={t('db.readOnlyBanner')} data-testid="read-only-banner" />
        )}
        {banner && <Alert type="warning" showIcon banner title={t(`db.banner.${banner}`)} />}
        <AuditChainBanner />
        {!isReadOnly && <BackupBanner />}
        {!isReadOnly && <OpenedBackupFile />}
        <AboutFromMenu />
        <Layout.Content style={{ padding: 20, overflow: 'auto' }}>
          {page ?? <Result status="404" title={t('nav.notFound')} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
