using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;

namespace Verify.Saml.Trust;

/// <summary>
/// Checks a validated chain against the CRLs the operator configured (RFC 5280 6.3), failing closed: a list that does
/// not verify with its CA's key, or is past its <c>nextUpdate</c>, refuses every certificate that CA issued rather
/// than being skipped. A CA with no configured list is not checked.
/// </summary>
internal static class RevocationChecker
{
    /// <param name="anchors">The configured anchors and lists.</param>
    /// <param name="chain">Leaf first, root last, as built and validated.</param>
    /// <param name="now">The time of validation.</param>
    /// <exception cref="SamlException">Revoked, or a list is invalid or stale.</exception>
    public static void Check(FederationTrustAnchors anchors, IReadOnlyList<X509Certificate2> chain, DateTimeOffset now)
    {
        // Each certificate but the root is checked against the list of the CA above it.
        for (var i = 0; i + 1 < chain.Count; i++)
        {
            var issuer = chain[i + 1];
            if (anchors.RevocationListFor(issuer) is not { } list)
            {
                continue;
            }

            RequireUsable(list, issuer, now);
            if (list.Revokes(chain[i]))
            {
                throw new SamlException(SamlErrorCode.TrustCertificateRevoked);
            }
        }
    }

    private static void RequireUsable(CertificateRevocationList list, X509Certificate2 issuer, DateTimeOffset now)
    {
        // RFC 5280 6.3.3 (f): the CRL's signature is verified with the issuing CA's public key.
        if (!list.IsSignedBy(issuer))
        {
            throw new SamlException(SamlErrorCode.TrustRevocationListInvalid, "Its signature does not verify with its CA's key.");
        }

        // RFC 5280 5.1.2.4: a list issued in the future is not one we can rely on.
        if (list.ThisUpdate > now)
        {
            throw new SamlException(SamlErrorCode.TrustRevocationListInvalid, "Its thisUpdate is in the future.");
        }

        // RFC 5280 5.1.2.5 and 6.3.3 (a)(2): nextUpdate is required of conforming CAs; past it, the list is stale.
        if (list.NextUpdate is not { } nextUpdate || nextUpdate <= now)
        {
            throw new SamlException(SamlErrorCode.TrustRevocationListStale);
        }
    }
}
