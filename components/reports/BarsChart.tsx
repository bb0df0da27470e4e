import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type Series = {
  key: string;
  name: string;
  color: string;
  /** Bars sharing a stack id pile up (activity measures, reps). */
  stack?: string;
  /** Money and counts get separate axes: 3 deals and €40,000 on one scale would hide the deals. */
  axis?: 'left' | 'right';
};

type Props = {
  /** What the chart shows, for screen readers: the table view holds the same figures. */
  label: string;
  data: readonly Record<string, string | number | undefined>[];
  xKey: string;
  series: readonly Series[];
  onBarClick?: (index: number, seriesKey: string) => void;
  /** Horizontal bars (the funnel) read their categories top to bottom. */
  horizontal?: boolean;
  /** A fixed top for the left axis (100 for percentages), so one small figure does not fill the chart. */
  leftMax?: number;
  formatLeft?: (v: number) => string;
  formatRight?: (v: number) => string;
  height?: number;
};

// The last is a mid grey that reads on light and dark cards alike (#5f6368 vanished on dark).
export const PALETTE = ['#1a73e8', '#f29900', '#188038', '#d93025', '#9334e6', '#12b5cb', '#e52592', '#80868b'];

/** The one chart shape the reports use: bars, clickable to drill into the records behind them. */
export function BarsChart({ label, data, xKey, series, onBarClick, horizontal, formatLeft, formatRight, leftMax, height = 260 }: Props) {
  const hasRight = series.some((s) => s.axis === 'right');
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <BarChart data={[...data]} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          {horizontal ? (
            <>
              <XAxis type="number" tickFormatter={formatLeft} allowDecimals={false} />
              <YAxis type="category" dataKey={xKey} width={120} />
            </>
          ) : (
            <>
              <XAxis dataKey={xKey} interval={0} tick={{ fontSize: 12 }} />
              <YAxis yAxisId="left" tickFormatter={formatLeft} allowDecimals={false} domain={leftMax === undefined ? undefined : [0, leftMax]} />
              {/* Whole numbers: deals closed the day they started made a 0–0.1 axis read "0, 0, 0.1". */}
              {hasRight && <YAxis yAxisId="right" orientation="right" tickFormatter={formatRight} allowDecimals={false} domain={[0, (max: number) => Math.max(1, Math.ceil(max))]} />}
            </>
          )}
          <Tooltip
            formatter={(value, name) => {
              const s = series.find((x) => x.name === name);
              const f = s?.axis === 'right' ? formatRight : formatLeft;
              return typeof value === 'number' && f ? f(value) : String(value);
            }}
          />
          <Legend />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={s.stack}
              {...(horizontal ? {} : { yAxisId: s.axis ?? 'left' })}
              cursor={onBarClick ? 'pointer' : undefined}
              onClick={(_d, index) => onBarClick?.(index, s.key)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
