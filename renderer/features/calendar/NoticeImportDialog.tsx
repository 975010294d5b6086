import { Alert, Input, Modal, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarYearDays, type CalendarData } from '@shared/domain/calendar';
import { parseHolidayNotice } from '@shared/domain/holiday-notice';
import { Legend, YearGrid } from './YearGrid';

/**
 * Paste the State Council's holiday notice: the year it yields is shown on a month grid, with every
 * line that could not be read listed, before anything is saved.
 */
export function NoticeImportDialog({
  open,
  calendar,
  fallbackYear,
  onCancel,
  onSave,
}: {
  open: boolean;
  calendar: CalendarData;
  fallbackYear: number;
  onCancel: () => void;
  onSave: (year: { year: number; holidays: string[]; workdays: string[]; source: string }) => Promise<void>;
}) {
  const { t } = useTranslation('calendar');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const parsed = useMemo(() => parseHolidayNotice(text, text.trim() ? undefined : fallbackYear), [text, fallbackYear]);
  const year = parsed.year;
  const preview = useMemo(() => {
    if (year === undefined) return [];
    const others = (d: string) => !d.startsWith(`${year}-`);
    const merged: CalendarData = {
      ...calendar,
      holidays: [...calendar.holidays.filter(others), ...parsed.holidays],
      workdays: [...calendar.workdays.filter(others), ...parsed.workdays],
      years: [...new Set([...calendar.years, year])],
    };
    return calendarYearDays(merged, year);
  }, [calendar, parsed, year]);
  const readable = year !== undefined && parsed.holidays.length > 0;

  const save = async () => {
    if (!readable) return;
    setSaving(true);
    try {
      await onSave({
        year,
        holidays: parsed.holidays,
        workdays: parsed.workdays,
        source: t('notice.source', { year }),
      });
      setText('');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={960}
      title={t('notice.title')}
      okText={year ? t('notice.save', { year }) : t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ disabled: !readable, loading: saving }}
      onOk={() => void save()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('notice.hint')}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('notice.textLabel')}
        data-testid="notice-text"
        autoSize={{ minRows: 6, maxRows: 12 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('notice.placeholder')}
      />
      {text.trim() && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Space wrap data-testid="notice-summary">
            {year !== undefined && <Tag color="blue">{t('notice.year', { year })}</Tag>}
            <Tag color="red">{t('notice.holidays', { count: parsed.holidays.length })}</Tag>
            <Tag color="geekblue">{t('notice.workdays', { count: parsed.workdays.length })}</Tag>
            <Tag>{t('notice.lines', { count: parsed.readLines.length })}</Tag>
          </Space>
          {parsed.problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="notice-problems"
              title={t('notice.problemsTitle', { count: parsed.problems.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {parsed.problems.map((p, i) => (
                    <li key={i}>
                      <Typography.Text strong>
                        {t(`notice.problem.${p.code}`, { value: p.value ?? '' })}
                      </Typography.Text>
                      {' — '}
                      <Typography.Text type="secondary">{p.line}</Typography.Text>
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {preview.length > 0 && (
            <>
              <Legend />
              <YearGrid days={preview} onDay={() => undefined} />
            </>
          )}
        </Space>
      )}
    </Modal>
  );
}
