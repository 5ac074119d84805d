using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

using Verify.Saml.Errors;

namespace Verify.Saml.Trust;

/// <summary>
/// An X.509 v2 certificate revocation list (RFC 5280 5), parsed once. It names the CA that issued it; whether that
/// CA really signed it, and whether it is still current, is checked each time it is used (RFC 5280 6.3.3), so that
/// a forged or stale list fails closed instead of silently revoking nothing.
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly HashSet<BigInteger> _revokedSerials;
    private readonly byte[] _tbsCertList;
    private readonly byte[] _signature;

    private CertificateRevocationList(CrlParser.Parts parts)
    {
        Issuer = new X500DistinguishedName(parts.Issuer);
        ThisUpdate = parts.ThisUpdate;
        NextUpdate = parts.NextUpdate;
        SignatureAlgorithm = parts.SignatureAlgorithm;
        _revokedSerials = parts.RevokedSerials;
        _tbsCertList = parts.TbsCertList;
        _signature = parts.Signature;
    }

    /// <summary>The CA that issued the list (RFC 5280 5.1.2.3).</summary>
    public X500DistinguishedName Issuer { get; }

    /// <summary>When the list was issued (RFC 5280 5.1.2.4).</summary>
    public DateTimeOffset ThisUpdate { get; }

    /// <summary>When the next list will be issued; after it, this one is stale (RFC 5280 5.1.2.5).</summary>
    public DateTimeOffset? NextUpdate { get; }

    /// <summary>The signature algorithm OID.</summary>
    public string SignatureAlgorithm { get; }

    /// <summary>How many certificates the list revokes.</summary>
    public int Count => _revokedSerials.Count;

    /// <summary>Reads a CRL in DER, or in PEM (<c>-----BEGIN X509 CRL-----</c>).</summary>
    /// <exception cref="SamlException"><see cref="SamlErrorCode.TrustRevocationListInvalid"/>: not a CRL we can use.</exception>
    public static CertificateRevocationList Load(ReadOnlySpan<byte> derOrPem)
    {
        var der = derOrPem.ToArray();
        if (der.Length > 0 && der[0] == (byte)'-')
        {
            var pem = Encoding.ASCII.GetString(der);
            der = PemEncoding.TryFind(pem, out var fields) && pem[fields.Label].Equals("X509 CRL", StringComparison.Ordinal)
                ? Convert.FromBase64String(pem[fields.Base64Data])
                : throw new SamlException(SamlErrorCode.TrustRevocationListInvalid, "Expected a PEM 'X509 CRL'.");
        }

        return new CertificateRevocationList(CrlParser.Parse(der));
    }

    /// <summary>Whether the list revokes the certificate with this serial number (RFC 5280 5.1.2.6).</summary>
    /// <remarks>Only meaningful when <paramref name="certificate"/> was issued by <see cref="Issuer"/>.</remarks>
    public bool Revokes(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return _revokedSerials.Contains(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true));
    }

    /// <summary>
    /// RFC 5280 6.3.3 (f): the list's signature verifies with the public key of <paramref name="issuer"/>, and that
    /// CA may sign CRLs (cRLSign, RFC 5280 4.2.1.3). SHA-1 and unknown algorithms never verify.
    /// </summary>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (issuer.Extensions[CrlParser.KeyUsageOid] is X509KeyUsageExtension usage
            && !usage.KeyUsages.HasFlag(X509KeyUsageFlags.CrlSign))
        {
            return false;
        }

        var (hash, isRsa) = CrlParser.SignatureHash(SignatureAlgorithm);
        if (hash is not { } name)
        {
            return false;
        }

        try
        {
            if (isRsa)
            {
                using var rsa = issuer.GetRSAPublicKey();
                return rsa is not null && rsa.VerifyData(_tbsCertList, _signature, name, RSASignaturePadding.Pkcs1);
            }

            using var ecdsa = issuer.GetECDsaPublicKey();
            return ecdsa is not null && ecdsa.VerifyData(_tbsCertList, _signature, name, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
