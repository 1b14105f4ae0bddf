import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useDialerHealth } from '../api/get-dialer-health';

/** GET /dialer/health as a list: what is done and, for what is not, how to fix it. */
export function DialerSetupChecklist({ workspaceId, active }: { workspaceId: string; active: boolean }) {
  // Only fetched while the Dialer tab is shown; the tab's form stays mounted behind the others.
  const health = useDialerHealth(workspaceId, { enabled: active });

  return (
    <section className="stack-sm" aria-labelledby="dialer-checklist-title">
      <h3 id="dialer-checklist-title" className="section-title">
        Setup checklist
      </h3>
      {health.isPending && active && <LoadingState label="Checking the dialer setup…" />}
      {health.isError && <ErrorState title="Could not check the dialer setup">{errorMessage(health.error)}</ErrorState>}
      {health.data && (
        <>
          <p className="muted">
            {health.data.ready
              ? 'Everything is in place: agents can call from the browser.'
              : `${health.data.checks.filter((check) => !check.ok).length} of ${health.data.checks.length} checks need attention.`}
          </p>
          <ul className="checklist" aria-labelledby="dialer-checklist-title">
            {health.data.checks.map((check) => (
              <li key={check.id} className="checklist-item" data-done={check.ok}>
                {check.ok ? (
                  <CheckCircle2 className="checklist-icon done" size={20} aria-hidden="true" />
                ) : (
                  <AlertTriangle className="checklist-icon warning" size={20} aria-hidden="true" />
                )}
                <div>
                  <p className="checklist-title">
                    {check.message}
                    <span className="visually-hidden">{check.ok ? ' (done)' : ' (needs attention)'}</span>
                  </p>
                  {!check.ok && check.fix && <p className="checklist-detail">{check.fix}</p>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
