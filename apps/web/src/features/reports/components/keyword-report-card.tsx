import { Card, CardBody, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useKeywordReport } from '../api/get-keyword-report';

export interface KeywordReportCardProps {
  workspaceId: string;
  from: string;
  to: string;
}

/** What callers talk about, per campaign: the keywords the AI found in analysed calls. */
export function KeywordReportCard({ workspaceId, from, to }: KeywordReportCardProps) {
  const report = useKeywordReport(workspaceId, from, to);
  const items = report.data?.items ?? [];
  return (
    <Card aria-labelledby="keywords-title">
      <CardHeader>
        <CardTitle id="keywords-title">Top keywords by campaign</CardTitle>
        <CardDescription>From the AI analysis of recorded calls in this range.</CardDescription>
      </CardHeader>
      <CardBody className="stack-sm">
        {report.isPending && <LoadingState label="Loading keywords…" />}
        {report.isError && <ErrorState title="Could not load keywords">{errorMessage(report.error)}</ErrorState>}
        {report.data && items.length === 0 && <p className="muted">No analysed calls in this range.</p>}
        {items.length > 0 && (
          <ul className="keyword-campaigns">
            {items.map((item) => {
              const name = item.campaign?.name ?? 'No campaign';
              return (
                <li key={item.campaign?.id ?? 'none'} className="keyword-campaign">
                  <div className="keyword-campaign-head">
                    <span className="cell-strong">{name}</span>
                    <span className="cell-sub">
                      {item.analysedCalls} analysed {item.analysedCalls === 1 ? 'call' : 'calls'}
                    </span>
                  </div>
                  {item.keywords.length === 0 ? (
                    <p className="muted">No keywords yet.</p>
                  ) : (
                    <ol className="chip-list" aria-label={`Keywords for ${name}`}>
                      {item.keywords.map((k) => (
                        <li key={k.keyword} className="keyword-chip">
                          {k.keyword}{' '}
                          <span className="keyword-count">
                            {k.count}
                            <span className="visually-hidden"> {k.count === 1 ? 'call' : 'calls'}</span>
                          </span>
                        </li>
                      ))}
                    </ol>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
