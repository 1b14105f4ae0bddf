import { beforeEach, describe, expect, it } from 'vitest';
import { aRingingCall } from '@/test/factories';
import { useDialerStore as sut } from './dialer-store';

const ringing = (callId: string) => aRingingCall({ callId });

describe('dialer store', () => {
  beforeEach(() => sut.getState().sessionEnded());

  it('should add a card and expand the widget when an incoming call is received', () => {
    sut.getState().incomingCallReceived(ringing('c1'));
    sut.getState().incomingCallReceived(ringing('c1'));
    expect(sut.getState().ringingCalls.map((c) => c.callId)).toEqual(['c1']);
    expect(sut.getState().expanded).toBe(true);
  });

  it('should remove the card when the call is claimed elsewhere or ends', () => {
    sut.getState().ringingCallsRestored([ringing('c1'), ringing('c2')]);
    sut.getState().callClaimedElsewhere('c1');
    expect(sut.getState().ringingCalls.map((c) => c.callId)).toEqual(['c2']);
    sut.getState().callEnded('c2');
    expect(sut.getState().ringingCalls).toEqual([]);
  });

  it('should turn a ringing call into the active call when answered, and time it from connect', () => {
    sut.getState().incomingCallReceived(ringing('c1'));
    sut.getState().callAnswered(ringing('c1'));
    expect(sut.getState().ringingCalls).toEqual([]);
    expect(sut.getState().activeCall).toMatchObject({ callId: 'c1', direction: 'inbound', name: 'Ada Caller', connectedAt: null });
    sut.getState().callConnected();
    expect(sut.getState().activeCall?.connectedAt).toEqual(expect.any(Number));
    // A late call.ended for a connected call does not drop the live call.
    sut.getState().callEnded('c1');
    expect(sut.getState().activeCall).not.toBeNull();
    sut.getState().callDisconnected();
    expect(sut.getState().activeCall).toBeNull();
  });

  it('should toggle mute only when a call is active', () => {
    sut.getState().muteToggled();
    expect(sut.getState().activeCall).toBeNull();
    sut.getState().outboundCallStarted({ number: '+12125550100', numberFormatted: '(212) 555-0100', name: null });
    sut.getState().muteToggled();
    expect(sut.getState().activeCall?.muted).toBe(true);
  });

  it('should keep an automatic away apart from a chosen one', () => {
    sut.getState().presenceChanged('online');
    sut.getState().autoAwayStarted();
    expect(sut.getState()).toMatchObject({ presence: 'away', autoAway: true });
    sut.getState().autoAwayEnded();
    expect(sut.getState()).toMatchObject({ presence: 'online', autoAway: false });
    sut.getState().statusChosen('away');
    expect(sut.getState()).toMatchObject({ presence: 'away', autoAway: false });
  });

  it('should keep showing In Call when a status is chosen during a call', () => {
    sut.getState().presenceChanged('in_call');
    sut.getState().statusChosen('dnd');
    expect(sut.getState().presence).toBe('in_call');
  });
});
