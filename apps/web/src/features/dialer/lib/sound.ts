import { useDialerStore } from '../stores/dialer-store';

// A two-tone ring (440 + 480 Hz, 2 s on, 4 s off) made with WebAudio: no audio file to load.
let context: AudioContext | null = null;
let ringTimer: ReturnType<typeof setInterval> | null = null;

function audioContext(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext === 'undefined') return null;
  context ??= new window.AudioContext();
  return context;
}

function tone(ctx: AudioContext, frequencies: number[], seconds: number): void {
  const gain = ctx.createGain();
  gain.gain.value = 0.08;
  gain.connect(ctx.destination);
  for (const frequency of frequencies) {
    const oscillator = ctx.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start();
    oscillator.stop(ctx.currentTime + seconds);
  }
}

function checkUnlocked(ctx: AudioContext): void {
  const blocked = ctx.state === 'suspended';
  if (useDialerStore.getState().soundBlocked !== blocked) useDialerStore.getState().soundBlockedChanged(blocked);
}

export function startRingtone(): void {
  const ctx = audioContext();
  if (!ctx || ringTimer) return;
  void ctx.resume().catch(() => undefined);
  checkUnlocked(ctx);
  const ring = () => {
    if (ctx.state === 'running') tone(ctx, [440, 480], 2);
  };
  ring();
  ringTimer = setInterval(ring, 6000);
}

export function stopRingtone(): void {
  if (!ringTimer) return;
  clearInterval(ringTimer);
  ringTimer = null;
  useDialerStore.getState().soundBlockedChanged(false);
}

/** Called from a click ("Enable sound"): browsers allow audio after a user gesture. */
export async function unlockSound(): Promise<void> {
  const ctx = audioContext();
  if (!ctx) return;
  await ctx.resume().catch(() => undefined);
  checkUnlocked(ctx);
  if (ctx.state === 'running' && ringTimer) tone(ctx, [440, 480], 2);
}

export async function playTestTone(): Promise<void> {
  const ctx = audioContext();
  if (!ctx) return;
  await ctx.resume().catch(() => undefined);
  tone(ctx, [440], 1);
}
