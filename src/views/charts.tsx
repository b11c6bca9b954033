import type { Child, FC } from "hono/jsx";

/**
 * Charts drawn on the server as SVG: readable without JavaScript, no library, no style attribute
 * (the CSP forbids inline styles; SVG presentation attributes are not styles). Each chart sits in
 * a figure beside the same numbers as a table, with a CSV link: the table is the accessible form.
 * Bars and points carry `data-label` and `data-value` (the text shown), so a test can compare a
 * chart with its table.
 */

export interface Bar {
  label: string;
  value: number;
  /** The value as the table shows it. */
  display: string;
}

const PALETTE = ["#1f5f8b", "#b5542c", "#2f7d4f", "#7a4ea3", "#8a6d1b", "#a23b62"];
const INK = "#1b2733";
const MUTED = "#5b6875";
const GRID = "#d9e0e6";

/** Horizontal bars, one row per item: the label above its bar, so long labels in any language fit. */
export const BarChart: FC<{ id: string; title: string; bars: Bar[]; width?: number }> = ({ id, title, bars, width = 560 }) => {
  const row = 42;
  const top = 8;
  const height = top + bars.length * row + 8;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const barMax = width - 90;
  return (
    <svg
      class="chart chart-bar"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      data-chart={id}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      {bars.map((b, i) => {
        const y = top + i * row;
        const w = max > 0 ? Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * barMax)) : 0;
        return (
          <g class="bar" data-label={b.label} data-value={b.display}>
            <text x="0" y={y + 12} font-size="13" fill={INK}>
              {b.label}
            </text>
            <rect x="0" y={y + 18} width={barMax} height="16" fill="#f1f4f7" />
            <rect x="0" y={y + 18} width={w} height="16" fill={PALETTE[0]} />
            <text x={w + 6} y={y + 31} font-size="13" font-weight="600" fill={INK}>
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

export interface LineSeries {
  name: string;
  points: { x: string; value: number; display: string }[];
}

/** Lines over ordered categories (years), one per series, with markers and values; a legend below. */
export const LineChart: FC<{ id: string; title: string; categories: string[]; series: LineSeries[]; width?: number }> = ({
  id,
  title,
  categories,
  series,
  width = 560,
}) => {
  const left = 44;
  const right = 110;
  const top = 16;
  const plot = 220;
  const legendRow = 20;
  const height = top + plot + 30 + series.length * legendRow + 8;
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const niceMax = niceCeiling(max);
  const xOf = (x: string) => {
    const i = categories.indexOf(x);
    return categories.length <= 1 ? left + (width - left - right) / 2 : left + (i * (width - left - right)) / (categories.length - 1);
  };
  const yOf = (v: number) => top + plot - (v / niceMax) * plot;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * niceMax);
  return (
    <svg
      class="chart chart-line"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      data-chart={id}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      {ticks.map((v) => (
        <g>
          <line x1={left} x2={width - right} y1={yOf(v)} y2={yOf(v)} stroke={GRID} stroke-width="1" />
          <text x={left - 6} y={yOf(v) + 4} font-size="11" text-anchor="end" fill={MUTED}>
            {formatTick(v)}
          </text>
        </g>
      ))}
      {categories.map((c) => (
        <text x={xOf(c)} y={top + plot + 18} font-size="12" text-anchor="middle" fill={INK}>
          {c}
        </text>
      ))}
      {series.map((s, si) => {
        const colour = PALETTE[si % PALETTE.length] as string;
        const points = [...s.points].sort((a, b) => categories.indexOf(a.x) - categories.indexOf(b.x));
        return (
          <g class="series" data-series={s.name}>
            {points.length > 1 ? (
              <polyline
                points={points.map((p) => `${xOf(p.x)},${yOf(p.value)}`).join(" ")}
                fill="none"
                stroke={colour}
                stroke-width="2.5"
              />
            ) : null}
            {points.map((p) => (
              <g class="point" data-label={`${s.name} ${p.x}`} data-value={p.display}>
                <circle cx={xOf(p.x)} cy={yOf(p.value)} r="4.5" fill={colour} />
                <text x={xOf(p.x) + 7} y={yOf(p.value) + (si % 2 === 0 ? -7 : 14)} font-size="11" font-weight="600" fill={colour}>
                  {p.display}
                </text>
              </g>
            ))}
          </g>
        );
      })}
      {series.map((s, si) => {
        const y = top + plot + 34 + si * legendRow;
        return (
          <g class="legend">
            <rect x={left} y={y} width="14" height="4" fill={PALETTE[si % PALETTE.length]} />
            <text x={left + 20} y={y + 6} font-size="12" fill={INK}>
              {s.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

function niceCeiling(v: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(v));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= v) return step * magnitude;
  return 10 * magnitude;
}

function formatTick(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** A chart with its data table beside it and a CSV of the same numbers. */
export const ChartFigure: FC<{
  id: string;
  title: string;
  chart: Child;
  table: Child;
  csvHref: string;
  csvLabel: string;
  note?: Child;
  /** Wide tables go under the chart rather than beside it. */
  stacked?: boolean;
}> = ({ id, title, chart, table, csvHref, csvLabel, note, stacked = false }) => (
  <section class="chart-figure" aria-labelledby={`${id}-heading`} id={id}>
    <h2 id={`${id}-heading`}>{title}</h2>
    <div class="grid-2">
      <figure class="panel chart-visual">{chart}</figure>
      <div class="chart-data">
        {stacked ? note : table}
        <p class="downloads">
          <a href={csvHref} download>
            {csvLabel}
          </a>
        </p>
      </div>
    </div>
    {stacked ? table : null}
    {!stacked && note ? <div class="chart-note">{note}</div> : null}
  </section>
);
