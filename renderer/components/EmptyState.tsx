import { Button, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

/** An empty list or a page still to come: says what will be here and, where possible, how to start. */
export function EmptyState({
  title,
  description,
  action,
  onAction,
  testId,
}: {
  title: string;
  description?: ReactNode;
  action?: string;
  onAction?: () => void;
  testId?: string;
}) {
  return (
    <Empty
      data-testid={testId ?? 'empty-state'}
      style={{ margin: '48px auto', maxWidth: 560 }}
      description={
        <>
          <Typography.Title level={5} style={{ marginBottom: 4 }}>
            {title}
          </Typography.Title>
          {description && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
        </>
      }
    >
      {action && onAction && (
        <Button type="primary" onClick={onAction}>
          {action}
        </Button>
      )}
    </Empty>
  );
}
