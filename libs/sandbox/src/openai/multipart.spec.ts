import { multipartBoundary, parseMultipart } from './multipart.js';

describe('parseMultipart', () => {
  it('should read fields and binary files when the body comes from a real FormData', async () => {
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('prompt', 'line one\r\nline "two"');
    const bytes = Buffer.from([0, 13, 10, 45, 45, 255, 1]);
    form.append('file', new Blob([bytes], { type: 'audio/wav' }), 'my "call".wav');
    const res = new Response(form);
    const boundary = multipartBoundary(res.headers.get('content-type') ?? undefined);
    expect(boundary).not.toBeNull();

    const sut = parseMultipart(Buffer.from(await res.arrayBuffer()), boundary!);

    expect(Object.fromEntries(sut.fields)).toEqual({ model: 'whisper-1', prompt: 'line one\r\nline "two"' });
    expect(sut.files.get('file')).toEqual({ filename: 'my "call".wav', contentType: 'audio/wav', data: bytes });
  });

  it('should find no boundary when the content type is not multipart', () => {
    expect(multipartBoundary('application/json')).toBeNull();
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
  });

  it('should throw when the closing boundary is missing', () => {
    expect(() => parseMultipart(Buffer.from('--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nv'), 'x')).toThrow(/closing boundary/);
  });
});
