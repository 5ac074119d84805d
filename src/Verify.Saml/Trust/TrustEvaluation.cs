using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;

namespace Verify.Saml.Trust;

/// <summary>
/// What <see cref="TrustPolicy.Evaluate"/> decided about one party's certificates for one use: those trusted, and
/// those refused with the reason. During a key rollover an expired or revoked old key is refused while the new one
/// is trusted, so the party keeps working; with nothing trusted, <see cref="RequireTrusted"/> fails closed.
/// </summary>
public sealed class TrustEvaluation
{
    internal TrustEvaluation(PartyTrust party, KeyUse use, IReadOnlyList<X509Certificate2> trusted, IReadOnlyList<RejectedCertificate> rejected)
    {
        Party = party;
        Use = use;
        Trusted = trusted;
        Rejected = rejected;
    }

    /// <summary>The party evaluated.</summary>
    public PartyTrust Party { get; }

    /// <summary>The use evaluated: signing or encryption.</summary>
    public KeyUse Use { get; }

    /// <summary>The trusted certificates, in registration order.</summary>
    public IReadOnlyList<X509Certificate2> Trusted { get; }

    /// <summary>The refused certificates, in registration order, each with its reason.</summary>
    public IReadOnlyList<RejectedCertificate> Rejected { get; }

    /// <summary>The trusted certificates; at least one.</summary>
    /// <exception cref="SamlException">
    /// None is trusted: the first refusal's code, or <see cref="SamlErrorCode.TrustNoCertificate"/> when the party has
    /// no certificate registered for the use.
    /// </exception>
    public IReadOnlyList<X509Certificate2> RequireTrusted()
    {
        if (Trusted.Count > 0)
        {
            return Trusted;
        }

        throw Rejected.Count > 0
            ? Rejected[0].Reason
            : new SamlException(SamlErrorCode.TrustNoCertificate, Use == KeyUse.Signing ? "Signing." : "Encryption.");
    }
}
