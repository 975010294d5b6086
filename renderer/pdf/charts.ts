/**
 * Vector charts for reports: ECharts renders them server-side to an SVG string (no DOM, no canvas),
 * which pdfmake embeds with its `svg` node. Text in the charts is set in the report font
 * (FONT_FAMILY), so Chinese labels print with the embedded Noto Sans SC.
 */
import * as echarts from 'echarts';
import type { Content } from 'pdfmake/interfaces';
import { FONT_FAMILY } from './pdfmake-setup';

const palette = ['#1d3a6e', '#3c8c5a', '#c8a02a', '#a61b1b', '#5b6472', '#7a9cc6'];

export interface BarSeries {
  name: string;
  values: number[];
}

/** The SVG of an ECharts option, rendered without animation at `width × height` points. */
export function chartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: palette,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 9 },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A grouped bar chart of `series` over `categories`; `max` fixes the value axis (100 for percentages). */
export function barChart(o: {
  categories: string[];
  series: BarSeries[];
  width: number;
  height: number;
  max?: number;
  unit?: string;
}): Content {
  const svg = chartSvg(
    {
      grid: { left: 36, right: 12, top: o.series.length > 1 ? 26 : 12, bottom: 24 },
      legend: o.series.length > 1 ? { top: 0, itemWidth: 10, itemHeight: 8, textStyle: { fontSize: 8 } } : undefined,
      xAxis: { type: 'category', data: o.categories, axisLabel: { fontSize: 8, interval: 0 } },
      yAxis: {
        type: 'value',
        min: 0,
        ...(o.max !== undefined ? { max: o.max } : {}),
        minInterval: 1,
        axisLabel: { fontSize: 8, formatter: o.unit ? `{value}${o.unit}` : '{value}' },
      },
      series: o.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        barMaxWidth: 28,
        label: { show: true, position: 'top', fontSize: 8, formatter: o.unit ? `{c}${o.unit}` : '{c}' },
      })),
    },
    o.width,
    o.height,
  );
  return { svg, width: o.width, font: FONT_FAMILY, alignment: 'center', margin: [0, 4, 0, 8] } as Content;
}
