import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isSerious } from '@shared/domain/training';
import { formatDate, shanghaiDate } from '../../core';
import { navigate } from '../../app/router';
import { useObligations } from './training.repo';

export const order = 40;
export const span = 12;

/** The year's training obligations at a glance, with what needs doing. */
export function Widget() {
  const { t, i18n } = useTranslation('training');
  const year = Number(shanghaiDate(new Date()).slice(0, 4));
  const o = useObligations(year);
  if (!o) return null;
  return (
    <Card
      size="small"
      title={t('widget.title', { year })}
      extra={
        <Button type="link" size="small" onClick={() => navigate('/training/plan')}>
          {t('widget.open')}
        </Button>
      }
      data-testid="training-widget"
    >
      <Flex gap={24} style={{ marginBottom: 8 }}>
        <Typography.Text>
          {t('obligations.metCount', { met: o.inspectionMet, total: o.inspection.length })}
        </Typography.Text>
        <Typography.Text>{t('widget.special', { state: t(`state.${o.special.state}`) })}</Typography.Text>
      </Flex>
      {o.reminders.length === 0 ? (
        <Typography.Text type="success">{t('reminders.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          {[...o.reminders]
            .sort((a, b) => Number(isSerious(b.kind)) - Number(isSerious(a.kind)))
            .slice(0, 3)
            .map((r, i) => (
              <Alert
                key={i}
                type={isSerious(r.kind) ? 'error' : 'warning'}
                showIcon
                title={t(`reminders.${r.kind}`, { n: r.slot, date: formatDate(r.date, i18n.language) })}
              />
            ))}
        </Flex>
      )}
    </Card>
  );
}
