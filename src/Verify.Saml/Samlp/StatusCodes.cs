namespace Verify.Saml.Samlp;

/// <summary>Status code URIs: SAML's (Core 3.2.2.2) and the hub-defined ones Verify sent to relying parties.</summary>
public static class StatusCodes
{
    private const string Saml = "urn:oasis:names:tc:SAML:2.0:status:";
    private const string Verify = "urn:uk:gov:cabinet-office:tc:saml:statuscode:";

    // Top-level codes: the only values allowed in the outermost StatusCode.
    public const string Success = Saml + "Success";
    public const string Requester = Saml + "Requester";
    public const string Responder = Saml + "Responder";
    public const string VersionMismatch = Saml + "VersionMismatch";

    // Second-level codes.
    public const string AuthnFailed = Saml + "AuthnFailed";
    public const string InvalidAttrNameOrValue = Saml + "InvalidAttrNameOrValue";
    public const string InvalidNameIdPolicy = Saml + "InvalidNameIDPolicy";
    public const string NoAuthnContext = Saml + "NoAuthnContext";
    public const string NoAvailableIdp = Saml + "NoAvailableIDP";
    public const string NoPassive = Saml + "NoPassive";
    public const string NoSupportedIdp = Saml + "NoSupportedIDP";
    public const string PartialLogout = Saml + "PartialLogout";
    public const string ProxyCountExceeded = Saml + "ProxyCountExceeded";
    public const string RequestDenied = Saml + "RequestDenied";
    public const string RequestUnsupported = Saml + "RequestUnsupported";
    public const string RequestVersionDeprecated = Saml + "RequestVersionDeprecated";
    public const string RequestVersionTooHigh = Saml + "RequestVersionTooHigh";
    public const string RequestVersionTooLow = Saml + "RequestVersionTooLow";
    public const string ResourceNotRecognized = Saml + "ResourceNotRecognized";
    public const string TooManyResponses = Saml + "TooManyResponses";
    public const string UnknownAttrProfile = Saml + "UnknownAttrProfile";
    public const string UnknownPrincipal = Saml + "UnknownPrincipal";
    public const string UnsupportedBinding = Saml + "UnsupportedBinding";

    // Verify's hub-defined second-level codes (matching outcomes and health).
    public const string Match = Verify + "match";
    public const string NoMatch = Verify + "no-match";
    public const string MultipleMatch = Verify + "multiple-match";
    public const string Healthy = Verify + "healthy";
    public const string Created = Verify + "created";
    public const string CreateFailure = Verify + "create-failure";

    /// <summary>Whether a code may appear at the top level (Core 3.2.2.2).</summary>
    public static bool IsTopLevel(string code) =>
        code is Success or Requester or Responder or VersionMismatch;
}
