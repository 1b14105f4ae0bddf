import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeChannel, FakeLocks } from '../testing/fake-tab-apis';
import { createRingerElection, STEAL_SETTLE_MS, TAKEOVER_GRACE_MS } from './ringer-election';

// Several tabs of one browser in one jsdom, sharing an in-memory navigator.locks and BroadcastChannel.

let locks: FakeLocks;
let hub: Set<FakeChannel>;

function openTab(initialRank: number) {
  const tab = { rank: initialRank, ringer: false, starts: 0 };
  const election = createRingerElection({
    name: 'rt-ringer-me',
    locks,
    channel: new FakeChannel(hub),
    rank: () => tab.rank,
    onChange: (ringer) => {
      tab.ringer = ringer;
      if (ringer) tab.starts += 1;
    },
  });
  return Object.assign(tab, election);
}

const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

describe('one ringer per browser', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    locks = new FakeLocks();
    hub = new Set();
  });
  afterEach(() => vi.useRealTimers());

  it('should ring in one of two tabs that both have the card, and hand over when that tab closes', async () => {
    const a = openTab(1);
    const b = openTab(1);
    a.want(true);
    b.want(true);
    await settle(TAKEOVER_GRACE_MS * 2);
    expect([a.ringer, b.ringer]).toEqual([true, false]);
    expect(b.starts).toBe(0);

    a.stop(); // the ringing tab is closed while the call still rings
    await settle();
    expect(b.ringer).toBe(false); // it may have been answered there: give the news a moment
    await settle(TAKEOVER_GRACE_MS);
    expect(b.ringer).toBe(true);
  });

  it('should not chirp in the other tab when the ringing tab answers', async () => {
    const a = openTab(1);
    const b = openTab(1);
    a.want(true);
    b.want(true);
    await settle();
    a.want(false); // answered here: the lock goes to b, and the news ("settled") follows
    await settle(TAKEOVER_GRACE_MS / 2);
    b.want(false);
    await settle(TAKEOVER_GRACE_MS * 2);
    expect(b.starts).toBe(0);
  });

  it('should move the ring to the tab the agent is in, and never between two equally visible tabs', async () => {
    const hidden = openTab(0);
    const visible = openTab(1);
    const other = openTab(1);
    hidden.want(true);
    await settle();
    visible.want(true);
    other.want(true);
    await settle(TAKEOVER_GRACE_MS * 2);
    expect(hidden.ringer).toBe(false);
    expect([visible.ringer, other.ringer].filter(Boolean)).toHaveLength(1);
    const ringing = visible.ringer ? visible : other;
    const waiting = visible.ringer ? other : visible;
    expect(ringing.starts).toBe(1);
    expect(waiting.starts).toBe(0);

    waiting.rank = 2; // the agent clicks into the waiting tab
    waiting.rankChanged();
    await settle(STEAL_SETTLE_MS);
    expect(waiting.ringer).toBe(true);
    expect(ringing.ringer).toBe(false);
    expect(hidden.ringer).toBe(false);
  });

  it('should let a tab that gains focus take the ring from the hidden tab that had it', async () => {
    const hidden = openTab(0);
    const later = openTab(0);
    hidden.want(true);
    later.want(true);
    await settle(TAKEOVER_GRACE_MS * 2);
    expect([hidden.ringer, later.ringer]).toEqual([true, false]);

    later.rank = 2;
    later.rankChanged();
    await settle(STEAL_SETTLE_MS);
    expect([hidden.ringer, later.ringer]).toEqual([false, true]);

    later.want(false); // answered in the focused tab
    hidden.want(false); // call.claimed reaches the hidden one
    await settle(TAKEOVER_GRACE_MS * 2);
    expect([hidden.ringer, later.ringer]).toEqual([false, false]);
    expect(hidden.starts).toBe(1);
  });
});
