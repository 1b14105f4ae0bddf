import type { CallerIdOption } from '@ringtonic/contracts';
import { useId, useState } from 'react';
import { useSmartCallerId } from '../api/dialer';
import { readCallerIdOverride, writeCallerIdOverride } from '../lib/caller-id-preference';
import { useWorkspaceCountry } from '@/features/workspace';
import { formatPhone, toE164 } from '../lib/phone';
import { useDraftNumber } from '../stores/dialer-store';

function optionLabel(option: CallerIdOption): string {
  const extra = option.campaignName ?? option.label;
  return extra ? `${formatPhone(option.e164)} · ${extra}` : formatPhone(option.e164);
}

/** "Smart" follows GET …/dialer/caller-id for the typed number; picking a number overrides it. */
export function CallerIdSelect({ workspaceId, callerIds }: { workspaceId: string; callerIds: CallerIdOption[] }) {
  const id = useId();
  const [override, setOverride] = useState(() => {
    const stored = readCallerIdOverride(workspaceId);
    return callerIds.some((c) => c.id === stored) ? stored : null;
  });
  const draft = toE164(useDraftNumber(), useWorkspaceCountry(workspaceId));
  const smart = useSmartCallerId(workspaceId, override ? null : draft);
  const smartNumber = smart.data?.e164 ?? callerIds[0]?.e164;
  const smartLabel = smartNumber ? `Smart: ${formatPhone(smartNumber)}${smart.data?.reason === 'sticky' ? ' (last used)' : ''}` : 'Smart';
  return (
    <div className="dialer-caller-id">
      <label htmlFor={id} className="dialer-caller-id-label">
        Caller ID
      </label>
      <select
        id={id}
        className="dialer-select"
        value={override ?? ''}
        onChange={(e) => {
          const next = e.target.value || null;
          writeCallerIdOverride(workspaceId, next);
          setOverride(next);
        }}
      >
        <option value="">{smartLabel}</option>
        {callerIds.map((c) => (
          <option key={c.id} value={c.id}>
            {optionLabel(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
