import twilio from 'twilio';
import { signWebhook, webhookTarget } from './webhook.js';

describe('webhook signing', () => {
  it('should reproduce the X-Twilio-Signature test vector of TWILIO.md §2.7', () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    const sut = signWebhook('12345', url, params);
    expect(sut).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(twilio.validateRequest('12345', sut, url, params)).toBe(true);
  });

  it('should sign only the URL when the method is GET', () => {
    const { url, signedParams } = webhookTarget('https://x.test/hook?a=1', 'GET', { CallSid: 'CA1' });
    expect(url).toBe('https://x.test/hook?a=1&CallSid=CA1');
    expect(signedParams).toEqual({});
  });
});
