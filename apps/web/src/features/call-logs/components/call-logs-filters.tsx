import { CALL_STATUSES, type CallDirection, type CallStatus } from '@ringtonic/contracts';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { CALL_STATUS_LABELS } from '@/lib/crm-format';
import { useAgentOptions, useCampaignOptions } from '../api/get-filter-options';
import { useCallLogsView } from '../stores/call-logs-store';

const ANY = 'any';

export function CallLogsFilters({ workspaceId }: { workspaceId: string }) {
  const filters = useCallLogsView((s) => s.filters);
  const filtersChanged = useCallLogsView((s) => s.filtersChanged);
  const filtersCleared = useCallLogsView((s) => s.filtersCleared);
  const agents = useAgentOptions(workspaceId);
  const campaigns = useCampaignOptions(workspaceId);
  const orAny = <V extends string>(v: V | typeof ANY) => (v === ANY ? undefined : v);

  return (
    <div className="toolbar" role="group" aria-label="Filters">
      <label className="check-row">
        <input type="checkbox" checked={filters.mine} onChange={(e) => filtersChanged({ mine: e.target.checked })} />
        My calls
      </label>
      <Select<CallDirection | typeof ANY>
        aria-label="Direction"
        value={filters.direction ?? ANY}
        options={[{ value: ANY, label: 'Any direction' }, { value: 'inbound', label: 'Inbound' }, { value: 'outbound', label: 'Outbound' }]}
        onValueChange={(v) => filtersChanged({ direction: orAny(v) })}
      />
      <Select<CallStatus | typeof ANY>
        aria-label="Status"
        value={filters.status ?? ANY}
        options={[{ value: ANY, label: 'Any status' }, ...CALL_STATUSES.map((s) => ({ value: s, label: CALL_STATUS_LABELS[s] }))]}
        onValueChange={(v) => filtersChanged({ status: orAny(v) })}
      />
      <Select<string>
        aria-label="Agent"
        value={filters.agentId ?? ANY}
        options={[{ value: ANY, label: 'Any agent' }, ...(agents.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
        onValueChange={(v) => filtersChanged({ agentId: orAny(v) })}
      />
      {campaigns.data && campaigns.data.items.length > 0 && (
        <Select<string>
          aria-label="Campaign"
          value={filters.campaignId ?? ANY}
          options={[{ value: ANY, label: 'Any campaign' }, ...campaigns.data.items.map((c) => ({ value: c.id, label: c.name }))]}
          onValueChange={(v) => filtersChanged({ campaignId: orAny(v) })}
        />
      )}
      <label className="check-row">
        From
        <input className="input input-compact" type="date" value={filters.fromDate ?? ''} onChange={(e) => filtersChanged({ fromDate: e.target.value || undefined })} />
      </label>
      <label className="check-row">
        To
        <input className="input input-compact" type="date" value={filters.toDate ?? ''} onChange={(e) => filtersChanged({ toDate: e.target.value || undefined })} />
      </label>
      <Button size="sm" variant="ghost" onClick={filtersCleared}>
        Clear filters
      </Button>
    </div>
  );
}
