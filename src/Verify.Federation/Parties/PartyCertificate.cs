using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Metadata;

namespace Verify.Federation.Parties;

/// <summary>
/// A certificate in a party's registered metadata and what it is for. Kept as DER (<see cref="Der"/>) and shown as
/// PEM (<see cref="ToPem"/>). Registration says nothing about trust: <c>Verify.Saml.Trust.TrustPolicy</c> decides it
/// from the party's <see cref="Verify.Saml.Trust.PartyTrust"/>.
/// </summary>
public sealed class PartyCertificate
{
    /// <summary>Wraps a certificate read from the party's metadata.</summary>
    /// <param name="certificate">The certificate (public part).</param>
    /// <param name="use">Signing, encryption, or unspecified, which SAML Metadata 2.4.1.1 says means both.</param>
    public PartyCertificate(X509Certificate2 certificate, KeyUse use)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Certificate = certificate;
        Use = use;
        Sha256Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>The certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>What the key is for, as the metadata's <c>md:KeyDescriptor use</c> says.</summary>
    public KeyUse Use { get; }

    /// <summary>SHA-256 of the DER certificate, upper-case hex: how operators name a certificate.</summary>
    public string Sha256Thumbprint { get; }

    /// <summary>The subject's distinguished name.</summary>
    public string Subject => Certificate.Subject;

    /// <summary>Not valid after (only enforced under PKIX trust).</summary>
    public DateTimeOffset NotAfter => new(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>The certificate as DER.</summary>
    public ReadOnlyMemory<byte> Der => Certificate.RawDataMemory;

    /// <summary>Whether the key may be used for <paramref name="use"/> (SAML Metadata 2.4.1.1: no use means either).</summary>
    public bool AppliesTo(KeyUse use) => Use == KeyUse.Unspecified || Use == use;

    /// <summary>The certificate as PEM (<c>-----BEGIN CERTIFICATE-----</c>).</summary>
    public string ToPem() => Certificate.ExportCertificatePem();

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{UseName(Use)} {Subject} (SHA-256 {Sha256Thumbprint}, not after {NotAfter:yyyy-MM-dd})");

    /// <summary>The lower-case name of a use as metadata writes it, <c>signing and encryption</c> for none.</summary>
    public static string UseName(KeyUse use) => use switch
    {
        KeyUse.Signing => "signing",
        KeyUse.Encryption => "encryption",
        _ => "signing and encryption",
    };
}
