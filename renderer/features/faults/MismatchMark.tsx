/** How a stored row that differs from its log is reported: a mark on the list row, a warning on the detail. */
import { WarningOutlined } from '@ant-design/icons';
import { Alert, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProjectionMismatch } from './fault-view';

/** One line per field: `Level: stored L3, from the log L1`. */
export function mismatchLines(t: TFunction, list: ProjectionMismatch[], member: (id: string) => string): string[] {
  const value = (m: ProjectionMismatch, v: string | number) => {
    if (v === '—') return v;
    if (m.field === 'level') return t(`levels.${v}`);
    if (m.field === 'status') return t(`statuses.${v}`);
    if (m.field === 'track') return t(`tracks.${v}`);
    if (m.field === 'tier') return t(`tiers.${v}`);
    if (m.field === 'assigneeId') return member(String(v));
    return String(v);
  };
  return list.map((m) =>
    t('mismatch.item', {
      field: t(`mismatch.fields.${m.field}`),
      stored: value(m, m.stored),
      derived: value(m, m.derived),
    }),
  );
}

export function MismatchMark({ list, member }: { list: ProjectionMismatch[]; member: (id: string) => string }) {
  const { t } = useTranslation('faults');
  return (
    <Tooltip
      title={[t('mismatch.title'), ...mismatchLines(t, list, member)].map((line) => (
        <div key={line}>{line}</div>
      ))}
    >
      <WarningOutlined
        style={{ color: '#d4380d', marginInlineStart: 6 }}
        aria-label={t('mismatch.title')}
        data-testid="projection-mismatch"
      />
    </Tooltip>
  );
}

export function MismatchAlert({ list, member }: { list: ProjectionMismatch[]; member: (id: string) => string }) {
  const { t } = useTranslation('faults');
  if (!list.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12, whiteSpace: 'pre-line' }}
      title={t('mismatch.title')}
      description={[...mismatchLines(t, list, member), t('mismatch.hint')].join('\n')}
      data-testid="projection-mismatch-alert"
    />
  );
}
