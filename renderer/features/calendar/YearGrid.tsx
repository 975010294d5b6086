import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayKind } from '@shared/domain/calendar';

const colors: Record<DayKind, string> = {
  workday: '#fff',
  weekend: '#f0f0f0',
  holiday: '#ffccc7',
  'adjusted-workday': '#bae0ff',
};

/** Twelve small month grids; a click on a day asks to change its kind. */
export function YearGrid({
  days,
  onDay,
}: {
  days: Array<{ date: string; kind: DayKind }>;
  onDay: (date: string, kind: DayKind) => void;
}) {
  const { t } = useTranslation('calendar');
  const months = Array.from({ length: 12 }, (_, m) => days.filter((d) => Number(d.date.slice(5, 7)) === m + 1));
  return (
    <div
      data-testid="year-grid"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 12 }}
    >
      {months.map((ds, m) => {
        // Monday-first offset of the 1st of the month.
        const lead = ds.length ? (new Date(`${ds[0].date}T12:00:00Z`).getUTCDay() + 6) % 7 : 0;
        return (
          <div key={m}>
            <div style={{ fontWeight: 600, marginBottom: 4 }}>{t('month', { m: m + 1 })}</div>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 22px)', gap: 2 }}>
              {Array.from({ length: lead }, (_, i) => (
                <span key={`l${i}`} />
              ))}
              {ds.map((d) => (
                <Tooltip key={d.date} title={`${d.date} · ${t(`kinds.${d.kind}`)}`} mouseEnterDelay={0.4}>
                  <button
                    type="button"
                    aria-label={`${d.date} ${t(`kinds.${d.kind}`)}`}
                    data-kind={d.kind}
                    onClick={() => onDay(d.date, d.kind)}
                    style={{
                      width: 22,
                      height: 20,
                      fontSize: 11,
                      padding: 0,
                      border: '1px solid #e5e5e5',
                      background: colors[d.kind],
                      cursor: 'pointer',
                      borderRadius: 2,
                    }}
                  >
                    {Number(d.date.slice(8))}
                  </button>
                </Tooltip>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}

export function Legend() {
  const { t } = useTranslation('calendar');
  return (
    <span style={{ display: 'inline-flex', gap: 12, flexWrap: 'wrap' }}>
      {(Object.keys(colors) as DayKind[]).map((k) => (
        <span key={k} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span
            style={{
              width: 12,
              height: 12,
              background: colors[k],
              border: '1px solid #d9d9d9',
              display: 'inline-block',
            }}
          />
          {t(`kinds.${k}`)}
        </span>
      ))}
    </span>
  );
}
