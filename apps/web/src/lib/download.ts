// Revoking a blob: URL right after click() can cancel the download it started (the browser may not
// have read the blob yet), so the URL is released a while later instead.
export const REVOKE_AFTER_MS = 60_000;

/** Saves a blob as a file through a temporary link (the browser's download). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Saves text as a file (CSV unless told otherwise). */
export function downloadText(text: string, filename: string, type = 'text/csv'): void {
  downloadBlob(new Blob([text], { type }), filename);
}
