import type { AgentReportRow } from '@ringtonic/contracts';

const SERIES = [
  { key: 'aiQualifiedCalls', label: 'AI-qualified', className: 'bar-fill bar-fill-ai' },
  { key: 'personQualifiedCalls', label: 'Person-qualified', className: 'bar-fill' },
] as const;

/** Per agent, calls the AI suggested as qualified beside calls a person qualified by hand. */
export function QualificationBars({ rows }: { rows: AgentReportRow[] }) {
  const max = Math.max(1, ...rows.flatMap((r) => SERIES.map((s) => r[s.key])));
  const title = 'Qualified calls: AI vs person';
  return (
    <figure className="bar-chart">
      <figcaption className="section-title">{title}</figcaption>
      <p className="bar-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <span key={s.key}>
            <span className={`bar-swatch ${s.className}`} /> {s.label}
          </span>
        ))}
      </p>
      <ul aria-label={title}>
        {rows.map((row) => (
          <li key={row.userId} className="bar-row bar-row-paired">
            <span className="bar-label">{row.name}</span>
            <span className="bar-pair">
              {SERIES.map((s) => (
                <span key={s.key} className="bar-track" aria-hidden="true">
                  <span className={s.className} style={{ width: `${(row[s.key] / max) * 100}%` }} />
                </span>
              ))}
            </span>
            <span className="bar-value">
              {row.aiQualifiedCalls}
              <span className="visually-hidden"> AI-qualified</span> / {row.personQualifiedCalls}
              <span className="visually-hidden"> person-qualified</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
