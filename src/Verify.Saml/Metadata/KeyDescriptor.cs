using System.Security.Cryptography.X509Certificates;

namespace Verify.Saml.Metadata;

/// <summary>
/// A <c>md:KeyDescriptor</c> (SAML Metadata 2.4.1.1): a key of the role, as the X.509 certificates in its
/// <c>ds:KeyInfo</c>, and what it is for. A party rolling a key over publishes several key descriptors with the
/// same use. Whether a certificate is trusted is decided by <c>Verify.Saml.Trust.TrustPolicy</c>, not here.
/// </summary>
public sealed record KeyDescriptor
{
    /// <summary>What the key is for; <see cref="KeyUse.Unspecified"/> means both.</summary>
    public KeyUse Use { get; init; }

    /// <summary>The <c>ds:X509Certificate</c> values of the KeyInfo, in document order; at least one.</summary>
    public required IReadOnlyList<X509Certificate2> Certificates { get; init; }

    /// <summary>The <c>ds:KeyName</c>, if given (informational only).</summary>
    public string? KeyName { get; init; }

    /// <summary>The <c>Algorithm</c> of each <c>md:EncryptionMethod</c>, in document order.</summary>
    public IReadOnlyList<string> EncryptionMethods { get; init; } = [];

    /// <summary>Whether the key may be used for <paramref name="use"/> (SAML Metadata 2.4.1.1: no use means either).</summary>
    public bool AppliesTo(KeyUse use) => Use == KeyUse.Unspecified || Use == use;
}
