/**
 * Guided level: the intake questions of docs/domain.md propose a level (shared/domain/level.ts), shown
 * beside the contract's four definitions; choosing another level needs a reason. The track follows
 * the level unless the engineer changes it.
 */
import { Alert, Card, Checkbox, Col, Form, Input, Radio, Row, Typography, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultTrack, proposeLevel, type IntakeAnswers } from '@shared/domain/level';
import { useRules } from '../../core';
import { LevelTag } from './tags';

const questions: (keyof IntakeAnswers)[] = [
  'businessInterrupted',
  'interruptedOverHour',
  'keyDataLost',
  'redundantSideDown',
  'keyBusinessAffected',
  'informationOnly',
];

export function LevelGuide({ form }: { form: FormInstance }) {
  const { t } = useTranslation('faults');
  const r = useRules();
  const answers = (Form.useWatch('answers', form) ?? {}) as IntakeAnswers;
  const level = Form.useWatch('level', form) as 1 | 2 | 3 | 4 | undefined;
  const proposal = proposeLevel(answers);
  const levelTouched = useRef(false);
  const trackTouched = useRef(false);
  useEffect(() => {
    if (!levelTouched.current) form.setFieldValue('level', proposal.level);
  }, [form, proposal.level]);
  useEffect(() => {
    if (!trackTouched.current && level) form.setFieldValue('track', defaultTrack(level));
  }, [form, level]);
  const overridden = level !== undefined && level !== proposal.level;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>
        {questions.map((q) => (
          <Form.Item key={q} name={['answers', q]} valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox disabled={q === 'interruptedOverHour' && !answers.businessInterrupted} data-testid={`q-${q}`}>
              {t(`intake.questions.${q}`)}
            </Checkbox>
          </Form.Item>
        ))}
        <Alert
          style={{ margin: '12px 0' }}
          type={proposal.level <= 2 ? 'warning' : 'info'}
          showIcon
          data-testid="level-proposal"
          title={t('intake.proposed', { level: t(`levels.${proposal.level}`) })}
          description={t('intake.proposedBecause', { reason: t(proposal.reasonKey) })}
        />
        <Form.Item
          name="level"
          label={t('intake.level')}
          rules={[{ required: true, message: t('common:validation.required') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            onChange={() => (levelTouched.current = true)}
            options={[1, 2, 3, 4].map((l) => ({ value: l, label: t(`levels.${l}`) }))}
            data-testid="level-radio"
          />
        </Form.Item>
        {overridden && (
          <Form.Item
            name="overrideReason"
            label={t('intake.overrideReason')}
            extra={t('intake.override')}
            rules={[{ ...r.required, message: t('errors.reasonRequired') }, r.max(500)]}
          >
            <Input data-testid="override-reason" />
          </Form.Item>
        )}
        <Form.Item name="track" label={t('intake.track')} extra={t('intake.trackHint')}>
          <Radio.Group
            onChange={() => (trackTouched.current = true)}
            options={(['remote', 'onsite'] as const).map((v) => ({ value: v, label: t(`tracks.${v}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} lg={11}>
        <Card size="small" title={t('intake.definitions')} data-testid="level-definitions">
          {[1, 2, 3, 4].map((l) => (
            <div
              key={l}
              style={{
                padding: '6px 8px',
                marginBottom: 4,
                borderRadius: 4,
                background: l === (level ?? proposal.level) ? '#f0f5ff' : undefined,
                border: l === proposal.level ? '1px solid #adc6ff' : '1px solid transparent',
              }}
            >
              <LevelTag level={l} /> <Typography.Text strong>{t(`levelSigns.${l}`)}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }}>
                {t(`levelDefs.${l}`)}
              </Typography.Paragraph>
            </div>
          ))}
        </Card>
      </Col>
    </Row>
  );
}
