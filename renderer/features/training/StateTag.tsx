import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObligationState, TopicState } from '@shared/domain/training';

const colors: Record<ObligationState, string> = { met: 'success', due: 'warning', late: 'error', pending: 'default' };
const topicColors: Record<TopicState, string> = {
  named: 'success',
  waiting: 'default',
  due: 'warning',
  missing: 'error',
  'not-needed': 'default',
};

export function StateTag({ state }: { state: ObligationState }) {
  const { t } = useTranslation('training');
  return (
    <Tag color={colors[state]} data-testid={`state-${state}`}>
      {t(`state.${state}`)}
    </Tag>
  );
}

export function TopicTag({ state }: { state: TopicState }) {
  const { t } = useTranslation('training');
  return <Tag color={topicColors[state]}>{t(`topicState.${state}`)}</Tag>;
}
