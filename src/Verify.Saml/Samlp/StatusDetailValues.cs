namespace Verify.Saml.Samlp;

/// <summary>The <c>StatusValue</c> texts Verify's IDPs put in <c>samlp:StatusDetail</c> with <c>NoAuthnContext</c>.</summary>
public static class StatusDetailValues
{
    /// <summary>The citizen cancelled at the IDP.</summary>
    public const string AuthnCancel = "authn-cancel";

    /// <summary>The IDP has not finished verifying the citizen (paused registration).</summary>
    public const string LoaPending = "loa-pending";

    /// <summary>The IDP could not raise the citizen to the requested level.</summary>
    public const string UpliftFailed = "uplift-failed";
}
