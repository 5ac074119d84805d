// openid-client (an OpenID-certified relying party library) signs in through the Verify hub.
//
//   OIDC_CLIENT_JWK='{"kty":"RSA",...,"d":...}' node signin.mjs --issuer https://hub.test:PORT/ \
//     --client-id https://rp.test --redirect-uri https://rp.test/oidc/callback \
//     [--scope "openid verified_claims"] [--acr-values URI] [--par] [--resolve hub.test=127.0.0.1]
//
// 1. Discovers the hub (the issuer must match exactly), with private_key_jwt from the private JWK in OIDC_CLIENT_JWK
//    (in the environment, not on the command line, where any local user could read it).
// 2. Prints {"authorization_url": ...} as one JSON line: code flow, PKCE S256, state, nonce, acr_values; pushed
//    first (RFC 9126) with --par.
// 3. Reads one line from stdin: the callback URL the browser ended at.
// 4. authorizationCodeGrant (openid-client checks iss per RFC 9207, state, the code, nonce, PKCE, the ID token's
//    iss/aud/exp/iat and RS256 signature against the hub's JWKS), then userinfo (its sub must equal the ID token's).
// 5. Prints {"id_token_header", "id_token_claims", "userinfo", "token_type", "scope"} as one JSON line.
// Any failure: a message on stderr and exit code 1. Tokens themselves are never printed.
//
// TLS: the hub's certificate must chain to a root Node trusts; for the sample federation give its roots with
// NODE_EXTRA_CA_CERTS. Checks are never disabled. --resolve maps a host name to an address (like curl's), so a test
// hub named hub.test can be reached on loopback with its real name (the name is what TLS checks).
import { webcrypto } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

// Debian 12's Node 18 has no global CryptoKey class, which openid-client's key checks use; set the WebCrypto
// globals before it loads (hence the dynamic imports below).
globalThis.crypto ??= webcrypto;
globalThis.CryptoKey ??= webcrypto.CryptoKey;

const client = await import('openid-client');
const { Agent, fetch: undiciFetch } = await import('undici');

const MaxCallbackLength = 16 * 1024;

function fail(message) {
  process.stderr.write(`signin: ${message}\n`);
  process.exit(1);
}

function describe(error) {
  const parts = [`${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`];
  if (error?.code) parts.push(`code=${error.code}`);
  if (error?.error) parts.push(`error=${error.error}`);
  if (error?.error_description) parts.push(`error_description=${error.error_description}`);
  if (error?.status) parts.push(`status=${error.status}`);
  if (error?.cause?.message) parts.push(`cause=${error.cause.message}`);
  // WWWAuthenticateChallengeError: the challenges' parameters (error, error_description) say why.
  if (Array.isArray(error?.cause)) parts.push(`challenges=${JSON.stringify(error.cause)}`);
  return parts.join(' ');
}

function options() {
  const { values } = parseArgs({
    options: {
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      'redirect-uri': { type: 'string' },
      scope: { type: 'string', default: 'openid' },
      'acr-values': { type: 'string' },
      par: { type: 'boolean', default: false },
      resolve: { type: 'string', multiple: true, default: [] },
    },
    strict: true,
  });
  for (const required of ['issuer', 'client-id', 'redirect-uri']) {
    if (!values[required]) fail(`--${required} is required`);
  }
  return values;
}

// --resolve host=address: connect to address when the URL names host (TLS still checks host).
function fetchResolving(pairs) {
  const table = new Map();
  for (const pair of pairs) {
    const [host, address] = pair.split('=');
    if (!host || !address) fail(`--resolve wants host=address, not '${pair}'`);
    table.set(host.toLowerCase(), address);
  }
  const dispatcher = new Agent({
    connect: {
      lookup(hostname, lookupOptions, callback) {
        const address = table.get(hostname.toLowerCase());
        if (!address) return dnsLookup(hostname, lookupOptions, callback);
        const family = address.includes(':') ? 6 : 4;
        return lookupOptions?.all ? callback(null, [{ address, family }]) : callback(null, address, family);
      },
    },
  });
  return (url, init) => undiciFetch(url, { ...init, dispatcher });
}

async function privateKey() {
  const text = process.env.OIDC_CLIENT_JWK;
  if (!text) fail('OIDC_CLIENT_JWK (the client\'s private RSA JWK) is not set');
  let jwk;
  try {
    jwk = JSON.parse(text);
  } catch {
    fail('OIDC_CLIENT_JWK is not JSON');
  }
  if (jwk.kty !== 'RSA' || !jwk.d) fail('OIDC_CLIENT_JWK must be a private RSA JWK');
  const { kid, ...material } = jwk;
  const key = await crypto.subtle.importKey('jwk', { ...material, alg: 'RS256' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  return { key, kid };
}

async function readLine() {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    if (line.length > MaxCallbackLength) fail('the callback URL is too long');
    return line.trim();
  }
  return fail('no callback URL on stdin');
}

async function main() {
  const args = options();
  const customFetch = fetchResolving(args.resolve);
  const config = await client.discovery(
    new URL(args.issuer),
    args['client-id'],
    { id_token_signed_response_alg: 'RS256' },
    // OpenIddict 7 (the hub) wants draft-ietf-oauth-rfc7523bis's explicit type on client assertions (else
    // invalid_client, ID2089); openid-client sends none unless asked, through its modifyAssertion hook.
    client.PrivateKeyJwt(await privateKey(), {
      [client.modifyAssertion]: (header) => {
        header.typ = 'client-authentication+jwt';
      },
    }),
    { [client.customFetch]: customFetch, execute: [client.enableNonRepudiationChecks] },
  );

  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const parameters = {
    redirect_uri: args['redirect-uri'],
    scope: args.scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  };
  if (args['acr-values']) parameters.acr_values = args['acr-values'];
  const url = args.par
    ? await client.buildAuthorizationUrlWithPAR(config, parameters)
    : client.buildAuthorizationUrl(config, parameters);
  process.stdout.write(`${JSON.stringify({ authorization_url: url.href, pushed: args.par })}\n`);

  const callback = new URL(await readLine());
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  const [header] = tokens.id_token.split('.');
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  process.stdout.write(`${JSON.stringify({
    id_token_header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    id_token_claims: claims,
    userinfo,
    token_type: tokens.token_type,
    scope: tokens.scope ?? null,
  })}\n`);
}

try {
  await main();
  process.exit(0);
} catch (error) {
  fail(describe(error));
}
