import { transcriptOfWav, wavDurationSeconds, wavOfSeconds, wavWithTranscript } from './wav.js';

// Walks the RIFF chunks and fails on any size that does not add up.
function riffChunks(buf: Buffer): Array<{ id: string; size: number; offset: number }> {
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
  const out = [];
  let pos = 12;
  while (pos < buf.length) {
    const size = buf.readUInt32LE(pos + 4);
    out.push({ id: buf.toString('ascii', pos, pos + 4), size, offset: pos });
    pos += 8 + size + (size % 2);
  }
  expect(pos).toBe(buf.length);
  return out;
}

describe('wavWithTranscript', () => {
  it('should round-trip the lines when transcriptOfWav reads the bytes back', () => {
    const lines = ['Hi, my name is Dana Reyes.', 'Ready to buy — "this month"', 'Café ☕ ok'];
    const sut = wavWithTranscript(3, lines);
    expect(transcriptOfWav(sut)).toEqual(lines);
    expect(wavDurationSeconds(sut)).toBe(3);
  });

  it('should keep a valid WAV with consistent sizes and even padding when a comment has odd length', () => {
    for (const lines of [[], ['a'], ['ab'], ['odd length line!']]) {
      const sut = wavWithTranscript(1, lines);
      const chunks = riffChunks(sut);
      expect(chunks.map((c) => c.id)).toEqual(['fmt ', 'data', 'LIST']);
      expect(sut.readUInt32LE(40)).toBe(8000 * 2); // data stays where players (and Twilio's layout) expect it
      expect(sut.length % 2).toBe(0);
      const list = chunks[2]!;
      expect(sut.toString('ascii', list.offset + 8, list.offset + 12)).toBe('INFO');
      const icmtSize = sut.readUInt32LE(list.offset + 16);
      expect(list.size).toBe(4 + 8 + icmtSize + (icmtSize % 2));
      expect(sut[list.offset + 20 + icmtSize - 1]).toBe(0); // ZSTR
      expect(/^[\x20-\x7e]*$/.test(sut.toString('latin1', list.offset + 20, list.offset + 20 + icmtSize - 1))).toBe(true);
    }
  });

  it('should read no transcript when the audio has no marker or is not a WAV', () => {
    expect(transcriptOfWav(wavOfSeconds(2))).toEqual([]);
    expect(transcriptOfWav(Buffer.from('ID3 not a wav at all'))).toEqual([]);
    expect(transcriptOfWav(wavWithTranscript(1, ['cut']).subarray(0, 60))).toEqual([]);
    expect(wavDurationSeconds(Buffer.from('nope'))).toBe(0);
  });
});
