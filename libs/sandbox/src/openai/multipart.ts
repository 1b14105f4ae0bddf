export interface MultipartFile {
  filename: string;
  contentType: string | null;
  data: Buffer;
}

export interface MultipartForm {
  fields: Map<string, string>;
  files: Map<string, MultipartFile>;
}

export class MultipartError extends Error {}

// The boundary of a `multipart/form-data; boundary=…` content type, or null for another type.
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

// `form-data; name="file"; filename="call.wav"` → {name: 'file', filename: 'call.wav'}. Browsers and
// undici percent-encode `"`, CR and LF inside quoted values.
function dispositionParams(header: string): Record<string, string> {
  const params: Record<string, string> = {};
  const re = /;\s*([a-zA-Z*]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const quoted = m[2]?.replace(/\\(.)/g, '$1').replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
    params[m[1]!.toLowerCase()] = quoted ?? m[3]!.trim();
  }
  return params;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

// RFC 7578 multipart/form-data: parts between `--boundary` lines, each with headers, a blank line and content.
export function parseMultipart(body: Buffer, boundary: string): MultipartForm {
  const form: MultipartForm = { fields: new Map(), files: new Map() };
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new MultipartError('multipart body has no boundary line');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString('latin1') === '--') return form; // closing delimiter
    const headerStart = body.indexOf('\r\n', pos);
    if (headerStart < 0) break;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd < 0) break;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) break;
    const headers = parseHeaders(body.subarray(headerStart + 2, headerEnd).toString('utf8'));
    const content = body.subarray(headerEnd + 4, next);
    const disposition = dispositionParams(headers.get('content-disposition') ?? '');
    if (disposition.name !== undefined) {
      if (disposition.filename !== undefined) {
        form.files.set(disposition.name, { filename: disposition.filename, contentType: headers.get('content-type') ?? null, data: Buffer.from(content) });
      } else {
        form.fields.set(disposition.name, content.toString('utf8'));
      }
    }
    pos = next + 2;
  }
  throw new MultipartError('multipart body ends before its closing boundary');
}
