using Verify.Saml.Trust;
using Verify.Saml.Xml.Encryption;

namespace Verify.Saml.Validation;

/// <summary>
/// What a Response must say, taken from our own stored request state — never from the message:
/// who we asked, which request, where we receive, who we are.
/// </summary>
public sealed record ExpectedResponse
{
    /// <summary>The entity ID of the party we sent the request to (e.g. the IDP the citizen selected).</summary>
    public required string Issuer { get; init; }

    /// <summary>That party's signing keys.</summary>
    public required TrustedKeySet IssuerKeys { get; init; }

    /// <summary>The endpoint the Response was received at (our ACS URL).</summary>
    public required string Destination { get; init; }

    /// <summary>Our own entity ID, which must be an audience of every assertion.</summary>
    public required string Audience { get; init; }

    /// <summary>The ID of the request we sent.</summary>
    public required string InResponseTo { get; init; }

    /// <summary>Whether the Response element itself must be signed (assertions always must be).</summary>
    public bool RequireSignedResponse { get; init; } = true;

    /// <summary>Our private keys for encrypted assertions (each current key, for rollover).</summary>
    public IReadOnlyList<DecryptionKey> DecryptionKeys { get; init; } = [];

    /// <summary>Which assertions a successful Response must carry.</summary>
    public ResponseShape Shape { get; init; } = ResponseShape.VerifyIdp;
}
