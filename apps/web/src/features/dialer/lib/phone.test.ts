import { describe, expect, it } from 'vitest';
import { voiceErrorMessage } from '../voice/voice-errors';
import { formatAsYouType, formatPhone, toE164 } from './phone';

describe('phone helpers', () => {
  it('should format a US number as it is typed', () => {
    expect(formatAsYouType('212555')).toBe('(212) 555');
    expect(formatAsYouType('2125550100')).toBe('(212) 555-0100');
  });

  it('should accept pasted formats and refuse what cannot be a number', () => {
    expect(toE164('(212) 555-0100')).toBe('+12125550100');
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('12')).toBeNull();
  });

  it('should show national format at home and international abroad', () => {
    expect(formatPhone('+14155550100')).toBe('(415) 555-0100');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
  });
});

describe('voiceErrorMessage', () => {
  it('should say the microphone is blocked when the SDK reports 31401', () => {
    expect(voiceErrorMessage(31401, 'PermissionDeniedError')).toMatch(/Microphone blocked/);
    expect(voiceErrorMessage(20104, '')).toMatch(/expired/);
    expect(voiceErrorMessage(31009, '')).toMatch(/No connection/);
    expect(voiceErrorMessage(99999, 'Something odd')).toBe('Something odd');
  });
});
