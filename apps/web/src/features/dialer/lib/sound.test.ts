import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for WebAudio: tests decide whether resume() unlocks audio, and when.
class FakeAudioContext extends EventTarget {
  static instance: FakeAudioContext | null = null;
  static resumeBehaviour: (ctx: FakeAudioContext) => Promise<void> = async () => undefined;
  state: AudioContextState = 'suspended';
  currentTime = 0;
  destination = {};
  oscillators = 0;
  constructor() {
    super();
    FakeAudioContext.instance = this;
  }
  resume() {
    return FakeAudioContext.resumeBehaviour(this);
  }
  unlock() {
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
  }
  createGain() {
    return { gain: { value: 0 }, connect: () => undefined };
  }
  createOscillator() {
    this.oscillators += 1;
    return { frequency: { value: 0 }, connect: () => undefined, start: () => undefined, stop: () => undefined };
  }
}

async function load() {
  vi.resetModules();
  const sound = await import('./sound');
  const { useDialerStore } = await import('../stores/dialer-store');
  return { sound, blocked: () => useDialerStore.getState().soundBlocked };
}

const ctx = () => FakeAudioContext.instance!;

describe('ringtone', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('AudioContext', FakeAudioContext);
  });
  afterEach(() => vi.useRealTimers());

  it('should wait for resume() and ring at once, without asking to enable sound, when audio is allowed', async () => {
    FakeAudioContext.resumeBehaviour = (c) => new Promise((resolve) => setTimeout(() => { c.state = 'running'; resolve(); }, 50));
    const { sound, blocked } = await load();
    const started = sound.startRingtone();
    expect(blocked()).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    await started;
    expect(blocked()).toBe(false);
    expect(ctx().oscillators).toBe(2); // 440 + 480 Hz
    await vi.advanceTimersByTimeAsync(6000);
    expect(ctx().oscillators).toBe(4);
    sound.stopRingtone();
  });

  it('should offer "Enable sound" when the browser keeps audio suspended, and ring as soon as it unlocks', async () => {
    FakeAudioContext.resumeBehaviour = () => new Promise(() => undefined); // Chrome without a user gesture
    const { sound, blocked } = await load();
    const started = sound.startRingtone();
    await vi.advanceTimersByTimeAsync(sound.RESUME_WAIT_MS);
    await started;
    expect(blocked()).toBe(true);
    expect(ctx().oscillators).toBe(0);

    ctx().unlock(); // e.g. the agent clicked anywhere on the page
    expect(blocked()).toBe(false);
    expect(ctx().oscillators).toBe(2);
    sound.stopRingtone();
  });

  it('should unlock and ring from the "Enable sound" click', async () => {
    FakeAudioContext.resumeBehaviour = () => new Promise(() => undefined);
    const { sound, blocked } = await load();
    const started = sound.startRingtone();
    await vi.advanceTimersByTimeAsync(sound.RESUME_WAIT_MS);
    await started;
    FakeAudioContext.resumeBehaviour = async (c) => {
      c.state = 'running';
    };
    await sound.unlockSound();
    expect(blocked()).toBe(false);
    expect(ctx().oscillators).toBe(2);
    sound.stopRingtone();
    expect(blocked()).toBe(false);
  });
});
