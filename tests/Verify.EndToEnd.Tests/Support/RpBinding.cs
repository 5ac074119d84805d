namespace Verify.EndToEnd.Tests.Support;

/// <summary>How the test RP sends its AuthnRequest to the hub (its start page offers both).</summary>
public enum RpBinding
{
    /// <summary>SAML HTTP-POST (XML signature), the default.</summary>
    Post,

    /// <summary>SAML HTTP-Redirect (query signature).</summary>
    Redirect,
}
