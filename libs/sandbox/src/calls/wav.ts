const SAMPLE_RATE = 8000;
// Marks the ICMT comment that carries a sandbox transcript (a JSON array of lines after it).
const TRANSCRIPT_MARKER = 'ringtonic-transcript:';

// A valid 8 kHz mono 16-bit PCM WAV of `seconds` of near-silence (a faint 440 Hz hum in the
// first quarter second so players show something is there).
export function wavOfSeconds(seconds: number): Buffer {
  const samples = Math.max(1, Math.round(seconds * SAMPLE_RATE));
  const dataBytes = samples * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(SAMPLE_RATE, 24);
  buf.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  const humSamples = Math.min(samples, SAMPLE_RATE / 4);
  for (let i = 0; i < humSamples; i++) {
    buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE) * 800), 44 + i * 2);
  }
  return buf;
}

function chunk(id: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'ascii');
  header.writeUInt32LE(payload.length, 4);
  // RIFF chunks start on even offsets: an odd payload gets a pad byte not counted in its size.
  return Buffer.concat([header, payload, Buffer.alloc(payload.length % 2)]);
}

// INFO text is ASCII: escape everything else the way JSON would.
const asciiJson = (lines: string[]) =>
  JSON.stringify(lines).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// `wavOfSeconds` plus a LIST/INFO chunk after the audio whose ICMT comment holds the transcript, so
// the sandbox's transcription endpoint can recover the lines from the bytes alone.
export function wavWithTranscript(seconds: number, lines: readonly string[]): Buffer {
  const wav = wavOfSeconds(seconds);
  const comment = Buffer.from(`${TRANSCRIPT_MARKER}${asciiJson([...lines])}\0`, 'ascii');
  const list = chunk('LIST', Buffer.concat([Buffer.from('INFO', 'ascii'), chunk('ICMT', comment)]));
  const out = Buffer.concat([wav, list]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

interface RiffChunk {
  id: string;
  data: Buffer;
}

// The chunks of a RIFF body, stopping quietly at a truncated or malformed one.
function* chunks(buf: Buffer, start: number, end: number): Generator<RiffChunk> {
  let pos = start;
  while (pos + 8 <= end) {
    const id = buf.toString('latin1', pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    if (pos + 8 + size > end) return;
    yield { id, data: buf.subarray(pos + 8, pos + 8 + size) };
    pos += 8 + size + (size % 2);
  }
}

function isWav(buf: Buffer): boolean {
  return buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WAVE';
}

// The transcript lines `wavWithTranscript` embedded; [] for any other audio.
export function transcriptOfWav(buf: Buffer): string[] {
  if (!isWav(buf)) return [];
  const end = Math.min(buf.length, 8 + buf.readUInt32LE(4));
  for (const c of chunks(buf, 12, end)) {
    if (c.id !== 'LIST' || c.data.toString('latin1', 0, 4) !== 'INFO') continue;
    for (const info of chunks(c.data, 4, c.data.length)) {
      const text = info.data.toString('latin1').replace(/\0+$/, '');
      if (info.id !== 'ICMT' || !text.startsWith(TRANSCRIPT_MARKER)) continue;
      try {
        const lines: unknown = JSON.parse(text.slice(TRANSCRIPT_MARKER.length));
        if (Array.isArray(lines) && lines.every((l) => typeof l === 'string')) return lines;
      } catch {
        // a comment that only looks like ours
      }
    }
  }
  return [];
}

// Seconds of audio in a PCM WAV (data bytes / byte rate); 0 when the bytes are not one.
export function wavDurationSeconds(buf: Buffer): number {
  if (!isWav(buf)) return 0;
  let byteRate = 0;
  for (const c of chunks(buf, 12, Math.min(buf.length, 8 + buf.readUInt32LE(4)))) {
    if (c.id === 'fmt ' && c.data.length >= 12) byteRate = c.data.readUInt32LE(8);
    if (c.id === 'data' && byteRate > 0) return c.data.length / byteRate;
  }
  return 0;
}
