import { Input, Radio, Tag, Typography, type InputRef } from 'antd';
import { forwardRef, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerResult, ChecklistItem, InspectionAnswer, NumberSpec } from '@shared/schemas/inspection';
import { impossibleValue, judgeNumber, parseNumberInput, pick, thresholdText } from '@shared/domain/inspection-judge';
import type { AnswerPatch } from './inspections.repo';
import { unitLabel } from './report-data';
import { holdsSecret } from './secret-text';
import { ResultTag } from './tags';
import { useSentValue } from './use-sent-value';

export interface AnswerInputProps {
  item: ChecklistItem;
  answer: InspectionAnswer | undefined;
  readOnly: boolean;
  /** Saves at once (a choice) or when the engineer moves on (typed text). */
  onSave: (patch: AnswerPatch) => void;
  /** Enter in a field: done with this item. */
  onNext: () => void;
  /** The value being typed, judged live (for the trend and the tag). */
  onDraft?: (value: number | undefined) => void;
  /** Offers to mask a secret in a typed answer before it is saved (null: back to editing). */
  checkText: (text: string) => Promise<string | null>;
  testId: string;
}

/** Status answers: normal / abnormal / not applicable, also by the 1 / 2 / 3 keys on the item. */
function ResultButtons({
  value,
  onChange,
  disabled,
  testId,
}: {
  value: AnswerResult | undefined;
  onChange: (r: AnswerResult) => void;
  disabled: boolean;
  testId: string;
}) {
  const { t } = useTranslation('inspections');
  return (
    <Radio.Group
      value={value}
      disabled={disabled}
      optionType="button"
      buttonStyle="solid"
      onChange={(e) => onChange(e.target.value)}
      data-testid={`${testId}-result`}
      options={(['normal', 'abnormal', 'na'] as const).map((r, i) => ({
        value: r,
        label: t('run.resultKey', { key: i + 1, label: t(`result.${r}`) }),
      }))}
    />
  );
}

/** A measured number: typed freely, refused at the field when it is not a number, judged as typed. */
const NumberAnswer = forwardRef<HTMLInputElement, AnswerInputProps & { spec: NumberSpec }>(function NumberAnswer(
  { item, answer, readOnly, onSave, onNext, onDraft, testId, spec },
  ref,
) {
  const { t, i18n } = useTranslation('inspections');
  const stored = answer?.value === undefined ? '' : String(answer.value);
  const [text, setText] = useState(stored);
  const [focused, setFocused] = useState(false);
  // The stored value wins while the field is not being edited (another engineer's change, a reload).
  useEffect(() => {
    if (!focused) setText(stored);
  }, [stored, focused]);
  const parsed = parseNumberInput(text);
  const impossible = parsed.ok ? impossibleValue(spec, parsed.value) : undefined;
  const invalid = (!parsed.ok && parsed.reason === 'notNumber') || !!impossible;
  const live = parsed.ok && !impossible ? judgeNumber(spec, parsed.value) : undefined;
  const sent = useSentValue<number | undefined>(answer?.value, answer?.result === 'na');
  const commit = () => {
    if (invalid) return false;
    const value = parsed.ok ? parsed.value : undefined;
    if (sent.changed(value, value !== undefined && sent.baselineNa())) {
      sent.mark(value);
      onSave({ value, result: undefined });
    }
    return true;
  };
  // A valid number typed but not yet confirmed is saved after a short pause: a reload loses nothing.
  useEffect(() => {
    if (!focused || invalid || text === stored) return;
    const timer = setTimeout(commit, 800);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, focused]);
  const unit = unitLabel(spec.unit, t);
  return (
    <div>
      <Input
        ref={ref as never}
        inputMode="decimal"
        value={text}
        disabled={readOnly}
        status={invalid ? 'error' : undefined}
        style={{ width: 220 }}
        suffix={unit}
        aria-label={t('run.valueOf', { item: pick(item.title, i18n.language), unit })}
        aria-invalid={invalid}
        placeholder={t('run.numberPlaceholder', { threshold: thresholdText(spec, unit) })}
        onFocus={() => setFocused(true)}
        onChange={(e) => {
          setText(e.target.value);
          const p = parseNumberInput(e.target.value);
          onDraft?.(p.ok ? p.value : undefined);
        }}
        onBlur={() => {
          setFocused(false);
          commit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && commit()) {
            e.preventDefault();
            onNext();
          }
        }}
        data-testid={`${testId}-value`}
      />
      {answer?.result === 'na' && !text && (
        <Tag style={{ marginInlineStart: 8 }} data-testid="result-na">
          {t('result.na')}
        </Tag>
      )}
      {live && (
        <span style={{ marginInlineStart: 8 }}>
          <ResultTag result={live} />
        </span>
      )}
      {invalid && (
        <Typography.Text type="danger" style={{ display: 'block' }} role="alert" data-testid={`${testId}-number-error`}>
          {impossible
            ? t(`run.impossible.${impossible}`, { item: pick(item.title, i18n.language), unit })
            : t('run.notNumber', { unit })}
        </Typography.Text>
      )}
    </div>
  );
});

/** The answer control for an item's answer type. */
export const AnswerInput = forwardRef<HTMLInputElement, AnswerInputProps>(function AnswerInput(props, ref) {
  const { t, i18n } = useTranslation('inspections');
  const { item, answer, readOnly, onSave, onNext, checkText, testId } = props;
  const spec = item.answer;
  const [text, setText] = useState(answer?.text ?? '');
  const [focused, setFocused] = useState(false);
  const [checking, setChecking] = useState(false);
  const field = useRef<InputRef>(null);
  useEffect(() => {
    if (!focused && !checking) setText(answer?.text ?? '');
  }, [answer?.text, focused, checking]);
  const sent = useSentValue<string>(answer?.text ?? '', false);
  /** Saves the typed answer (a secret in it masked or kept as the engineer chooses); false: back to editing. */
  const asking = useRef(false);
  const commitText = async (): Promise<boolean> => {
    // The question's own dialog takes the focus (a blur): that is not a second commit.
    if (asking.current) return false;
    if (!sent.changed(text, false)) return true;
    let out = text;
    if (holdsSecret(text)) {
      setChecking(true);
      asking.current = true;
      const checked = await checkText(text).finally(() => (asking.current = false));
      setChecking(false);
      if (checked === null) {
        field.current?.focus();
        return false;
      }
      out = checked;
      setText(out);
    }
    sent.mark(out);
    onSave({ text: out });
    return true;
  };
  if (spec.type === 'number') return <NumberAnswer {...props} spec={spec} ref={ref} />;
  if (spec.type === 'status')
    return (
      <ResultButtons
        value={answer?.result}
        disabled={readOnly}
        onChange={(result) => onSave({ result })}
        testId={testId}
      />
    );
  if (spec.type === 'choice') {
    return (
      <Radio.Group
        value={answer?.result === 'na' ? 'na' : answer?.choice}
        disabled={readOnly}
        onChange={(e) =>
          onSave(
            e.target.value === 'na'
              ? { result: 'na', choice: undefined }
              : { choice: e.target.value, result: undefined },
          )
        }
        data-testid={`${testId}-choice`}
        options={[
          ...spec.options.map((o, i) => ({
            value: o.value,
            label: t('run.resultKey', { key: i + 1, label: pick(o.label, i18n.language) }),
          })),
          { value: 'na', label: t('result.na') },
        ]}
      />
    );
  }
  return (
    <div>
      <Input
        ref={(el) => {
          field.current = el;
          if (typeof ref === 'function') ref(el as never);
          else if (ref) ref.current = el as never;
        }}
        value={text}
        disabled={readOnly}
        maxLength={2000}
        style={{ maxWidth: 480, marginBottom: 6 }}
        placeholder={t('run.textPlaceholder')}
        aria-label={pick(item.title, i18n.language)}
        onFocus={() => setFocused(true)}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          setFocused(false);
          void commitText();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commitText().then((saved) => saved && onNext());
          }
        }}
        data-testid={`${testId}-text`}
      />
      <div>
        <ResultButtons
          value={answer?.text ? (answer.result ?? 'normal') : answer?.result}
          disabled={readOnly}
          onChange={(result) => onSave({ result })}
          testId={testId}
        />
      </div>
    </div>
  );
});
