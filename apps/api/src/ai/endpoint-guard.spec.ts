import { assertEndpointAllowed, EndpointNotAllowed } from './endpoint-guard.js';

describe('assertEndpointAllowed', () => {
  it.each(['http://127.0.0.1:11434/v1', 'http://10.1.2.3/v1', 'http://169.254.169.254/latest', 'http://192.168.1.5/v1', 'http://[::1]:8000/v1', 'http://localhost:3001/v1', 'http://[::ffff:127.0.0.1]/v1'])(
    'should refuse %s unless private endpoints are allowed',
    async (url) => {
      await expect(assertEndpointAllowed(url, false)).rejects.toBeInstanceOf(EndpointNotAllowed);
      await expect(assertEndpointAllowed(url, true)).resolves.toBeUndefined();
    },
  );

  it('should let a public address through', async () => {
    await expect(assertEndpointAllowed('https://8.8.8.8/v1', false)).resolves.toBeUndefined();
  });
});
