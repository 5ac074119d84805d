namespace Verify.Saml.Saml;

/// <summary>Subject confirmation method URIs (SAML Profiles 3).</summary>
public static class SubjectConfirmationMethods
{
    /// <summary>Whoever presents the assertion is the subject (Web Browser SSO); the only method Verify uses.</summary>
    public const string Bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    public const string HolderOfKey = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";
    public const string SenderVouches = "urn:oasis:names:tc:SAML:2.0:cm:sender-vouches";
}
