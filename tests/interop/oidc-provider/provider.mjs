// oidc-provider (npm, OpenID-certified) as an upstream identity provider of the Verify hub (issue 7, ADR 0022).
// Started by tests/Verify.Hub.Tests/Oidc/Client/Interop: serves HTTPS on localhost with the certs-sample TLS certificate,
// registers the hub as its one client (code flow, PKCE required, private_key_jwt with the hub's published JWKS), and
// answers every authorization at once with the outcome given on the command line — no login page: the citizen's part is
// played by the test, the protocol part by oidc-provider. Prints one line, {"issuer": ...}, when it is listening.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { generateKeyPairSync } from 'node:crypto';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'client-id': { type: 'string' },
    'redirect-uri': { type: 'string' },
    'hub-jwks': { type: 'string' },
    'tls-key': { type: 'string' },
    'tls-cert': { type: 'string' },
    acr: { type: 'string' },
    outcome: { type: 'string', default: 'success' },
  },
});
for (const required of ['port', 'client-id', 'redirect-uri', 'hub-jwks', 'tls-key', 'tls-cert', 'acr']) {
  if (!args[required]) {
    console.error(`--${required} is required`);
    process.exit(2);
  }
}

const issuer = `https://localhost:${args.port}`;
const subject = 'oidc-provider-subject-0001';

// The identity the hub receives: OIDC Core 5.1 standard claims (the hub takes them as the current, verified values).
const identity = {
  given_name: 'Sarah',
  family_name: 'Thompson',
  birthdate: '1987-03-14',
  address: { street_address: '10 Test Road\nTestville', postal_code: 'TE1 1ST', country: 'GB' },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'oidc-provider-signing', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: args['client-id'],
    redirect_uris: [args['redirect-uri']],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: 'RS256',
    id_token_signed_response_alg: 'RS256',
    jwks: JSON.parse(readFileSync(args['hub-jwks'], 'utf8')),
  }],
  jwks: { keys: [signingKey] },
  acrValues: [args.acr],
  pkce: { required: () => true },
  // The hub asks for scope openid only and reads the identity from the signed ID token (ADR 0022).
  claims: { openid: ['sub', 'given_name', 'family_name', 'birthdate', 'address'] },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['verify-interop-cookie-key-not-a-secret'] },
  findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, ...identity }) }),
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
});

// The interaction: the test's citizen "signs in" (or cancels) at once.
provider.use(async (ctx, next) => {
  if (!ctx.path.startsWith('/interaction/')) {
    return next();
  }

  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (args.outcome === 'cancel') {
    await provider.interactionFinished(ctx.req, ctx.res, { error: 'access_denied', error_description: 'The citizen cancelled.' });
    return undefined;
  }

  const grant = new provider.Grant({ accountId: subject, clientId: details.params.client_id });
  grant.addOIDCScope('openid');
  grant.addOIDCClaims(['given_name', 'family_name', 'birthdate', 'address']);
  const grantId = await grant.save();
  await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: subject, acr: args.acr }, consent: { grantId } });
  return undefined;
});

provider.on('server_error', (ctx, error) => console.error('server_error', error));
provider.on('grant.error', (ctx, error) => console.error('grant.error', error.message, error.error_description ?? ''));

const server = createServer({ key: readFileSync(args['tls-key']), cert: readFileSync(args['tls-cert']) }, provider.callback());
server.listen(Number(args.port), '127.0.0.1', () => {
  console.log(JSON.stringify({ issuer }));
});
