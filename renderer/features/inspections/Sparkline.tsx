import { useTranslation } from 'react-i18next';
import { sparkline, type TrendPoint } from '@shared/domain/inspection-trend';

/** A tiny month-over-month chart: the values, the last one emphasised, the threshold dashed. */
export function Sparkline({
  points,
  threshold,
  abnormal,
  width = 96,
  height = 24,
}: {
  points: TrendPoint[];
  threshold?: number;
  abnormal?: boolean;
  width?: number;
  height?: number;
}) {
  const { t } = useTranslation('inspections');
  if (points.length === 0) return null;
  const s = sparkline(points, width, height, threshold, 3);
  const color = abnormal ? '#cf1322' : '#1d3a6e';
  const label = t('run.trendLabel', { values: points.map((p) => `${p.month}: ${p.value}`).join(', ') });
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="sparkline"
    >
      <title>{label}</title>
      {s.thresholdY !== undefined && (
        <line
          x1={0}
          x2={width}
          y1={s.thresholdY}
          y2={s.thresholdY}
          stroke="#d48806"
          strokeWidth={0.8}
          strokeDasharray="3 2"
        />
      )}
      {s.dots.length > 1 && <polyline points={s.line} fill="none" stroke={color} strokeWidth={1.4} />}
      {s.dots.map((d, i) => (
        <circle key={i} cx={d.x} cy={d.y} r={i === s.dots.length - 1 ? 2.4 : 1.5} fill={color} />
      ))}
    </svg>
  );
}
