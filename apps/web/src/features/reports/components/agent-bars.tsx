import type { AgentReportRow } from '@ringtonic/contracts';

export interface AgentBarsProps {
  title: string;
  rows: AgentReportRow[];
  value: (row: AgentReportRow) => number;
  format: (n: number) => string;
}

/** A horizontal bar per agent; plain HTML so it needs no chart library and reads well to screen readers. */
export function AgentBars({ title, rows, value, format }: AgentBarsProps) {
  const max = Math.max(1, ...rows.map(value));
  return (
    <figure className="bar-chart">
      <figcaption className="section-title">{title}</figcaption>
      <ul aria-label={title}>
        {rows.map((row) => (
          <li key={row.userId} className="bar-row">
            <span className="bar-label">{row.name}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(value(row) / max) * 100}%` }} />
            </span>
            <span className="bar-value">{format(value(row))}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
