namespace Verify.Hub.Oidc.Client;

/// <summary>
/// The claims the hub reads from an OpenID Connect IDP's ID token (ADR 0022 "Claims"): OIDC Core 5.1 standard claims
/// and Verify's extension claims, which carry what Verify's SAML IDPs sent as attributes.
/// </summary>
public static class IdpClaimNames
{
    /// <summary>Verify's whole matching dataset (history, From/To, Verified) as one JSON object.</summary>
    public const string MatchingDataset = Verify.Saml.Saml.MatchingDatasetClaims.MatchingDatasetClaim;

    /// <summary>The GPG 45 fraud indicator of a <c>levelX</c> answer (<c>FECI_GPG45Status</c>).</summary>
    public const string Gpg45Status = "verify_gpg45_status";

    /// <summary>The IDP's fraud event identifier (<c>FECI_IDPFraudEventID</c>).</summary>
    public const string FraudEventId = "verify_fraud_event_id";

    /// <summary>The extension parameter of an authorization error carrying Verify's status detail.</summary>
    public const string DetailParameter = "verify_detail";
}
