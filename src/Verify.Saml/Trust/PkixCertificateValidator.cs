using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;

namespace Verify.Saml.Trust;

/// <summary>
/// Validates a party's certificate under <see cref="TrustKind.Pkix"/> (RFC 5280 6.1): it chains to the federation
/// root through the CA of the party's role and nothing else, every certificate in the chain is in date at the
/// injected clock's time and not revoked by a configured CRL, its key is strong enough and its key usage allows the
/// use. Each failure has its own code. Nothing is fetched from the network.
/// </summary>
public sealed class PkixCertificateValidator(FederationTrustAnchors anchors, TimeProvider timeProvider)
{
    private const X509ChainStatusFlags TimeFlags = X509ChainStatusFlags.NotTimeValid;

    private readonly FederationTrustAnchors _anchors = anchors ?? throw new ArgumentNullException(nameof(anchors));
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>Validates <paramref name="certificate"/> for a party in <paramref name="role"/>, for <paramref name="use"/>.</summary>
    /// <exception cref="SamlException">The certificate is not trusted; the code says why.</exception>
    public void Validate(X509Certificate2 certificate, PartyRole role, KeyUse use)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        KeyStrength.Require(certificate);
        var expectedCa = _anchors.CaFor(role) ?? throw new SamlException(SamlErrorCode.TrustNotConfigured, $"Role {role}.");
        var now = _timeProvider.GetUtcNow();

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(_anchors.Root);
        policy.ExtraStore.AddRange(_anchors.Intermediates.ToArray());

        // Revocation is checked below against the configured CRLs only; nothing is downloaded (AIA, CDP).
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        chain.Build(certificate);
        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        try
        {

            // RFC 5280 6.1.3: signature, name chaining, basic constraints and path length. Dates are reported below
            // with their own codes, so only the time flag is left out here.
            var problems = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) & ~TimeFlags;
            if (problems != X509ChainStatusFlags.NoError
                || elements.Count != 3
                || FederationTrustAnchors.Thumbprint(elements[2]) != FederationTrustAnchors.Thumbprint(_anchors.Root))
            {
                throw new SamlException(SamlErrorCode.TrustChainUntrusted, problems == X509ChainStatusFlags.NoError ? null : $"({problems}).");
            }

            // Hub profile: the intermediate is the CA of the party's role, compared by certificate, not by name.
            if (FederationTrustAnchors.Thumbprint(elements[1]) != FederationTrustAnchors.Thumbprint(expectedCa))
            {
                throw new SamlException(SamlErrorCode.TrustWrongRole, $"Expected the CA for {role}.");
            }

            foreach (var element in elements)
            {
                RequireInDate(element, now);
            }

            KeyStrength.RequireUsage(certificate, use);
            RevocationChecker.Check(_anchors, elements, now);
        }
        finally
        {
            // The chain's copies are ours to dispose; the caller's certificate and the anchors are not.
            foreach (var copy in elements)
            {
                if (!ReferenceEquals(copy, certificate) && !ReferenceEquals(copy, _anchors.Root) && !_anchors.Intermediates.Any(c => ReferenceEquals(c, copy)))
                {
                    copy.Dispose();
                }
            }
        }
    }

    /// <summary>RFC 5280 4.1.2.5 and 6.1.3 (a)(2): the validity period includes the time of validation.</summary>
    private static void RequireInDate(X509Certificate2 certificate, DateTimeOffset now)
    {
        if (now < new DateTimeOffset(certificate.NotBefore.ToUniversalTime()))
        {
            throw new SamlException(SamlErrorCode.TrustCertificateNotYetValid);
        }

        if (now > new DateTimeOffset(certificate.NotAfter.ToUniversalTime()))
        {
            throw new SamlException(SamlErrorCode.TrustCertificateExpired);
        }
    }
}
