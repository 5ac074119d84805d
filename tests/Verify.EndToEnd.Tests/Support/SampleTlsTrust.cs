using System.Security.Cryptography;

using Verify.Testing;

namespace Verify.EndToEnd.Tests.Support;

/// <summary>
/// How the browser trusts the federation's development TLS certificate (<c>certs-sample/tls.crt</c>, issued by the
/// sample <c>tls-ca</c>, which no browser trusts): by pinning that one certificate's public key with Chromium's
/// <c>--ignore-certificate-errors-spki-list</c>. Any other certificate, or this one on a host it does not name, is
/// still refused, unlike Playwright's <c>IgnoreHTTPSErrors</c>, which would accept anything.
/// </summary>
internal static class SampleTlsTrust
{
    /// <summary>
    /// Base64 of the SHA-256 of the certificate's DER SubjectPublicKeyInfo: the form the Chromium switch takes (the
    /// same value as HPKP's <c>pin-sha256</c>).
    /// </summary>
    public static string SpkiSha256Base64 { get; } =
        Convert.ToBase64String(SHA256.HashData(SampleCerts.Certificate("tls").PublicKey.ExportSubjectPublicKeyInfo()));
}
