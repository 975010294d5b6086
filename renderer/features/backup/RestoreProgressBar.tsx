import { Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { restorePercent, type RestoreProgress } from './restore-progress';

/**
 * Where a restore is: a line of text (the phase, N of M) over a bar. `title` is the step's own line
 * (e.g. "Reading and checking the backup file…"); `percent` overrides the phase's own share of the bar.
 */
export function RestoreProgressBar({
  title,
  progress,
  percent,
}: {
  title?: string;
  progress?: RestoreProgress;
  percent?: number;
}) {
  const { t } = useTranslation('backup');
  const value = percent ?? (progress ? restorePercent(progress) : 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="restore-progress">
      {title && <Typography.Text>{title}</Typography.Text>}
      {progress && (
        <Typography.Text type="secondary" data-testid="restore-phase">
          {t(`restore.phase.${progress.phase}`, {
            done: Math.min(progress.done + 1, progress.total),
            total: progress.total,
          })}
        </Typography.Text>
      )}
      <Progress percent={value} status="active" />
    </Space>
  );
}
