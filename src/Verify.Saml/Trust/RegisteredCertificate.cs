using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Metadata;

namespace Verify.Saml.Trust;

/// <summary>
/// One certificate registered for a party (from its metadata's <c>md:KeyDescriptor</c> or its configuration), and
/// what it is for. Registration says nothing about trust: <see cref="TrustPolicy"/> decides that.
/// </summary>
/// <param name="Certificate">The certificate; only its public key matters under <see cref="TrustKind.Pinned"/>.</param>
/// <param name="Use">Signing, encryption, or unspecified (both, SAML Metadata 2.4.1.1).</param>
public sealed record RegisteredCertificate(X509Certificate2 Certificate, KeyUse Use)
{
    /// <summary>Whether the certificate may be used for <paramref name="use"/>.</summary>
    public bool AppliesTo(KeyUse use) => Use == KeyUse.Unspecified || Use == use;
}
