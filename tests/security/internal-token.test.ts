/**
 * Router-signed internal tokens: verified tokens are cached until they expire, and the cache never makes a token
 * valid that verification would refuse (expired, another secret, one byte changed).
 */
import { SignJWT } from 'jose';
import { signInternalToken, verifyInternalToken } from '../../platform/identity';

const SECRET = 'internal-token-test-secret-0123456789abcdef';

const shortLived = (seconds: number) =>
  new SignJWT({ name: 'Short', via: 'jwt' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('short')
    .setIssuer('visual-builder-router')
    .setAudience('visual-builder-subgraphs')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(new TextEncoder().encode(SECRET));

it('answers a verified token from the cache with the same identity', async () => {
  const token = await signInternalToken({ sub: 'alice', name: 'Alice', via: 'jwt' }, SECRET);
  const first = await verifyInternalToken(token, SECRET);
  const again = await verifyInternalToken(token, SECRET);
  expect(first).toEqual({ sub: 'alice', name: 'Alice', via: 'jwt' });
  expect(again).toEqual(first);
  // Callers get their own copy: changing one never changes what the next request sees.
  again.sub = 'mallory';
  expect(await verifyInternalToken(token, SECRET)).toEqual(first);
});

it('refuses a cached token once it expires, another secret and any changed byte', async () => {
  const token = await shortLived(1);
  expect((await verifyInternalToken(token, SECRET)).sub).toBe('short');
  await expect(verifyInternalToken(token, 'another-secret-0123456789abcdef-0123456789')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
  await expect(verifyInternalToken(tampered, SECRET)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  await expect(verifyInternalToken(token, SECRET)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
});
