using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Validation;

namespace Verify.Saml.Tests.Validation;

/// <summary>The table of VERIFY-REFERENCE.md, "IDP status → outcome", as a table.</summary>
public sealed class IdpStatusMappingTests
{
    private static readonly object?[][] Table =
    [
        [StatusCodes.Success, null, null, IdpOutcome.Success],
        [StatusCodes.Responder, StatusCodes.NoAuthnContext, "authn-cancel", IdpOutcome.Cancelled],
        [StatusCodes.Responder, StatusCodes.NoAuthnContext, "loa-pending", IdpOutcome.Pending],
        [StatusCodes.Responder, StatusCodes.NoAuthnContext, "uplift-failed", IdpOutcome.UpliftFailed],
        [StatusCodes.Responder, StatusCodes.NoAuthnContext, null, IdpOutcome.NoAuthnContext],
        [StatusCodes.Responder, StatusCodes.AuthnFailed, null, IdpOutcome.AuthnFailed],
        [StatusCodes.Requester, null, null, IdpOutcome.RequesterError],
        [StatusCodes.Requester, StatusCodes.RequestDenied, null, IdpOutcome.RequesterError],
    ];

    [TestCaseSource(nameof(Table))]
    public void ToOutcome_FollowsVerifysTable(string top, string? second, string? detail, IdpOutcome expected)
    {
        var status = Status.Of(top, second) with { DetailValues = detail is null ? [] : [detail] };

        Assert.That(IdpStatusMapping.ToOutcome(status), Is.EqualTo(expected));
    }

    [Test]
    public void ToOutcome_RefusesAnUnknownTopLevelStatus()
    {
        var ex = Assert.Throws<SamlException>(() => IdpStatusMapping.ToOutcome(Status.Of(StatusCodes.VersionMismatch)));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.ProtocolStatusUnrecognised));
    }
}
