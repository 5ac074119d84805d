using System.CommandLine;
using System.Text;

using Verify.Federation;
using Verify.Federation.Parties;
using Verify.Federation.Registration;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify rp add --oidc --client-id ID --redirect-uri URL (--jwks FILE | --jwks-uri URL) --loa LEVEL --name NAME</c>:
/// a relying party registered as an OpenID Connect client instead of from SAML metadata (ADR 0021). <c>--loa</c>,
/// <c>--name</c>, <c>--name-cy</c>, <c>--disabled</c>, <c>--allow-loopback-http</c>, <c>--homepage</c> and
/// <c>--other-ways</c> keep their meaning; <c>--metadata</c>, <c>--trust</c> and the matching options do not apply.
/// </summary>
internal sealed class RpOidcOptions
{
    private const long MaxSecretFileBytes = 4096;

    public Option<bool> Oidc { get; } = new("--oidc") { Description = "Register an OpenID Connect client instead of a SAML RP (no metadata)." };

    public Option<string?> ClientId { get; } = new("--client-id") { Description = "With --oidc: the client ID (also the RP's ID in the federation).", HelpName = "ID" };

    public Option<string[]> RedirectUris { get; } = new("--redirect-uri") { Description = "With --oidc: a redirect URI, compared exactly (https; repeat for several).", HelpName = "URL" };

    public Option<string[]> PostLogoutRedirectUris { get; } = new("--post-logout-redirect-uri") { Description = "With --oidc: a post-logout redirect URI (repeat for several).", HelpName = "URL" };

    public Option<FileInfo?> Jwks { get; } = new("--jwks") { Description = "With --oidc: the client's public keys for private_key_jwt (a JWKS file).", HelpName = "FILE" };

    public Option<string?> JwksUri { get; } = new("--jwks-uri") { Description = "With --oidc: where the client publishes its public keys (https), instead of --jwks.", HelpName = "URL" };

    public Option<string[]> Claims { get; } = new("--claim") { Description = "With --oidc: a claim it may receive: given_name, middle_name, family_name, birthdate, address (repeat).", HelpName = "NAME" };

    public Option<string[]> Scopes { get; } = new("--scope") { Description = "With --oidc: a scope it may ask for (default: openid verified_claims; repeat).", HelpName = "SCOPE" };

    public Option<string?> Sector { get; } = new("--sector") { Description = "With --oidc: the sector of its pairwise sub (default: the client ID).", HelpName = "SECTOR" };

    public Option<FileInfo?> ClientSecretFile { get; } = new("--client-secret-file") { Description = "With --oidc: allow client_secret_basic with the secret in this file (only its hash is stored).", HelpName = "FILE" };

    public Option<string?> IdTokenAlg { get; } = new("--id-token-alg") { Description = "With --oidc: the algorithm of its ID tokens: RS256 (default), PS256 or ES256 (id_token_signed_response_alg).", HelpName = "ALG" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Oidc, ClientId, RedirectUris, PostLogoutRedirectUris, Jwks, JwksUri, Claims, Scopes, Sector, ClientSecretFile, IdTokenAlg })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether an OIDC registration is asked for; OIDC options without <c>--oidc</c> are a usage error.</summary>
    public bool IsGiven(ParseResult parseResult)
    {
        if (parseResult.GetValue(Oidc))
        {
            return true;
        }

        var anyGiven = parseResult.GetValue(ClientId) is not null || parseResult.GetValue(Jwks) is not null || parseResult.GetValue(JwksUri) is not null
            || parseResult.GetValue(Sector) is not null || parseResult.GetValue(ClientSecretFile) is not null || parseResult.GetValue(IdTokenAlg) is not null
            || new[] { RedirectUris, PostLogoutRedirectUris, Claims, Scopes }.Any(option => parseResult.GetValue(option) is { Length: > 0 });
        return anyGiven
            ? throw new CliUsageException("--client-id, --redirect-uri, --jwks, --jwks-uri, --claim, --scope, --sector, --client-secret-file and --id-token-alg register an OpenID Connect client: add --oidc.")
            : false;
    }

    /// <summary>The settings as given; <paramref name="existing"/> (the stored registration, if any) keeps an unchanged secret's hash.</summary>
    public OidcRelyingPartySettings Read(ParseResult parseResult, PartyOptions party, RelyingPartySettings common, OidcRelyingParty? existing)
    {
        // ADR 0026: an OIDC RP may have a matching service (hub-asserted only); it has no SAML metadata of its own.
        if (parseResult.GetValue(party.Metadata) is not null || parseResult.GetValue(party.Trust) is not null
            || common.MatchingServiceEntityId is not null || common.AssertionMode == AssertionMode.EndToEnd)
        {
            throw new CliUsageException(
                "--oidc registers an OpenID Connect client: --metadata, --trust, --matching-service and --end-to-end do not apply (give the matching service's metadata with --matching-service-metadata; the hub asserts the match outcome).");
        }

        return new OidcRelyingPartySettings
        {
            ClientId = parseResult.GetValue(ClientId) ?? throw new CliUsageException("--oidc needs --client-id: the client ID the RP will send."),
            DisplayName = common.DisplayName ?? throw new CliUsageException("--oidc needs --name: an OpenID Connect RP has no metadata to take a name from."),
            Levels = common.Levels,
            RedirectUris = parseResult.GetValue(RedirectUris) is { Length: > 0 } uris ? uris : throw new CliUsageException("--oidc needs --redirect-uri URL (repeat for several)."),
            PostLogoutRedirectUris = parseResult.GetValue(PostLogoutRedirectUris) ?? [],
            Jwks = parseResult.GetValue(Jwks) is { } file ? Encoding.UTF8.GetString(PartyOptions.ReadFile(file, "--jwks", "the client's JWKS")) : null,
            JwksUri = parseResult.GetValue(JwksUri),
            Scopes = parseResult.GetValue(Scopes) is { Length: > 0 } scopes ? scopes : null,
            Claims = parseResult.GetValue(Claims) ?? [],
            Sector = parseResult.GetValue(Sector),
            ClientSecretHash = parseResult.GetValue(ClientSecretFile) is { } secretFile ? SecretHash(secretFile, existing) : null,
            IdTokenSignedResponseAlg = parseResult.GetValue(IdTokenAlg),
            Enabled = common.Enabled,
            ServiceHomepage = common.ServiceHomepage,
            OtherWaysToAccess = common.OtherWaysToAccess,
            MatchingService = common.MatchingService,
            Cycle3Attribute = common.Cycle3Attribute,
            AccountCreationAttributes = common.AccountCreationAttributes,
        };
    }

    /// <summary>One OIDC RP as <c>verify rp list</c> shows it.</summary>
    public static void Write(TextWriter output, OidcRelyingParty rp)
    {
        output.WriteLine($"{rp.ClientId}  [{(rp.Enabled ? "enabled" : "disabled")}]  {rp.Levels}  OpenID Connect client");
        output.WriteLine($"  name: {rp.DisplayName}");
        foreach (var uri in rp.RedirectUris)
        {
            output.WriteLine($"  redirect: {uri}");
        }

        output.WriteLine($"  keys: {(rp.JwksUri is { } jwksUri ? jwksUri : "registered JWKS")}{(rp.ClientSecretHash is null ? "" : "; client_secret_basic allowed")}");
        output.WriteLine($"  scopes: {string.Join(' ', rp.Scopes)}  claims: {(rp.Claims.Count == 0 ? "none" : string.Join(' ', rp.Claims))}  sector: {rp.Sector}  id_token: {rp.IdTokenSignedResponseAlg}");
        if (rp.ServiceHomepage is { } homepage)
        {
            output.WriteLine($"  homepage: {homepage}");
        }

        if (rp.Matching is { } matching)
        {
            output.WriteLine($"  matching service: {matching.EntityId} at {matching.MatchUrl} ({PartyListing.Kind(matching.TrustKind)} trust); hub-asserted"
                + (matching.Cycle3Attribute is { } cycle3 ? $"; cycle 3: {cycle3}" : "")
                + (matching.AccountCreationAttributes.Count > 0 ? $"; creates accounts ({string.Join(',', matching.AccountCreationAttributes)})" : ""));
        }
    }

    // The secret is read from a file, never the command line (shell history, process list); only its hash is stored.
    // Re-running with the same secret keeps the stored hash, so an unchanged registration stays unchanged.
    private static string SecretHash(FileInfo file, OidcRelyingParty? existing)
    {
        if (!file.Exists || file.Length > MaxSecretFileBytes)
        {
            throw new CliUsageException($"--client-secret-file '{file.FullName}' does not exist or is larger than {MaxSecretFileBytes} bytes; give a file holding only the secret.");
        }

        var secret = File.ReadAllText(file.FullName).TrimEnd('\r', '\n');
        return existing?.ClientSecretHash is { } stored && ClientSecretHasher.Verify(stored, secret) ? stored : ClientSecretHasher.Hash(secret);
    }

    /// <summary>The line printed after adding.</summary>
    public static string Added(StoreOutcome outcome, OidcRelyingPartyRegistration registration) =>
        $"{PartyCommands.Outcome(outcome)} OpenID Connect relying party {registration.ClientId} ({registration.Levels}, {registration.RedirectUris.Count} redirect URI{(registration.RedirectUris.Count == 1 ? "" : "s")}, "
        + $"{(registration.JwksUri is null ? "registered keys" : "keys at " + registration.JwksUri)}{(registration.ClientSecretHash is null ? "" : ", client_secret_basic allowed")})."
        + (registration.MatchingService is { } ms ? $"{Environment.NewLine}  Matching service {ms.EntityId} at {ms.MatchUrl} ({PartyListing.Kind(ms.Trust)} trust); hub-asserted." : "");
}
