using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;

namespace Verify.Saml.Validation;

/// <summary>
/// A registered party that may send an AuthnRequest: the keys its requests must be signed with, and its assertion
/// consumer services (HTTP-POST), from which alone the answer's destination is chosen.
/// </summary>
/// <param name="EntityId">The party's entity ID.</param>
/// <param name="SigningKeys">The keys registered for it (pinned or pkix-checked by the caller's trust policy).</param>
/// <param name="AssertionConsumerServices">Its registered HTTP-POST assertion consumer services.</param>
public sealed record AuthnRequestSender(string EntityId, TrustedKeySet SigningKeys, IReadOnlyList<IndexedEndpoint> AssertionConsumerServices)
{
    /// <summary>A sender with assertion consumer services at <paramref name="urls"/>, indexed from 0, the first the default.</summary>
    public static AuthnRequestSender FromUrls(string entityId, TrustedKeySet signingKeys, params string[] urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return new(entityId, signingKeys, [.. urls.Select((url, index) => new IndexedEndpoint
        {
            Binding = SamlBindings.HttpPost,
            Location = url,
            Index = index,
            IsDefault = index == 0 ? true : null,
        })]);
    }
}
