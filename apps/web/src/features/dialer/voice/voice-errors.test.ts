import { describe, expect, it } from 'vitest';
import { isTokenError, voiceErrorMessage } from './voice-errors';

describe('voiceErrorMessage', () => {
  it.each([
    [31401, /Microphone blocked/],
    [31402, /No microphone found/],
    [20104, /session expired/],
    [31205, /session expired/],
    [20151, /session is not valid/],
    [31201, /session is not valid/],
    [31209, /session is not valid/],
    [31009, /No connection to the voice service/],
    [53001, /Lost the connection/],
    [53405, /call audio could not connect/],
    [31000, /went wrong with the call/],
  ])('should say %i in plain words', (code, message) => {
    expect(voiceErrorMessage(code, 'raw SDK text')).toMatch(message);
  });

  it('should fall back to the SDK message, then to a generic one', () => {
    expect(voiceErrorMessage(12345, 'raw SDK text')).toBe('raw SDK text');
    expect(voiceErrorMessage(undefined, '')).toBe('The call failed.');
  });
});

describe('isTokenError', () => {
  it('should flag the token and JWT family so the session fetches a new token', () => {
    for (const code of [20101, 20104, 20151, 31201, 31204, 31205, 31207]) expect(isTokenError(code)).toBe(true);
    for (const code of [31401, 31009, 53405, undefined]) expect(isTokenError(code)).toBe(false);
  });
});
