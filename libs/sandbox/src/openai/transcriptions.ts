import { transcriptOfWav, wavDurationSeconds } from '../calls/wav.js';
import { sendJson, sendText, type RequestContext } from '../http/router.js';
import { invalidParameter, missingParameter, openAiError } from './errors.js';
import { MultipartError, multipartBoundary, parseMultipart, type MultipartFile } from './multipart.js';

const FORMATS = ['json', 'text', 'verbose_json'] as const;
type TranscriptionFormat = (typeof FORMATS)[number];
const AUDIO_EXTENSIONS = ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm'];
const LANGUAGES = new Map([['en', 'english'], ['es', 'spanish'], ['fr', 'french'], ['de', 'german'], ['it', 'italian'], ['pt', 'portuguese'], ['nl', 'dutch']]);

export interface TranscriptionRequest {
  model: string;
  file: MultipartFile;
  format: TranscriptionFormat;
  language: string | null;
}

export function parseTranscriptionRequest(ctx: RequestContext): TranscriptionRequest {
  const type = ctx.req.headers['content-type'];
  const boundary = multipartBoundary(type);
  if (!boundary) throw openAiError(400, `Invalid Content-Type header (${type ?? 'none'}), expected multipart/form-data.`);
  let form;
  try {
    form = parseMultipart(ctx.body, boundary);
  } catch (err) {
    if (err instanceof MultipartError) throw openAiError(400, `Could not parse multipart form: ${err.message}.`);
    throw err;
  }
  const file = form.files.get('file');
  if (!file) throw missingParameter('file');
  const model = form.fields.get('model');
  if (!model) throw missingParameter('model');
  const extension = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase() ?? '';
  if (!AUDIO_EXTENSIONS.includes(extension)) {
    throw openAiError(400, `Invalid file format. Supported formats: ${JSON.stringify(AUDIO_EXTENSIONS)}`, { param: 'file', code: 'invalid_value' });
  }
  const format = form.fields.get('response_format') || 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw invalidParameter('response_format', `Invalid value for 'response_format': the sandbox answers ${FORMATS.join(', ')}.`);
  }
  return { model, file, format: format as TranscriptionFormat, language: form.fields.get('language') || null };
}

const seconds = (n: number) => Math.round(n * 100) / 100;

// What the pretend phones said, read back from the transcript the sandbox embedded in the WAV.
export function answerTranscription(ctx: RequestContext, request: TranscriptionRequest): void {
  const lines = transcriptOfWav(request.file.data);
  const text = lines.join(' ');
  if (request.format === 'text') return sendText(ctx.res, 200, 'text/plain; charset=utf-8', text);
  if (request.format === 'json') return sendJson(ctx.res, 200, { text });
  const duration = wavDurationSeconds(request.file.data);
  const step = lines.length ? duration / lines.length : 0;
  sendJson(ctx.res, 200, {
    task: 'transcribe',
    language: LANGUAGES.get(request.language?.toLowerCase() ?? 'en') ?? request.language,
    duration: seconds(duration),
    text,
    segments: lines.map((line, id) => ({
      id, seek: 0, start: seconds(id * step), end: seconds((id + 1) * step), text: line,
      tokens: [], temperature: 0, avg_logprob: -0.1, compression_ratio: 1, no_speech_prob: 0,
    })),
  });
}
