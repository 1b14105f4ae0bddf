import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadText, REVOKE_AFTER_MS } from './download';

describe('downloadBlob / downloadText', () => {
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  function stub() {
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => (blobs.push(b), `blob:${blobs.length}`)),
      revokeObjectURL: vi.fn((u: string) => revoked.push(u)),
    });
    const clicks: Array<{ href: string; download: string; inDocument: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute('href') ?? '', download: this.download, inDocument: document.body.contains(this) });
    });
    return { blobs, revoked, clicks };
  }

  it('should click a link to the blob with the file name, and revoke its URL only after the timeout', () => {
    vi.useFakeTimers();
    const { revoked, clicks } = stub();
    downloadBlob(new Blob(['a,b']), 'contacts.csv');
    expect(clicks).toEqual([{ href: 'blob:1', download: 'contacts.csv', inDocument: true }]);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    vi.advanceTimersByTime(REVOKE_AFTER_MS - 1);
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(revoked).toEqual(['blob:1']);
  });

  it('should save text as a CSV blob unless another type is given', async () => {
    const { blobs, clicks } = stub();
    downloadText('x,y\r\n', 'rejected.csv');
    downloadText('{}', 'data.json', 'application/json');
    expect(clicks.map((c) => c.download)).toEqual(['rejected.csv', 'data.json']);
    expect(blobs.map((b) => b.type)).toEqual(['text/csv', 'application/json']);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]!);
    });
    expect(text).toBe('x,y\r\n');
  });
});
