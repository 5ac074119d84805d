using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.StubIdp;

/// <summary>
/// One button of the login page and the answer it sends: one table for every outcome a Verify IDP can give
/// (VERIFY-REFERENCE.md "IDP status → outcome"), each status written exactly as the hub's
/// <c>IdpStatusMapping</c> reads it. Browser tests click the buttons by <see cref="Text"/>; forms post
/// <see cref="FieldName"/>=<see cref="Value"/>.
/// </summary>
public sealed record StubOutcome
{
    /// <summary>The form field every outcome button posts.</summary>
    public const string FieldName = "outcome";

    /// <summary>The button's stable <c>value</c>.</summary>
    public required string Value { get; init; }

    /// <summary>The button's visible text.</summary>
    public required string Text { get; init; }

    /// <summary>Where the button sits on the page.</summary>
    public required StubOutcomeGroup Group { get; init; }

    /// <summary>The Response status.</summary>
    public required Status Status { get; init; }

    /// <summary>The AuthnContextClassRef of a Success (a level, or <c>levelX</c> for fraud); null for a failure.</summary>
    public string? AuthnContext { get; init; }

    /// <summary>The GPG 45 fraud indicator of a fraud outcome.</summary>
    public Gpg45Status? Gpg45Status { get; init; }

    /// <summary>Whether the answer carries the citizen's identity (and so needs one chosen).</summary>
    public bool NeedsIdentity => Status.IsSuccess;

    /// <summary>Success at LEVEL_2.</summary>
    public static StubOutcome SignInLevel2 { get; } = SignIn("success-level2", "Sign in at LEVEL_2", AuthnContexts.Level2);

    /// <summary>Success at LEVEL_1.</summary>
    public static StubOutcome SignInLevel1 { get; } = SignIn("success-level1", "Sign in at LEVEL_1", AuthnContexts.Level1);

    /// <summary>Responder / NoAuthnContext with detail <c>authn-cancel</c>.</summary>
    public static StubOutcome Cancel { get; } = NoAuthnContext("cancel", "Cancel", StatusDetailValues.AuthnCancel, "Authentication cancelled");

    /// <summary>Responder / AuthnFailed.</summary>
    public static StubOutcome AuthnFailed { get; } = Failure(
        "authn-failed", "Authentication failed", StatusCodes.Responder, StatusCodes.AuthnFailed, "Authentication failed");

    /// <summary>Requester / RequestDenied.</summary>
    public static StubOutcome RequesterError { get; } = Failure(
        "requester-error", "Requester error", StatusCodes.Requester, StatusCodes.RequestDenied, "Request denied");

    /// <summary>Responder / NoAuthnContext with detail <c>uplift-failed</c>.</summary>
    public static StubOutcome UpliftFailed { get; } = NoAuthnContext("uplift-failed", "Uplift failed", StatusDetailValues.UpliftFailed, "Uplift failed");

    /// <summary>Responder / NoAuthnContext with detail <c>loa-pending</c> (paused registration).</summary>
    public static StubOutcome RegistrationPending { get; } =
        NoAuthnContext("pending", "Registration pending", StatusDetailValues.LoaPending, "Registration pending");

    /// <summary>Fraud: <c>levelX</c> with indicator DF01.</summary>
    public static StubOutcome FraudDf01 { get; } = Fraud("fraud-df01", "Fraud DF01", Saml.Saml.Gpg45Status.DF01);

    /// <summary>Fraud: <c>levelX</c> with indicator FI01.</summary>
    public static StubOutcome FraudFi01 { get; } = Fraud("fraud-fi01", "Fraud FI01", Saml.Saml.Gpg45Status.FI01);

    /// <summary>Fraud: <c>levelX</c> with indicator IT01.</summary>
    public static StubOutcome FraudIt01 { get; } = Fraud("fraud-it01", "Fraud IT01", Saml.Saml.Gpg45Status.IT01);

    /// <summary>Every outcome, in the order the page shows them.</summary>
    public static IReadOnlyList<StubOutcome> All { get; } =
    [
        SignInLevel2, SignInLevel1, Cancel, AuthnFailed, RequesterError, UpliftFailed, RegistrationPending, FraudDf01, FraudFi01, FraudIt01,
    ];

    /// <summary>The outcome whose button posts <paramref name="value"/>, or null.</summary>
    public static StubOutcome? Find(string? value) => All.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.Ordinal));

    private static StubOutcome SignIn(string value, string text, string level) => new()
    {
        Value = value,
        Text = text,
        Group = StubOutcomeGroup.SignIn,
        Status = Status.Success,
        AuthnContext = level,
    };

    // Verify's IDPs said why they did not authenticate in StatusDetail, as an unqualified StatusValue, under
    // Responder / NoAuthnContext; IdpStatusMapping reads the first such value.
    private static StubOutcome NoAuthnContext(string value, string text, string detail, string message) => new()
    {
        Value = value,
        Text = text,
        Group = StubOutcomeGroup.Failure,
        Status = Status.Of(StatusCodes.Responder, StatusCodes.NoAuthnContext) with { StatusMessage = message, DetailValues = [detail] },
    };

    private static StubOutcome Failure(string value, string text, string topLevel, string secondLevel, string message) => new()
    {
        Value = value,
        Text = text,
        Group = StubOutcomeGroup.Failure,
        Status = Status.Of(topLevel, secondLevel) with { StatusMessage = message },
    };

    // VERIFY-REFERENCE.md: fraud is a Success at levelX with FECI_IDPFraudEventID and FECI_GPG45Status.
    private static StubOutcome Fraud(string value, string text, Gpg45Status indicator) => new()
    {
        Value = value,
        Text = text,
        Group = StubOutcomeGroup.Fraud,
        Status = Status.Success,
        AuthnContext = AuthnContexts.LevelX,
        Gpg45Status = indicator,
    };
}
