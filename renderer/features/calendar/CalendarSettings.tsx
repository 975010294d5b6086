import { App, Alert, Button, Card, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addCalendarEntry,
  calendarYear,
  calendarYearDays,
  coverage,
  removeCalendarEntry,
  type CalendarIssue,
  type DayKind,
} from '@shared/domain/calendar';
import { platform } from '../../platform';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useClockConfig } from '../../core';
import { CalendarInputError, resetCalendarYear, saveCalendarYear, saveWorkHours } from './calendar.repo';
import { Legend, YearGrid } from './YearGrid';
import { NoticeImportDialog } from './NoticeImportDialog';

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Business calendar: hours, and per year the statutory holidays and 调休 working days. */
export function CalendarSettings() {
  const { t } = useTranslation('calendar');
  const { message, modal } = App.useApp();
  const save = useSaveHandler();
  const { calendar } = useClockConfig();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [hours, setHours] = useState<Array<{ start: string; end: string }> | null>(null);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const shownHours = hours ?? calendar.workHours;
  const days = useMemo(() => calendarYearDays(calendar, year), [calendar, year]);
  const cov = coverage(calendar, year);
  const years = [...new Set([...calendar.years, thisYear, thisYear + 1])].sort();

  const explain = (issues: CalendarIssue[] | string[]) =>
    modal.error({
      title: t('invalid'),
      content: (
        <ul data-testid="calendar-errors">
          {issues.map((i, n) => (
            <li key={n}>
              {typeof i === 'string' ? i : t(`issues.${i.code}`, { value: i.value ?? '', defaultValue: i.message })}
            </li>
          ))}
        </ul>
      ),
    });
  /** Runs a save; true when it succeeded (a failure has been explained to the user). */
  const run = async (fn: () => Promise<unknown>, ok = 'common:actions.saved'): Promise<boolean> => {
    try {
      await fn();
      message.success(t(ok));
      return true;
    } catch (err) {
      if (err instanceof CalendarInputError) explain(err.issues);
      else await save(() => Promise.reject(err));
      return false;
    }
  };
  const storeYear = (cal: typeof calendar) => run(() => saveCalendarYear(calendarYear(cal, year)));
  const onDay = (date: string, kind: DayKind) => {
    const weekend = kind === 'weekend' || kind === 'adjusted-workday';
    const next =
      kind === 'holiday' || kind === 'adjusted-workday'
        ? { ok: true as const, value: removeCalendarEntry(calendar, date) }
        : addCalendarEntry(calendar, weekend ? 'workday' : 'holiday', date);
    if (!next.ok) return explain(next.issues);
    modal.confirm({
      title: t('confirmDay', {
        date,
        to: t(
          `kinds.${kind === 'workday' ? 'holiday' : kind === 'weekend' ? 'adjusted-workday' : weekend ? 'weekend' : 'workday'}`,
        ),
      }),
      okText: t('common:actions.ok'),
      cancelText: t('common:actions.cancel'),
      onOk: () => storeYear(next.value),
    });
  };
  const importYear = async () => {
    const f = await platform.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }], maxBytes: 1024 * 1024 });
    if (f) await run(() => saveCalendarYear(new TextDecoder().decode(f.data)), 'calendar:imported');
  };
  const exportYear = () =>
    platform.saveFile({
      defaultName: `calendar-${year}.json`,
      filters: [{ name: 'JSON', extensions: ['json'] }],
      data: new TextEncoder().encode(
        JSON.stringify({ ...calendarYear(calendar, year), source: t('exportSource') }, null, 2),
      ),
    });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <Card size="small" title={t('hours')}>
        <Typography.Paragraph type="secondary">{t('hoursHint')}</Typography.Paragraph>
        <Space direction="vertical">
          {shownHours.map((h, i) => (
            <Space key={i}>
              <Input
                aria-label={t('start')}
                value={h.start}
                status={hhmm.test(h.start) ? '' : 'error'}
                style={{ width: 90 }}
                onChange={(e) => setHours(shownHours.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))}
              />
              <span>–</span>
              <Input
                aria-label={t('end')}
                value={h.end}
                status={hhmm.test(h.end) ? '' : 'error'}
                style={{ width: 90 }}
                onChange={(e) => setHours(shownHours.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))}
              />
              <Button
                size="small"
                disabled={shownHours.length < 2}
                onClick={() => setHours(shownHours.filter((_, j) => j !== i))}
              >
                {t('removeWindow')}
              </Button>
            </Space>
          ))}
          <Space>
            <Button size="small" onClick={() => setHours([...shownHours, { start: '13:00', end: '17:00' }])}>
              {t('addWindow')}
            </Button>
            <Button
              type="primary"
              size="small"
              disabled={!hours}
              onClick={() => void run(() => saveWorkHours(shownHours)).then(() => setHours(null))}
            >
              {t('common:actions.save')}
            </Button>
          </Space>
        </Space>
      </Card>
      <Card
        size="small"
        title={t('holidays')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('year')}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: y }))}
              style={{ width: 100 }}
            />
            <Button size="small" type="primary" ghost onClick={() => setNoticeOpen(true)}>
              {t('pasteNotice')}
            </Button>
            <Button size="small" onClick={() => void importYear()}>
              {t('import')}
            </Button>
            <Button size="small" onClick={() => void exportYear()}>
              {t('export')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() =>
                modal.confirm({
                  title: t('resetConfirm', { year }),
                  okText: t('common:actions.ok'),
                  cancelText: t('common:actions.cancel'),
                  onOk: () => run(() => resetCalendarYear(year)),
                })
              }
            >
              {t('reset')}
            </Button>
          </Space>
        }
      >
        {cov === 'weekdays-only' ? (
          <Alert
            type="warning"
            showIcon
            title={t('uncovered', { year })}
            style={{ marginBottom: 12 }}
            data-testid="calendar-uncovered"
          />
        ) : (
          <Tag color="green">{t('covered', { year })}</Tag>
        )}
        <div style={{ margin: '8px 0' }}>
          <Legend />
        </div>
        <YearGrid days={days} onDay={onDay} />
      </Card>
      <NoticeImportDialog
        open={noticeOpen}
        calendar={calendar}
        fallbackYear={thisYear + 1}
        onCancel={() => setNoticeOpen(false)}
        onSave={async (parsed) => {
          if (!(await run(() => saveCalendarYear(parsed), 'calendar:imported'))) return;
          setYear(parsed.year);
          setNoticeOpen(false);
        }}
      />
    </Flex>
  );
}
