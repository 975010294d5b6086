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

/**
 * A grouped bar chart of `series` over `categories`; `max` fixes the value axis (100 for
 * percentages). `horizontal` lays the categories down the left (long names, such as system families,
 * then never overlap).
 */
export function barChart(o: {
  categories: string[];
  series: BarSeries[];
  width: number;
  height: number;
  max?: number;
  unit?: string;
  horizontal?: boolean;
  /** Room for the category names of a horizontal chart, in points. */
  labelWidth?: number;
}): Content {
  const categoryAxis = { type: 'category', data: o.categories, axisLabel: { fontSize: 8, interval: 0 } };
  const valueAxis = {
    type: 'value',
    min: 0,
    ...(o.max !== undefined ? { max: o.max } : {}),
    minInterval: 1,
    axisLabel: { fontSize: 8, formatter: o.unit ? `{value}${o.unit}` : '{value}' },
  };
  const svg = chartSvg(
    {
      grid: o.horizontal
        ? { left: o.labelWidth ?? 120, right: 28, top: 6, bottom: 18 }
        : { left: 36, right: 12, top: o.series.length > 1 ? 26 : 16, bottom: 24 },
      legend: o.series.length > 1 ? { top: 0, itemWidth: 10, itemHeight: 8, textStyle: { fontSize: 8 } } : undefined,
      xAxis: o.horizontal ? valueAxis : categoryAxis,
      yAxis: o.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: o.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        barMaxWidth: o.horizontal ? 14 : 28,
        // No outline on the value labels: the PDF's SVG renderer would paint it over the text.
        label: {
          show: true,
          position: o.horizontal ? 'right' : 'top',
          fontSize: 8,
          textBorderWidth: 0,
          formatter: o.unit ? `{c}${o.unit}` : '{c}',
        },
      })),
    },
    o.width,
    o.height,
  );
  return { svg, width: o.width, font: FONT_FAMILY, alignment: 'center', margin: [0, 4, 0, 8] } as Content;
}
