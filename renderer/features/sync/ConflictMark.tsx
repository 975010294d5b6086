import { WarningOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDb } from '../../db';
import { navigate } from '../../app/router';
import { fieldLabel } from './field-labels';

/** The fields of one record that two laptops changed since they last synced, not yet decided. */
export function useRecordConflicts(table: string, recordId: string | undefined): string[] | undefined {
  return useLiveQuery(
    async () =>
      recordId
        ? (await getDb().syncConflicts.where('[table+recordId]').equals([table, recordId]).toArray()).map(
            (c) => c.field,
          )
        : [],
    [table, recordId],
  );
}

/**
 * The mark a record carries while a sync conflict on it waits for a person: the record shows the
 * later value meanwhile; the mark names the fields and leads to the conflict list on the Sync page.
 * Renders nothing when there is none. `compact`: the icon and the count only (a day cell of the
 * roster grid), the same tooltip, a click leads to the conflict list.
 */
export function ConflictMark({
  table,
  recordId,
  compact = false,
}: {
  table: string;
  recordId: string | undefined;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation('sync');
  const fields = useRecordConflicts(table, recordId);
  if (!fields || fields.length === 0) return null;
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    fields.map((f) => fieldLabel(t, table, f)),
  );
  if (compact)
    return (
      <Tooltip title={t('mark.tip', { fields: names })}>
        <Tag
          color="orange"
          icon={<WarningOutlined />}
          data-testid="conflict-mark"
          role="button"
          tabIndex={0}
          aria-label={t('mark.tip', { fields: names })}
          style={{ cursor: 'pointer', marginInlineStart: 4 }}
          onClick={() => navigate('/sync')}
          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && navigate('/sync')}
        >
          {fields.length}
        </Tag>
      </Tooltip>
    );
  return (
    <Tooltip title={t('mark.tip', { fields: names })}>
      <Tag color="orange" icon={<WarningOutlined />} data-testid="conflict-mark" style={{ marginInlineStart: 8 }}>
        {t('mark.label', { count: fields.length })}{' '}
        <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => navigate('/sync')}>
          {t('mark.open')}
        </Button>
      </Tag>
    </Tooltip>
  );
}
