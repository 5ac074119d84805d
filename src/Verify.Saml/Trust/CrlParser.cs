using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;

using Verify.Saml.Errors;

namespace Verify.Saml.Trust;

/// <summary>
/// Parses the DER of an X.509 v2 CRL (RFC 5280 5.1): <c>CertificateList ::= SEQUENCE { tbsCertList,
/// signatureAlgorithm, signatureValue }</c>. Anything malformed, or a critical extension we do not understand
/// (RFC 5280 5.2, 5.3: such a CRL MUST NOT be used), is <see cref="SamlErrorCode.TrustRevocationListInvalid"/>.
/// </summary>
internal static class CrlParser
{
    public const string KeyUsageOid = "2.5.29.15";

    // Non-critical extensions we accept and ignore: CRL number, authority key identifier, reason code, invalidity date.
    private static readonly HashSet<string> KnownExtensions = ["2.5.29.20", "2.5.29.35", "2.5.29.21", "2.5.29.24"];

    /// <summary>Signature OID → hash and whether it is RSA (else ECDSA); SHA-1 is refused with the rest.</summary>
    public static (HashAlgorithmName? Hash, bool IsRsa) SignatureHash(string oid) => oid switch
    {
        "1.2.840.113549.1.1.11" => (HashAlgorithmName.SHA256, true),
        "1.2.840.113549.1.1.12" => (HashAlgorithmName.SHA384, true),
        "1.2.840.113549.1.1.13" => (HashAlgorithmName.SHA512, true),
        "1.2.840.10045.4.3.2" => (HashAlgorithmName.SHA256, false),
        "1.2.840.10045.4.3.3" => (HashAlgorithmName.SHA384, false),
        "1.2.840.10045.4.3.4" => (HashAlgorithmName.SHA512, false),
        _ => (null, false),
    };

    public static Parts Parse(byte[] der)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var certificateList = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var tbsCertList = certificateList.ReadEncodedValue().ToArray();
            var algorithm = certificateList.ReadEncodedValue().ToArray();
            var signature = certificateList.ReadBitString(out var unusedBits);
            certificateList.ThrowIfNotEmpty();
            if (unusedBits != 0)
            {
                throw new AsnContentException("The signature is not a whole number of octets.");
            }

            var parts = ParseTbs(tbsCertList, algorithm);
            return parts with { TbsCertList = tbsCertList, Signature = signature };
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException or ArgumentException)
        {
            throw new SamlException(SamlErrorCode.TrustRevocationListInvalid, inner: ex);
        }
    }

    private static Parts ParseTbs(byte[] tbsCertList, byte[] outerAlgorithm)
    {
        var tbs = new AsnReader(tbsCertList, AsnEncodingRules.DER).ReadSequence();

        // RFC 5280 5.1.2.1: a CRL with extensions is v2 (INTEGER 1); v1 lists carry no version.
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer) && tbs.ReadInteger() != BigInteger.One)
        {
            throw new AsnContentException("Unsupported CRL version.");
        }

        // RFC 5280 5.1.1.2: the inner signature algorithm MUST equal the outer one.
        var innerAlgorithm = tbs.ReadEncodedValue();
        if (!innerAlgorithm.Span.SequenceEqual(outerAlgorithm))
        {
            throw new AsnContentException("The signature algorithms differ.");
        }

        var oid = new AsnReader(outerAlgorithm, AsnEncodingRules.DER).ReadSequence().ReadObjectIdentifier();
        var issuer = tbs.ReadEncodedValue().ToArray();
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;
        var revoked = new HashSet<BigInteger>();
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                revoked.Add(entry.ReadInteger());
                _ = ReadTime(entry);
                if (entry.HasData)
                {
                    CheckExtensions(entry.ReadSequence());
                }

                entry.ThrowIfNotEmpty();
            }
        }

        if (tbs.HasData)
        {
            var wrapper = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
            CheckExtensions(wrapper.ReadSequence());
            wrapper.ThrowIfNotEmpty();
        }

        tbs.ThrowIfNotEmpty();
        return new Parts(issuer, thisUpdate, nextUpdate, oid, revoked, [], []);
    }

    /// <summary>RFC 5280 5.2 and 5.3: a critical extension we do not process makes the CRL unusable.</summary>
    private static void CheckExtensions(AsnReader extensions)
    {
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            var critical = extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && extension.ReadBoolean();
            _ = extension.ReadOctetString();
            extension.ThrowIfNotEmpty();
            if (critical && !KnownExtensions.Contains(oid))
            {
                throw new AsnContentException("A critical CRL extension is not supported (e.g. delta CRL, issuing distribution point).");
            }
        }
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    /// <summary>The fields of a CRL we use.</summary>
    internal sealed record Parts(
        byte[] Issuer,
        DateTimeOffset ThisUpdate,
        DateTimeOffset? NextUpdate,
        string SignatureAlgorithm,
        HashSet<BigInteger> RevokedSerials,
        byte[] TbsCertList,
        byte[] Signature);
}
