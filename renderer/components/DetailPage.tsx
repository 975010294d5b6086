import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/router';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';
import { useSaveHandler } from './useSaveHandler';
import { useUndoMessage } from './useUndoMessage';

/** How a record is deleted and brought back (the feature's repository functions). */
export type DetailDelete<R> = {
  /** The confirmation question. */
  confirm: string;
  /** Deletes; returns what `restore` needs, or null when there was nothing to delete. */
  remove: () => Promise<R | null | undefined>;
  restore: (removed: R) => Promise<unknown>;
  /** Key of the "Deleted — Undo" message (one per record). */
  undoKey: string;
};

type Props<R> = {
  /** Where Back (and a delete) leads, e.g. `/kb`. */
  backTo: string;
  backLabel: string;
  title: ReactNode;
  titleTestId?: string;
  sub?: ReactNode;
  /** Buttons between Back and Delete. */
  actions?: ReactNode;
  /** Buttons after Delete (the main action last). */
  primary?: ReactNode;
  remove?: DetailDelete<R>;
  children: ReactNode;
};

/**
 * The frame of one record's page (a knowledge article, a training): the title line with Back, the page's
 * own actions, a confirmed Delete that leads back and can be undone from its message, then the body.
 * `RecordGate` covers the page while the record loads or when it does not exist.
 */
export function DetailPage<R>({
  backTo,
  backLabel,
  title,
  titleTestId,
  sub,
  actions,
  primary,
  remove,
  children,
}: Props<R>) {
  const { t } = useTranslation();
  const save = useSaveHandler();
  const undo = useUndoMessage();
  const onDelete = (d: DetailDelete<R>) =>
    save(async () => {
      const removed = await d.remove();
      navigate(backTo);
      if (removed) undo(d.undoKey, () => d.restore(removed));
    }, null);

  return (
    <>
      <PageHeader
        title={<span data-testid={titleTestId}>{title}</span>}
        sub={sub}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(backTo)}>
              {backLabel}
            </Button>
            {actions}
            {remove && (
              <Popconfirm
                title={remove.confirm}
                okText={t('common:actions.delete')}
                cancelText={t('common:actions.cancel')}
                onConfirm={() => void onDelete(remove)}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t('common:actions.delete')}
                </Button>
              </Popconfirm>
            )}
            {primary}
          </>
        }
      />
      {children}
    </>
  );
}

/**
 * A spinner while `record` loads (undefined), "not found" with a way back when it does not exist (null);
 * nothing once it is there. Use: `if (record == null) return <RecordGate … />`.
 */
export function RecordGate({
  record,
  notFound,
  backTo,
  backLabel,
  testId,
}: {
  record: unknown;
  notFound: string;
  backTo: string;
  backLabel: string;
  testId?: string;
}) {
  if (record === undefined) return <Spin />;
  if (record === null)
    return <EmptyState testId={testId} title={notFound} action={backLabel} onAction={() => navigate(backTo)} />;
  return null;
}
