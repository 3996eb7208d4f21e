// The end chime and the two-minutes cue, synthesised with Web Audio (no sound file to fetch or precache).
// iPads only let a page make sound after a tap, so unlockAudio() must run inside the Start tap's handler.

type Ctx = AudioContext;
let ctx: Ctx | null = null;

function audioContextClass(): typeof AudioContext | undefined {
  if (typeof window === 'undefined') return undefined;
  const w = window as unknown as { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext };
  return w.AudioContext ?? w.webkitAudioContext;
}

/** Create or resume the audio context. Call synchronously inside a tap handler. Never throws. */
export function unlockAudio(): void {
  try {
    const AC = audioContextClass();
    if (!AC) return;
    ctx ??= new AC();
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    // A silent blip: Safari unlocks output only once something has been played during the gesture.
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    gain.gain.value = 0;
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.01);
  } catch {
    // No audio on this device: the visual signal still works.
  }
}

function strike(c: Ctx, at: number, freq: number, volume: number): void {
  // A bell: a fundamental and an inharmonic partial, fast attack, slow decay.
  for (const [f, v] of [[freq, volume], [freq * 2.76, volume * 0.35]] as const) {
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = 'sine';
    osc.frequency.value = f;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(v, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.6);
    osc.connect(gain).connect(c.destination);
    osc.start(at);
    osc.stop(at + 1.7);
  }
}

/** 'end': three rising strikes; 'cue': one soft strike. Returns false when no sound could be made. */
export function playChime(kind: 'end' | 'cue'): boolean {
  try {
    const AC = audioContextClass();
    if (!AC) return false;
    ctx ??= new AC();
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const t = ctx.currentTime + 0.05;
    if (kind === 'cue') strike(ctx, t, 660, 0.25);
    else [0, 0.45, 0.9].forEach((d, i) => strike(ctx as Ctx, t + d, 660 * [1, 1.25, 1.5][i]!, 0.5));
    return true;
  } catch {
    return false;
  }
}
