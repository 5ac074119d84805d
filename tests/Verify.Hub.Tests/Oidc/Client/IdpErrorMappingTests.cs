using Verify.Hub.Oidc.Client;
using Verify.Saml.Validation;

namespace Verify.Hub.Tests.Oidc.Client;

/// <summary>An OIDC IDP's error answers step the journey exactly as the SAML answers they stand for (ADR 0022 "Errors").</summary>
public sealed class IdpErrorMappingTests
{
    [TestCase("access_denied", "authn-cancel", IdpOutcome.Cancelled)]
    [TestCase("access_denied", null, IdpOutcome.Cancelled)]
    [TestCase("access_denied", "authn-failed", IdpOutcome.AuthnFailed)]
    [TestCase("unmet_authentication_requirements", "uplift-failed", IdpOutcome.UpliftFailed)]
    [TestCase("unmet_authentication_requirements", "loa-pending", IdpOutcome.Pending)]
    [TestCase("unmet_authentication_requirements", null, IdpOutcome.NoAuthnContext)]
    [TestCase("invalid_request", null, IdpOutcome.RequesterError)]
    [TestCase("unauthorized_client", null, IdpOutcome.RequesterError)]
    [TestCase("server_error", null, IdpOutcome.AuthnFailed)]
    [TestCase("temporarily_unavailable", null, IdpOutcome.AuthnFailed)]
    [TestCase(null, null, IdpOutcome.AuthnFailed)]
    public void Error_MapsToTheSamlOutcome(string? error, string? detail, IdpOutcome outcome)
    {
        Assert.That(IdpErrorMapping.OutcomeOf(error, detail), Is.EqualTo(outcome));
    }
}
