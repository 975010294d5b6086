import { SearchOutlined } from '@ant-design/icons';
import { Input, List, Modal, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { getDb } from '../../db';
import { searchPalette, type PaletteItem, type PaletteKind } from './palette-search';

const pages: Array<[path: string, key: string]> = [
  ['/', 'common:nav.dashboard'],
  ['/faults', 'common:nav.faults'],
  ['/faults/new', 'palette:newFault'],
  ['/requests', 'common:nav.requests'],
  ['/requests/new', 'palette:newRequest'],
  ['/inspections', 'common:nav.inspections'],
  ['/kb', 'common:nav.kb'],
  ['/training', 'common:nav.training'],
  ['/feedback', 'common:nav.feedback'],
  ['/reports', 'common:nav.reports'],
  ['/audit', 'common:nav.audit'],
  ['/settings', 'common:nav.settings'],
  ['/help', 'help:open'],
];

/** Every record the palette can jump to, read once when it opens (a few thousand rows at most). */
async function loadRecords(): Promise<PaletteItem[]> {
  const db = getDb();
  const [faults, requests, inspections, articles, systems, trainings] = await Promise.all([
    db.faults.toArray(),
    db.serviceRequests.toArray(),
    db.inspections.toArray(),
    db.kbArticles.toArray(),
    db.systems.toArray(),
    db.trainings.toArray(),
  ]);
  return [
    ...faults.map((f) => ({ kind: 'fault' as const, path: `/faults/${f.id}`, label: `${f.number} ${f.symptoms}` })),
    ...requests.map((r) => ({ kind: 'request' as const, path: `/requests/${r.id}`, label: `${r.number} ${r.title}` })),
    ...inspections.map((i) => ({
      kind: 'inspection' as const,
      path: `/inspections/${i.id}`,
      label: `${i.number} ${i.month}`,
    })),
    ...articles.map((a) => ({
      kind: 'article' as const,
      path: `/kb/${a.id}`,
      label: `${a.number} ${a.title}`,
      keywords: (a.tags ?? []).join(' '),
    })),
    ...systems.map((s) => ({
      kind: 'system' as const,
      path: '/settings/inventory',
      label: s.name,
      keywords: Object.values(s)
        .filter((v) => typeof v === 'string')
        .join(' '),
    })),
    ...trainings.map((x) => ({ kind: 'training' as const, path: `/training/records/${x.id}`, label: x.topic })),
  ];
}

/**
 * Ctrl+K (⌘K) opens a palette that goes to any page or finds a fault, request, inspection, article,
 * system or training by number or words; ↑↓ choose, Enter goes, Esc closes. Ctrl+N starts a new fault.
 */
export function CommandPalette() {
  const { t } = useTranslation('palette');
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [records, setRecords] = useState<PaletteItem[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      } else if (mod && e.key.toLowerCase() === 'n' && !e.shiftKey) {
        e.preventDefault();
        navigate('/faults/new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (!open) return;
    setQuery('');
    setActive(0);
    void loadRecords().then(setRecords, () => setRecords([]));
  }, [open]);

  const items = useMemo(
    () => [...pages.map(([path, key]) => ({ kind: 'page' as const, path, label: t(key) })), ...records],
    [records, t],
  );
  const hits = useMemo(() => searchPalette(items, query), [items, query]);
  const go = useCallback((path: string) => {
    setOpen(false);
    navigate(path);
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && hits[active]) go(hits[active].path);
    else return;
    e.preventDefault();
  };
  const kindLabel = (k: PaletteKind) => t(`kinds.${k}`);

  return (
    <Modal open={open} onCancel={() => setOpen(false)} footer={null} closable={false} width={640} destroyOnHidden>
      <Input
        autoFocus
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('placeholder')}
        aria-label={t('title')}
        data-testid="palette-input"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <List
        style={{ marginTop: 8, maxHeight: 420, overflowY: 'auto' }}
        data-testid="palette-results"
        locale={{ emptyText: t('empty') }}
        dataSource={hits}
        renderItem={(h, i) => (
          <List.Item
            role="option"
            aria-selected={i === active}
            // Move, not enter: a list that opens under a resting pointer must not change the choice.
            onMouseMove={() => setActive(i)}
            onClick={() => go(h.path)}
            style={{ cursor: 'pointer', paddingInline: 8, background: i === active ? '#e6f4ff' : undefined }}
          >
            <Typography.Text ellipsis style={{ maxWidth: 500 }}>
              {h.label}
            </Typography.Text>
            <Tag>{kindLabel(h.kind)}</Tag>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('keys')}
      </Typography.Text>
    </Modal>
  );
}
