/**
 * Charts of a result with Chart.js: what the query's `render` asks for (timechart, linechart, areachart,
 * columnchart, barchart, piechart, scatterchart), or the kind picked on the page for any result. Columns
 * are chosen as Kusto does by default: the first column (or `xcolumn`) is the x axis, the numeric columns
 * (or `ycolumns`) are the series, and a string column splits them into one series per value (timechart,
 * linechart, areachart, columnchart, barchart). A pie takes its labels from the first column and its
 * sizes from the first numeric one.
 */
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import type { GridData } from './grid.js';

Chart.register(...registerables);

export const CHART_KINDS = ['timechart', 'linechart', 'areachart', 'columnchart', 'barchart', 'piechart', 'scatterchart'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

const NUMERIC = new Set(['long', 'int', 'real', 'decimal']);
const PALETTE = ['#2f6fed', '#e8590c', '#2b8a3e', '#c2255c', '#7048e8', '#0c8599', '#e67700', '#5c940d', '#862e9c', '#495057'];

export interface ChartSummary {
  kind: ChartKind;
  series: number;
  points: number;
}

function toNumber(v: unknown, type: string): number | null {
  if (v === null || v === undefined) return null;
  if (type === 'datetime') {
    const ms = Date.parse(String(v));
    return Number.isNaN(ms) ? null : ms;
  }
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : typeof v === 'string' ? v.split(',').map((s) => s.trim()) : undefined;
}

/** The chart for the result, or undefined when the result has nothing to draw (no numeric column). */
export function chartConfig(data: GridData, kind: ChartKind, properties: Record<string, unknown> = {}): { config: ChartConfiguration; summary: ChartSummary } | undefined {
  const cols = data.columns;
  const xName = typeof properties.xcolumn === 'string' ? properties.xcolumn : cols[0]?.name;
  const x = cols.find((c) => c.name === xName);
  if (!x) return undefined;
  const yNames = stringList(properties.ycolumns) ?? cols.filter((c) => c !== x && NUMERIC.has(c.type)).map((c) => c.name);
  const ys = cols.filter((c) => yNames.includes(c.name) && c !== x);
  if (ys.length === 0) return undefined;
  const title = typeof properties.title === 'string' ? properties.title : undefined;
  const plugins = { title: { display: title !== undefined, text: title ?? '' }, legend: { display: true } };

  if (kind === 'piechart') {
    const y = ys[0];
    const config: ChartConfiguration = {
      type: 'pie',
      data: {
        labels: data.rows.map((r) => String(r[x.name] ?? 'null')),
        datasets: [{ label: y.name, data: data.rows.map((r) => toNumber(r[y.name], y.type) ?? 0), backgroundColor: data.rows.map((_, i) => PALETTE[i % PALETTE.length]) }],
      },
      options: { animation: false, maintainAspectRatio: false, plugins },
    };
    return { config, summary: { kind, series: 1, points: data.rows.length } };
  }

  // One series per y column, split by the values of a string column that is neither x nor y.
  const splitBy = typeof properties.series === 'string' ? cols.find((c) => c.name === properties.series) : cols.find((c) => c !== x && !ys.includes(c) && c.type === 'string');
  const continuous = kind === 'timechart' || kind === 'linechart' || kind === 'areachart' || kind === 'scatterchart';
  const xIsNumeric = x.type === 'datetime' || NUMERIC.has(x.type);
  const series = new Map<string, { x: number | string; y: number | null }[]>();
  for (const row of data.rows) {
    const xv = continuous && xIsNumeric ? toNumber(row[x.name], x.type) : String(row[x.name] ?? 'null');
    if (xv === null) continue;
    for (const y of ys) {
      const name = [splitBy ? String(row[splitBy.name] ?? 'null') : '', ys.length > 1 || !splitBy ? y.name : ''].filter(Boolean).join(' · ');
      if (!series.has(name)) series.set(name, []);
      series.get(name)!.push({ x: xv, y: toNumber(row[y.name], y.type) });
    }
  }
  const datasets = [...series].map(([label, points], i) => ({
    label,
    data: continuous && xIsNumeric ? [...points].sort((a, b) => (a.x as number) - (b.x as number)) : points,
    borderColor: PALETTE[i % PALETTE.length],
    backgroundColor: kind === 'areachart' ? `${PALETTE[i % PALETTE.length]}55` : PALETTE[i % PALETTE.length],
    fill: kind === 'areachart',
    showLine: kind !== 'scatterchart',
    pointRadius: kind === 'scatterchart' ? 3 : 1.5,
  }));
  // Datetimes are drawn on a linear axis of milliseconds, labelled to the minute (UTC).
  const timeTicks = x.type === 'datetime' ? { maxTicksLimit: 8, maxRotation: 0, callback: (v: string | number) => new Date(Number(v)).toISOString().slice(0, 16).replace('T', ' ') } : {};
  const xScale = continuous && xIsNumeric ? { type: 'linear' as const, ticks: timeTicks, title: { display: true, text: x.name } } : { type: 'category' as const, title: { display: true, text: x.name } };
  const labels = continuous && xIsNumeric ? undefined : [...new Set(data.rows.map((r) => String(r[x.name] ?? 'null')))];
  const config: ChartConfiguration = {
    type: kind === 'columnchart' || kind === 'barchart' ? 'bar' : kind === 'scatterchart' ? 'scatter' : 'line',
    data: { labels, datasets: datasets as never },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: kind === 'barchart' ? 'y' : 'x',
      parsing: continuous && xIsNumeric ? undefined : { xAxisKey: kind === 'barchart' ? 'y' : 'x', yAxisKey: kind === 'barchart' ? 'x' : 'y' },
      scales: kind === 'barchart' ? { y: { type: 'category', title: { display: true, text: x.name } } } : { x: xScale },
      plugins,
    },
  };
  return { config, summary: { kind, series: datasets.length, points: datasets.reduce((n, d) => n + d.data.length, 0) } };
}

/** Draws the chart into the canvas (replacing the one there); the summary of what was drawn, or undefined. */
export class ChartView {
  private chart: Chart | undefined;
  summary: ChartSummary | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  draw(data: GridData, kind: ChartKind, properties?: Record<string, unknown>): ChartSummary | undefined {
    this.clear();
    const made = chartConfig(data, kind, properties);
    if (!made) return undefined;
    this.chart = new Chart(this.canvas, made.config);
    this.summary = made.summary;
    return made.summary;
  }

  clear(): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.summary = undefined;
  }
}
