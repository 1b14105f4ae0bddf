import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PresenceTiming } from '../lib/timing';
import { useDialerSession } from './use-dialer-session';

const session = vi.hoisted(() => ({ stop: vi.fn(), start: vi.fn(), update: vi.fn() }));
vi.mock('../lib/dialer-session', () => ({
  startDialerSession: (options: unknown) => {
    session.start(options);
    return session.stop;
  },
  updatePresenceTiming: session.update,
}));

describe('useDialerSession', () => {
  it('should keep the session up when GET …/dialer comes back with other presence timings', () => {
    const client = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { rerender, unmount } = renderHook(({ timing }: { timing: PresenceTiming | null }) => useDialerSession('ws-1', 'me', timing), {
      wrapper,
      initialProps: { timing: null as PresenceTiming | null },
    });
    expect(session.start).not.toHaveBeenCalled();

    rerender({ timing: { heartbeatSeconds: 30, autoAwaySeconds: 600 } });
    expect(session.start).toHaveBeenCalledTimes(1);
    expect(session.start).toHaveBeenCalledWith(expect.objectContaining({ timing: { heartbeatSeconds: 30, autoAwaySeconds: 600 } }));

    rerender({ timing: { heartbeatSeconds: 5, autoAwaySeconds: 60 } });
    expect(session.start).toHaveBeenCalledTimes(1);
    expect(session.stop).not.toHaveBeenCalled();
    expect(session.update).toHaveBeenLastCalledWith({ heartbeatSeconds: 5, autoAwaySeconds: 60 });

    unmount();
    expect(session.stop).toHaveBeenCalledTimes(1);
  });
});
