namespace Verify.Pki;

/// <summary>
/// One line of the sample PKI plan: which certificate to make, under which issuer, with what key and
/// validity. <see cref="CloneOf"/> names a credential whose subject and serial number this one copies
/// (with a key of its own), for impostor tests.
/// </summary>
/// <param name="Name">The file stem, e.g. <c>hub-signing</c>; also the key others refer to it by.</param>
/// <param name="CommonName">The subject CN.</param>
/// <param name="Role">What the credential is for, in a few words, for the README.</param>
/// <param name="Kind">Decides the extensions.</param>
/// <param name="KeyAlgorithm">The key pair to generate.</param>
/// <param name="IssuerName">The issuing credential's name; null for the self-signed root.</param>
/// <param name="Validity">The validity window relative to generation.</param>
/// <param name="CloneOf">The credential whose subject and serial this one reuses, or null.</param>
internal sealed record SampleCredentialSpec(
    string Name,
    string CommonName,
    string Role,
    SampleCertificateKind Kind,
    SampleKeyAlgorithm KeyAlgorithm,
    string? IssuerName,
    SampleValidity Validity,
    string? CloneOf = null)
{
    /// <summary>True for the root and the intermediates.</summary>
    public bool IsCa => Kind is SampleCertificateKind.RootCa or SampleCertificateKind.IntermediateCa;
}
