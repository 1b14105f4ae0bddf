import { useDialerStore } from '../stores/dialer-store';

// A two-tone ring (440 + 480 Hz, 2 s on, 4 s off) made with WebAudio: no audio file to load.
let context: AudioContext | null = null;
let ringTimer: ReturnType<typeof setInterval> | null = null;
let stateListener: (() => void) | null = null;
let lastRingAt = 0;
/** The oscillators of the ring now sounding, cut when the ringing stops (answered, or another tab rings). */
let sounding: OscillatorNode[] = [];

declare global {
  interface Window {
    /** How many times this tab started the ringtone (read by the browser flows). */
    __rtRingtoneStarts?: number;
  }
}

/** How long resume() may take before the ring counts as blocked (Chrome leaves it pending without a gesture). */
export const RESUME_WAIT_MS = 300;
const RING_SECONDS = 2;

function audioContext(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext === 'undefined') return null;
  context ??= new window.AudioContext();
  return context;
}

function tone(ctx: AudioContext, frequencies: number[], seconds: number): OscillatorNode[] {
  const gain = ctx.createGain();
  gain.gain.value = 0.08;
  gain.connect(ctx.destination);
  return frequencies.map((frequency) => {
    const oscillator = ctx.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start();
    oscillator.stop(ctx.currentTime + seconds);
    return oscillator;
  });
}

/** Rings once if sound is on and the previous ring has finished (an unlock and the timer may both ask). */
function ring(ctx: AudioContext): void {
  if (!ringTimer || ctx.state !== 'running' || Date.now() - lastRingAt < RING_SECONDS * 1000) return;
  lastRingAt = Date.now();
  sounding = tone(ctx, [440, 480], RING_SECONDS);
}

function checkUnlocked(ctx: AudioContext): void {
  const blocked = ctx.state !== 'running';
  if (useDialerStore.getState().soundBlocked !== blocked) useDialerStore.getState().soundBlockedChanged(blocked);
}

/** Starts ringing; shows "Enable sound" only when the browser really keeps audio suspended. */
export async function startRingtone(): Promise<void> {
  const ctx = audioContext();
  if (!ctx || ringTimer) return;
  window.__rtRingtoneStarts = (window.__rtRingtoneStarts ?? 0) + 1;
  ringTimer = setInterval(() => ring(ctx), 6000);
  // Audio may be unlocked later (a click anywhere on the page): ring at once and drop the prompt.
  stateListener = () => {
    if (!ringTimer) return;
    checkUnlocked(ctx);
    ring(ctx);
  };
  ctx.addEventListener('statechange', stateListener);
  const resumed = ctx.resume().catch(() => undefined);
  await Promise.race([resumed, new Promise((resolve) => setTimeout(resolve, RESUME_WAIT_MS))]);
  if (!ringTimer) return;
  checkUnlocked(ctx);
  ring(ctx);
}

export function stopRingtone(): void {
  if (!ringTimer) return;
  clearInterval(ringTimer);
  ringTimer = null;
  lastRingAt = 0;
  for (const oscillator of sounding) oscillator.stop();
  sounding = [];
  if (context && stateListener) context.removeEventListener('statechange', stateListener);
  stateListener = null;
  useDialerStore.getState().soundBlockedChanged(false);
}

/** Called from a click ("Enable sound"): browsers allow audio after a user gesture. */
export async function unlockSound(): Promise<void> {
  const ctx = audioContext();
  if (!ctx) return;
  await ctx.resume().catch(() => undefined);
  if (!ringTimer) return;
  checkUnlocked(ctx);
  ring(ctx);
}

export async function playTestTone(): Promise<void> {
  const ctx = audioContext();
  if (!ctx) return;
  await ctx.resume().catch(() => undefined);
  tone(ctx, [440], 1);
}
