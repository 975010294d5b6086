import { WarningOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDb } from '../../db';
import { navigate } from '../../app/router';

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
 * Renders nothing when there is none.
 */
export function ConflictMark({ table, recordId }: { table: string; recordId: string | undefined }) {
  const { t } = useTranslation('sync');
  const fields = useRecordConflicts(table, recordId);
  if (!fields || fields.length === 0) return null;
  return (
    <Tooltip title={t('mark.tip', { fields: fields.join(', ') })}>
      <Tag color="orange" icon={<WarningOutlined />} data-testid="conflict-mark" style={{ marginInlineStart: 8 }}>
        {t('mark.label', { count: fields.length })}{' '}
        <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => navigate('/sync')}>
          {t('mark.open')}
        </Button>
      </Tag>
    </Tooltip>
  );
}
