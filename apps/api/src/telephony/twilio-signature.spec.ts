import { expectedTwilioSignature, isValidTwilioSignature } from './twilio-signature.js';

// TWILIO.md §2.7 test vector (twilio-python's request validator tests).
const TOKEN = '12345';
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };

describe('Twilio signature', () => {
  it('should compute the documented test vector', () => {
    expect(expectedTwilioSignature(TOKEN, URL, PARAMS)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('should accept the vector and refuse a missing, forged or tampered one', () => {
    expect(isValidTwilioSignature(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL, PARAMS)).toBe(true);
    expect(isValidTwilioSignature(TOKEN, undefined, URL, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=', URL, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL, { ...PARAMS, Digits: '9999' })).toBe(false);
    expect(isValidTwilioSignature('54321', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL, PARAMS)).toBe(false);
  });
});
