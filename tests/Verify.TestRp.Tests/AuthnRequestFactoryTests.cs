using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.TestRp.Protocol;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests;

/// <summary>The requested levels option, as it shows in the AuthnRequest (no server needed).</summary>
public sealed class AuthnRequestFactoryTests
{
    private const string AcsUrl = "https://rp.test/SAML2/ACS";

    [Test]
    public void NoRequestedLevels_SendsNoRequestedAuthnContext()
    {
        var options = TestRpServer.SampleOptions(new FakeTimeProvider(), o => new TestRpOptions
        {
            HubEntityId = o.HubEntityId,
            HubSsoUrl = o.HubSsoUrl,
            HubSigningCertificates = o.HubSigningCertificates,
            SigningCredential = o.SigningCredential,
            DecryptionKeys = o.DecryptionKeys,
            RequestedLevels = [],
        });

        var (request, _) = new AuthnRequestFactory(options, AcsUrl).Create();

        Assert.That(request.RequestedAuthnContext, Is.Null);
    }

    [Test]
    public void ExactLevels_AreSentAsExact()
    {
        var options = TestRpServer.SampleOptions(new FakeTimeProvider(), o => new TestRpOptions
        {
            HubEntityId = o.HubEntityId,
            HubSsoUrl = o.HubSsoUrl,
            HubSigningCertificates = o.HubSigningCertificates,
            SigningCredential = o.SigningCredential,
            DecryptionKeys = o.DecryptionKeys,
            RequestedLevels = [AuthnContexts.Level1, AuthnContexts.Level2],
            RequestedLevelComparison = AuthnContextComparison.Exact,
        });

        var (request, pending) = new AuthnRequestFactory(options, AcsUrl).Create();

        Assert.Multiple(() =>
        {
            Assert.That(request.RequestedAuthnContext?.Comparison, Is.EqualTo(AuthnContextComparison.Exact));
            Assert.That(request.RequestedAuthnContext?.AuthnContextClassRefs, Is.EqualTo(options.RequestedLevels));
            Assert.That(pending.RequestId, Is.EqualTo(request.Id));
            Assert.That(pending.IssuedAt, Is.EqualTo(request.IssueInstant));
        });
    }
}
