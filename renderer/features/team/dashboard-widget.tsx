import { PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../core';
import { navigate } from '../../app/router';
import { useTodayDuty } from './team.repo';

export const order = 20;
export const span = 12;

/** Today's duty engineer (7×24 on call) and the number to ring. */
export function Widget() {
  const { t, i18n } = useTranslation('team');
  const duty = useTodayDuty();
  return (
    <Card
      size="small"
      title={t('widget.title')}
      extra={
        <Button type="link" size="small" onClick={() => navigate('/training/roster')}>
          {t('widget.roster')}
        </Button>
      }
      data-testid="duty-widget"
    >
      {!duty ? null : duty.member ? (
        <Space orientation="vertical" size={2}>
          <Typography.Text type="secondary">{formatDate(duty.date, i18n.language)}</Typography.Text>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="duty-name">
            <UserOutlined aria-hidden /> {duty.member.name}
          </Typography.Title>
          <Typography.Text copyable={!!duty.member.phone} style={{ fontSize: 16 }} data-testid="duty-phone">
            <PhoneOutlined aria-hidden /> {duty.member.phone || t('widget.noPhone')}
          </Typography.Text>
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('widget.nobody')}>
          <Button size="small" onClick={() => navigate('/training/roster')}>
            {t('widget.fill')}
          </Button>
        </Empty>
      )}
    </Card>
  );
}
