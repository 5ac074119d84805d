using System.Security.Cryptography.X509Certificates;

namespace Verify.Pki;

/// <summary>
/// Recognises certificates of the sample federation PKI, so that production mode can refuse them.
/// Every sample certificate carries <see cref="Organization"/> as the O of its subject and of its issuer;
/// nothing else may use that name.
/// </summary>
public static class SampleCertificates
{
    /// <summary>The organisation name (X.520 O, OID 2.5.4.10) that marks a sample certificate.</summary>
    public const string Organization = "Verify sample federation (development only)";

    private const string OrganizationOid = "2.5.4.10";

    /// <summary>
    /// True when the certificate is sample material: its subject or its issuer names the sample
    /// organisation. The issuer counts too, so that a certificate with an innocent subject issued by a
    /// sample CA is still refused.
    /// </summary>
    public static bool IsSample(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return NamesSampleOrganization(certificate.SubjectName) || NamesSampleOrganization(certificate.IssuerName);
    }

    /// <summary>True when the name has an O attribute equal to <see cref="Organization"/>.</summary>
    public static bool NamesSampleOrganization(X500DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements)
            {
                continue;
            }

            if (rdn.GetSingleElementType().Value == OrganizationOid
                && string.Equals(rdn.GetSingleElementValue(), Organization, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
