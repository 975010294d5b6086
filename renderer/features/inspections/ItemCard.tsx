import { CameraOutlined, LinkOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, InspectionAnswer } from '@shared/schemas/inspection';
import { navigate } from '../../app/router';
import { AttachmentList } from '../../core';
import { AnswerInput } from './AnswerInput';
import { evidenceOwnerType } from './ids';
import type { AnswerPatch } from './inspections.repo';
import { judgeNumber, pick, resultFor } from '@shared/domain/inspection-judge';
import { Sparkline } from './Sparkline';
import { holdsSecret, useTextSecretCheck } from './secret-text';
import { useSentValue } from './use-sent-value';
import { SeverityTag } from './tags';
import type { TrendPoint } from '@shared/domain/inspection-trend';

/**
 * A text field saved after a short pause in typing and when left: every note survives a reload. A text
 * that looks like it holds a secret is not saved on the pause; when the field is left, the engineer
 * chooses to mask it, keep it, or go back to it (`check`).
 */
function AutosaveText({
  value,
  onSave,
  check,
  disabled,
  placeholder,
  required,
  testId,
  label,
}: {
  value: string | undefined;
  onSave: (v: string) => void;
  check: (text: string) => Promise<string | null>;
  disabled: boolean;
  placeholder: string;
  required?: boolean;
  testId: string;
  label: string;
}) {
  const [text, setText] = useState(value ?? '');
  const [focused, setFocused] = useState(false);
  // While the secret question is open, the typed text stays in the field (not replaced by the stored one).
  const [checking, setChecking] = useState(false);
  const area = useRef<TextAreaRef>(null);
  useEffect(() => {
    if (!focused && !checking) setText(value ?? '');
  }, [value, focused, checking]);
  const sent = useSentValue<string>(value ?? '', false);
  const asking = useRef(false);
  const commit = async () => {
    // The question's own dialog takes the focus (a blur): that is not a second commit.
    if (asking.current || !sent.changed(text, false)) return;
    let out = text;
    if (holdsSecret(text)) {
      setChecking(true);
      asking.current = true;
      const checked = await check(text).finally(() => (asking.current = false));
      setChecking(false);
      if (checked === null) {
        area.current?.focus();
        return;
      }
      out = checked;
      setText(out);
    }
    sent.mark(out);
    onSave(out);
  };
  useEffect(() => {
    if (!focused || !sent.changed(text, false) || holdsSecret(text)) return;
    const timer = setTimeout(() => void commit(), 800);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, focused]);
  return (
    <Input.TextArea
      ref={area}
      autoSize={{ minRows: 1, maxRows: 6 }}
      value={text}
      disabled={disabled}
      maxLength={2000}
      placeholder={placeholder}
      aria-label={label}
      aria-required={required}
      status={required && !text.trim() ? 'warning' : undefined}
      onFocus={() => setFocused(true)}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        setFocused(false);
        void commit();
      }}
      data-testid={testId}
    />
  );
}

export interface ItemCardHandle {
  focus: () => void;
}

export interface ItemCardProps {
  index: number;
  item: ChecklistItem;
  answer: InspectionAnswer | undefined;
  answerId: string;
  readOnly: boolean;
  history: TrendPoint[];
  month: string;
  evidenceCount: number;
  onSave: (patch: AnswerPatch) => void;
  onNext: () => void;
  onEscalate: () => void;
}

/** One checklist item in a run: what and how to check, the answer, notes, countermeasure, evidence, trend. */
export const ItemCard = forwardRef<ItemCardHandle, ItemCardProps>(function ItemCard(p, ref) {
  const { t, i18n } = useTranslation('inspections');
  const lng = i18n.language;
  const { item, answer, readOnly } = p;
  const card = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<number | undefined>(undefined);
  const [showEvidence, setShowEvidence] = useState(false);
  const checkText = useTextSecretCheck();
  useImperativeHandle(ref, () => ({
    focus: () => {
      card.current?.scrollIntoView({ block: 'nearest' });
      (input.current ?? card.current)?.focus();
    },
  }));
  const result = answer ? resultFor(item, answer) : undefined;
  const spec = item.answer;
  const isAbnormal =
    result === 'abnormal' || (spec.type === 'number' && draft !== undefined && judgeNumber(spec, draft) === 'abnormal');
  const testId = `item-${item.id}`;

  /** 1 / 2 / 3 on the item (not while typing in a field): normal, abnormal, not applicable. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly || e.ctrlKey || e.metaKey || e.altKey) return;
    const el = e.target as HTMLElement;
    if ((el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'radio') || el.tagName === 'TEXTAREA') return;
    const n = Number(e.key);
    if (!(n >= 1 && n <= 9)) return;
    e.preventDefault();
    if (spec.type === 'choice') {
      const o = spec.options[n - 1];
      if (o) p.onSave({ choice: o.value, result: undefined });
      if (o && !o.abnormal) p.onNext();
      return;
    }
    const r = (['normal', 'abnormal', 'na'] as const)[n - 1];
    if (!r || (spec.type === 'number' && r !== 'na')) return;
    p.onSave(r === 'na' && spec.type === 'number' ? { result: 'na', value: undefined } : { result: r });
    if (r !== 'abnormal') p.onNext();
  };

  const prev = p.history.filter((h) => h.month !== p.month);
  const current = draft ?? (result !== 'na' ? answer?.value : undefined);
  const points = current === undefined ? prev : [...prev, { month: p.month, value: current }];
  const hasEvidence = p.evidenceCount > 0;

  return (
    <Card
      ref={card}
      size="small"
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={testId}
      data-result={result ?? 'open'}
      style={{ borderColor: isAbnormal ? '#ffa39e' : undefined, outlineOffset: 2 }}
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">{p.index + 1}.</Typography.Text>
          <span>{pick(item.title, lng)}</span>
          {item.deepOnly && <Tag color="purple">{t('run.deepOnly')}</Tag>}
          {!item.required && <Tag>{t('run.optional')}</Tag>}
          {item.evidenceRequired && (
            <Tag icon={<CameraOutlined />} color={hasEvidence ? 'success' : 'warning'}>
              {t('run.evidenceRequired')}
            </Tag>
          )}
        </Flex>
      }
      extra={<SeverityTag severity={item.severity} />}
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>{pick(item.check, lng)}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 13 }}>
        {t('run.method')}
        {pick(item.method, lng)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 13 }}>
        {t('run.expected')}
        {pick(item.expected, lng)}
      </Typography.Paragraph>
      <Flex gap={16} align="flex-start" wrap>
        <AnswerInput
          ref={input}
          item={item}
          answer={answer}
          readOnly={readOnly}
          onSave={p.onSave}
          onNext={p.onNext}
          onDraft={setDraft}
          checkText={checkText}
          testId={testId}
        />
        {spec.type === 'number' && points.length > 0 && (
          <Flex align="center" gap={6}>
            <Sparkline points={points} threshold={spec.threshold} abnormal={isAbnormal} />
            {prev.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('run.previous', { month: prev[prev.length - 1].month, value: prev[prev.length - 1].value })}
              </Typography.Text>
            )}
          </Flex>
        )}
      </Flex>
      <div style={{ marginTop: 8 }}>
        <AutosaveText
          value={answer?.note}
          disabled={readOnly}
          onSave={(note) => p.onSave({ note })}
          check={checkText}
          placeholder={isAbnormal ? t('run.notePlaceholderAbnormal') : t('run.notePlaceholder')}
          required={isAbnormal}
          testId={`${testId}-note`}
          label={t('run.note')}
        />
      </div>
      {isAbnormal && (
        <div style={{ marginTop: 8 }} data-testid={`${testId}-abnormal`}>
          <AutosaveText
            value={answer?.countermeasure}
            disabled={readOnly}
            onSave={(countermeasure) => p.onSave({ countermeasure })}
            check={checkText}
            placeholder={t('run.countermeasurePlaceholder')}
            required
            testId={`${testId}-countermeasure`}
            label={t('run.countermeasure')}
          />
          <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
            <Checkbox
              checked={!!answer?.solved}
              disabled={readOnly || !answer}
              onChange={(e) => p.onSave({ solved: e.target.checked })}
            >
              {t('run.solved')}
            </Checkbox>
            {answer?.faultNumber ? (
              <Tag
                color="red"
                icon={<LinkOutlined />}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(`/faults/${answer.faultId}`)}
                data-testid={`${testId}-fault`}
              >
                {t('run.faultLinked', { number: answer.faultNumber })}
              </Tag>
            ) : null}
            {answer?.followUp && <Tag color="blue">{t('run.followUpLinked', { text: answer.followUp.text })}</Tag>}
            {!readOnly && !answer?.faultNumber && (
              <Button
                size="small"
                icon={<SafetyCertificateOutlined />}
                onClick={p.onEscalate}
                disabled={!answer?.note?.trim() || !answer?.countermeasure?.trim()}
                data-testid={`${testId}-escalate`}
              >
                {t('run.escalate')}
              </Button>
            )}
          </Flex>
        </div>
      )}
      <div style={{ marginTop: 8 }}>
        {item.evidenceRequired || hasEvidence || showEvidence || isAbnormal ? (
          <AttachmentList
            ownerType={evidenceOwnerType}
            ownerId={p.answerId}
            extensions={['png', 'jpg', 'jpeg', 'gif', 'webp']}
            readOnly={readOnly}
            testId={`${testId}-evidence`}
          />
        ) : (
          !readOnly && (
            <Button
              size="small"
              type="link"
              icon={<CameraOutlined />}
              onClick={() => setShowEvidence(true)}
              style={{ paddingInline: 0 }}
            >
              {t('run.addEvidence')}
            </Button>
          )
        )}
      </div>
    </Card>
  );
});
