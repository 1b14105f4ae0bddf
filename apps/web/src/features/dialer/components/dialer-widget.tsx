import type { CallerIdOption, Permission, Role } from '@ringtonic/contracts';
import { ChevronDown, Phone, Settings2 } from 'lucide-react';
import { useState } from 'react';
import { useDialer } from '../api/dialer';
import { takesCalls as memberTakesCalls } from '../hooks/use-call-action';
import { useDialerSession } from '../hooks/use-dialer-session';
import { useActiveCall, useDeviceError, useDialerStore, usePresence, useRingingCalls, useWidgetExpanded } from '../stores/dialer-store';
import { ActiveCallView } from './active-call-view';
import { AudioSettings } from './audio-settings';
import { CallerIdSelect } from './caller-id-select';
import { ContextSidebar } from './context-sidebar';
import { DialerUnavailable } from './dialer-unavailable';
import { IdleView } from './idle-view';
import { IncomingCallCard } from './incoming-call-card';
import { NotificationOffer } from './notification-offer';
import { PRESENCE_LABELS, PresenceDot } from './presence-dot';
import { StatusControl } from './status-control';
import '../dialer.css';

export interface DialerWidgetProps {
  workspaceId: string;
  userId: string;
  role: Role;
  permissions: Permission[];
}

function WidgetBody({ workspaceId, callerIds }: { workspaceId: string; callerIds: CallerIdOption[] }) {
  const ringing = useRingingCalls();
  const active = useActiveCall();
  if (active) return <ActiveCallView call={active} />;
  if (ringing.length > 0) {
    return (
      <div className="incoming-list">
        {ringing.map((call) => (
          <IncomingCallCard key={call.callId} call={call} />
        ))}
      </div>
    );
  }
  return <IdleView workspaceId={workspaceId} callerIds={callerIds} />;
}

function CollapsedButton() {
  const presence = usePresence();
  const ringing = useRingingCalls().length;
  return (
    <button type="button" className="dialer-launcher" aria-label="Open dialer" onClick={() => useDialerStore.getState().widgetToggled()}>
      <Phone size={20} aria-hidden="true" />
      <PresenceDot status={presence} />
      <span className="visually-hidden">{PRESENCE_LABELS[presence]}</span>
      {ringing > 0 && <span className="dialer-launcher-badge">{ringing}</span>}
    </button>
  );
}

function OpenWidget({ workspaceId, callerIds }: { workspaceId: string; callerIds: CallerIdOption[] }) {
  const [audioOpen, setAudioOpen] = useState(false);
  const active = useActiveCall();
  const deviceError = useDeviceError();
  return (
    <div className="dialer-frame">
      {active && <ContextSidebar workspaceId={workspaceId} call={active} />}
      <section className="dialer-widget" aria-label="Dialer">
        <header className="dialer-header">
          <StatusControl />
          <CallerIdSelect workspaceId={workspaceId} callerIds={callerIds} />
          <button type="button" className="icon-button" aria-label="Audio settings" aria-expanded={audioOpen} onClick={() => setAudioOpen((v) => !v)}>
            <Settings2 size={16} aria-hidden="true" />
          </button>
          <button type="button" className="icon-button" aria-label="Minimise dialer" onClick={() => useDialerStore.getState().widgetToggled()}>
            <ChevronDown size={16} aria-hidden="true" />
          </button>
        </header>
        {deviceError && (
          <p className="dialer-error" role="alert">
            {deviceError}
          </p>
        )}
        {audioOpen && <AudioSettings onClose={() => setAudioOpen(false)} />}
        <NotificationOffer />
        <div className="dialer-body">
          <WidgetBody workspaceId={workspaceId} callerIds={callerIds} />
        </div>
      </section>
    </div>
  );
}

/** The floating softphone, bottom-right, for roles that take calls when the workspace's dialer is available. */
export function DialerWidget({ workspaceId, userId, role, permissions }: DialerWidgetProps) {
  const takesCalls = memberTakesCalls(role, permissions);
  const dialer = useDialer(workspaceId);
  const available = takesCalls && dialer.data?.available === true;
  useDialerSession(workspaceId, userId, available ? (dialer.data ?? null) : null);
  const expanded = useWidgetExpanded();

  if (!dialer.data || !takesCalls) return null;
  if (!dialer.data.available) {
    const isAdmin = role === 'owner' || role === 'admin';
    return isAdmin ? (
      <div className="dialer-dock">
        <DialerUnavailable workspaceId={workspaceId} reasons={dialer.data.reasons} />
      </div>
    ) : null;
  }
  return <div className="dialer-dock">{expanded ? <OpenWidget workspaceId={workspaceId} callerIds={dialer.data.callerIds} /> : <CollapsedButton />}</div>;
}
