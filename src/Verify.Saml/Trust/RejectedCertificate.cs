using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;

namespace Verify.Saml.Trust;

/// <summary>A registered certificate that <see cref="TrustPolicy"/> did not trust, and why.</summary>
/// <param name="Certificate">The certificate.</param>
/// <param name="Reason">The refusal, with its catalogue code (e.g. <see cref="SamlErrorCode.TrustWrongRole"/>).</param>
public sealed record RejectedCertificate(X509Certificate2 Certificate, SamlException Reason)
{
    /// <summary>Shortcut for <c>Reason.Code</c>.</summary>
    public SamlErrorCode Code => Reason.Code;
}
