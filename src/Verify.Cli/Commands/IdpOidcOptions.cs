using System.CommandLine;
using System.Text;

using Verify.Federation.Registration;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify idp add --oidc-issuer URL --client-id ID [--jwks FILE]</c>: an identity provider registered by OpenID
/// Connect issuer instead of SAML metadata (ADR 0022). The other <c>idp add</c> options keep their meaning; a display
/// name is required (there is no metadata to take it from) and <c>--trust</c>/<c>--metadata</c> do not apply.
/// </summary>
internal sealed class IdpOidcOptions
{
    public Option<string?> Issuer { get; } = new("--oidc-issuer") { Description = "Register an OpenID Connect IDP by its issuer (https URL) instead of --metadata.", HelpName = "URL" };

    public Option<string?> ClientId { get; } = new("--client-id") { Description = "With --oidc-issuer: the client ID the IDP gave the hub.", HelpName = "ID" };

    public Option<FileInfo?> Jwks { get; } = new("--jwks") { Description = "With --oidc-issuer: pin these public keys (a JWKS file) instead of trusting the issuer's discovery document.", HelpName = "FILE" };

    public Option<string[]> Scopes { get; } = new("--scope")
    {
        Description = "With --oidc-issuer: a scope to ask for besides openid (repeatable), e.g. --scope profile --scope address for an IDP that releases identity claims only for them.",
        HelpName = "SCOPE",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Issuer);
        command.Options.Add(ClientId);
        command.Options.Add(Jwks);
        command.Options.Add(Scopes);
    }

    /// <summary>Whether an OIDC registration is asked for.</summary>
    public bool IsGiven(ParseResult parseResult) => parseResult.GetValue(Issuer) is not null;

    /// <summary>The registration, checked; usage errors (exit 2) for options that do not go together.</summary>
    public OidcIdentityProviderRegistration Register(ParseResult parseResult, PartyOptions party, IdentityProviderSettings settings)
    {
        if (parseResult.GetValue(party.Metadata) is not null || parseResult.GetValue(party.Trust) is not null)
        {
            throw new CliUsageException("--oidc-issuer registers an OpenID Connect IDP: --metadata and --trust do not apply (use --jwks to pin keys).");
        }

        var clientId = parseResult.GetValue(ClientId) ?? throw new CliUsageException("--oidc-issuer needs --client-id: the client ID the IDP gave the hub.");
        var name = settings.DisplayName ?? throw new CliUsageException("--oidc-issuer needs --name: an OpenID Connect IDP has no metadata to take a name from.");
        var jwks = parseResult.GetValue(Jwks) is { } file ? Encoding.UTF8.GetString(PartyOptions.ReadFile(file, "--jwks", "the IDP's JWKS")) : null;
        return OidcIdentityProviderRegistration.Create(
            new OidcIdentityProviderSettings
            {
                Issuer = parseResult.GetValue(Issuer)!,
                ClientId = clientId,
                Levels = settings.Levels,
                PinnedJwks = jwks,
                Scopes = parseResult.GetValue(Scopes) ?? [],
                DisplayName = name,
                Enabled = settings.Enabled,
                DisplayOrder = settings.DisplayOrder,
                OnboardingOnlyFor = settings.OnboardingOnlyFor,
                ProvideRegistrationUntil = settings.ProvideRegistrationUntil,
                ProvideSignInUntil = settings.ProvideSignInUntil,
                TemporarilyUnavailable = settings.TemporarilyUnavailable,
            },
            parseResult.GetValue(party.AllowLoopbackHttp));
    }
}
