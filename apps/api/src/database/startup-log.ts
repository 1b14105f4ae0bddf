/** The last lines PostgreSQL wrote to stderr, kept so a failed start can say why. */
export class StartupLog {
  private lines: string[] = [];
  private partial = '';

  add(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts.filter(Boolean));
    if (this.lines.length > 200) this.lines = this.lines.slice(-200);
  }

  reset(): void {
    this.lines = [];
    this.partial = '';
  }

  text(): string {
    return [...this.lines, this.partial].filter(Boolean).join('\n');
  }
}

/**
 * What PostgreSQL itself said when it would not start: its FATAL/PANIC lines with their DETAIL and
 * HINT, and the bind failures logged before "could not create any TCP/IP sockets". Null when it said
 * nothing of the kind.
 */
export function postgresFailureReason(log: string): string | null {
  const said: Array<{ main: boolean; text: string }> = [];
  for (const line of log.split('\n')) {
    const m = /\b(FATAL|PANIC|DETAIL|HINT|LOG):\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, level, raw] = m;
    const text = raw.trim();
    if (level === 'LOG' && !/could not bind/i.test(text)) continue;
    said.push(level === 'DETAIL' || level === 'HINT' ? { main: false, text: `(${text})` } : { main: true, text });
  }
  return said.some((s) => s.main) ? said.map((s) => s.text).join(' ') : null;
}
