using OpenIddict.Client;

using Verify.Hub.Directory;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// OpenIddict's client service, with registrations resolved from the hub directory instead of the static list in
/// <see cref="OpenIddictClientOptions.Registrations"/> (ADR 0022): every handler that resolves a registration — the
/// challenge, the redirection endpoint (by the registration ID its state token carries), the token request — goes
/// through these two methods, so an IDP registered with the CLI is usable on every node without a restart, and one
/// removed or disabled meanwhile has no registration and its answer is refused.
/// </summary>
internal sealed class HubOidcClientService(IServiceProvider provider, IHubDirectorySource directory, IdpClientRegistrations registrations)
    : OpenIddictClientService(provider)
{
    /// <inheritdoc/>
    public override async ValueTask<OpenIddictClientRegistration> GetClientRegistrationByIdAsync(string identifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var current = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
        return registrations.Find(current, identifier, this) ?? throw new InvalidOperationException("No enabled OpenID Connect IDP is registered with this issuer.");
    }

    /// <inheritdoc/>
    public override ValueTask<OpenIddictClientRegistration> GetClientRegistrationByIssuerAsync(Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);

        // The registration ID is the issuer exactly as registered (OIDC Discovery 4.3: compared as a string).
        return GetClientRegistrationByIdAsync(uri.OriginalString, cancellationToken);
    }
}
