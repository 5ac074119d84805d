using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

using OpenIddict.Abstractions;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// Reads an IDP's discovery document and replaces its signing keys with the keys pinned at registration (ADR 0022):
/// the document still gives the endpoints, but only a pinned key can sign an ID token the hub takes. Each fetch
/// builds a new configuration object, so the replacement happens before anyone else sees it.
/// </summary>
internal sealed class PinnedKeysRetriever(IConfigurationRetriever<OpenIddictConfiguration> inner, JsonWebKeySet pinned)
    : IConfigurationRetriever<OpenIddictConfiguration>
{
    public async Task<OpenIddictConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = await inner.GetConfigurationAsync(address, retriever, cancel).ConfigureAwait(false);
        configuration.SigningKeys.Clear();
        foreach (var key in pinned.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }
}
