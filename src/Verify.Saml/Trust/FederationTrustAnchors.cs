using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;

namespace Verify.Saml.Trust;

/// <summary>
/// The federation's PKI as configured by the operator: the root (the one trust anchor), one intermediate CA per
/// role, and optionally a CRL per CA. Under <see cref="TrustKind.Pkix"/> a party's certificate must chain to
/// <see cref="Root"/> through exactly the CA of its role; intermediates a party sends are never used.
/// </summary>
public sealed class FederationTrustAnchors
{
    private readonly Dictionary<PartyRole, X509Certificate2> _caByRole = [];

    /// <summary>Configures the anchors. A CA left null makes PKIX trust for its roles fail closed.</summary>
    /// <param name="root">The federation root CA, self-signed.</param>
    /// <param name="hubCa">CA for the hub's certificates.</param>
    /// <param name="identityProviderCa">CA for IDPs' certificates.</param>
    /// <param name="relyingPartyCa">CA for RPs' and matching services' certificates.</param>
    /// <param name="metadataCa">CA for the federation metadata signer's certificate.</param>
    /// <param name="revocationLists">CRLs; each must be issued by the root or one of the CAs above, at most one per CA.</param>
    /// <exception cref="ArgumentException">A certificate is not a CA, a CA is not issued by the root, or two roles share one CA.</exception>
    /// <exception cref="SamlException">A CRL names no CA of the federation, or two name the same one.</exception>
    public FederationTrustAnchors(
        X509Certificate2 root,
        X509Certificate2? hubCa = null,
        X509Certificate2? identityProviderCa = null,
        X509Certificate2? relyingPartyCa = null,
        X509Certificate2? metadataCa = null,
        IEnumerable<CertificateRevocationList>? revocationLists = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = RequireCa(root, nameof(root));
        Add(PartyRole.Hub, hubCa, nameof(hubCa));
        Add(PartyRole.IdentityProvider, identityProviderCa, nameof(identityProviderCa));
        Add(PartyRole.RelyingParty, relyingPartyCa, nameof(relyingPartyCa));
        Add(PartyRole.MetadataSigning, metadataCa, nameof(metadataCa));
        if (relyingPartyCa is not null)
        {
            // GOV.UK Verify issued matching services' certificates from the RP CA.
            _caByRole[PartyRole.MatchingService] = relyingPartyCa;
        }

        Intermediates = [.. _caByRole.Values.Distinct()];
        var lists = new Dictionary<string, CertificateRevocationList>(StringComparer.Ordinal);
        foreach (var list in revocationLists ?? [])
        {
            // RFC 5280 6.3.3 (b): a CRL is matched to the CA whose name it carries as issuer.
            var ca = Intermediates.Prepend(Root).FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(list.Issuer.RawData))
                ?? throw new SamlException(SamlErrorCode.TrustRevocationListInvalid, "It is not issued by a CA of the federation.");
            if (!lists.TryAdd(Thumbprint(ca), list))
            {
                throw new SamlException(SamlErrorCode.TrustRevocationListInvalid, "Two lists are configured for one CA.");
            }
        }

        RevocationLists = lists;
    }

    /// <summary>The federation root CA, the only trust anchor.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The configured intermediate CAs, each once.</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    /// <summary>The configured CRLs, by the SHA-256 thumbprint of the CA that issued them.</summary>
    internal IReadOnlyDictionary<string, CertificateRevocationList> RevocationLists { get; }

    /// <summary>The CA that must have issued certificates of parties in <paramref name="role"/>, or null if none is configured.</summary>
    public X509Certificate2? CaFor(PartyRole role) => _caByRole.GetValueOrDefault(role);

    /// <summary>The CRL configured for <paramref name="ca"/>, or null.</summary>
    internal CertificateRevocationList? RevocationListFor(X509Certificate2 ca) => RevocationLists.GetValueOrDefault(Thumbprint(ca));

    /// <summary>Certificates are compared by their SHA-256 thumbprint, never by name.</summary>
    internal static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    private void Add(PartyRole role, X509Certificate2? ca, string paramName)
    {
        if (ca is null)
        {
            return;
        }

        RequireCa(ca, paramName);
        if (!IssuedByRoot(ca))
        {
            throw new ArgumentException("The CA is not issued by the federation root.", paramName);
        }

        // One CA per role: a CA shared by two roles would let a certificate for one act in the other.
        if (_caByRole.Values.Any(c => c.PublicKey.EncodedKeyValue.RawData.AsSpan().SequenceEqual(ca.PublicKey.EncodedKeyValue.RawData)))
        {
            throw new ArgumentException("Two roles share one CA key.", paramName);
        }

        _caByRole[role] = ca;
    }

    /// <summary>RFC 5280 6.1.3 (a)(1): the root's key verifies the CA's signature (dates are checked at use, not here).</summary>
    private bool IssuedByRoot(X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTimeIgnored = true;
        chain.Build(ca);
        var problems = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) & ~X509ChainStatusFlags.NotTimeValid;
        return problems == X509ChainStatusFlags.NoError
            && chain.ChainElements.Count == 2
            && Thumbprint(chain.ChainElements[1].Certificate) == Thumbprint(Root);
    }

    private static X509Certificate2 RequireCa(X509Certificate2 certificate, string paramName) =>
        certificate.Extensions["2.5.29.19"] is X509BasicConstraintsExtension { CertificateAuthority: true }
            ? certificate
            : throw new ArgumentException("The certificate is not a CA certificate (RFC 5280 4.2.1.9).", paramName);
}
