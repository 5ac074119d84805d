namespace Verify.Saml.Samlp;

/// <summary>Protocol binding URIs (SAML Bindings 3). Named so as not to clash with the <c>Verify.Saml.Bindings</c> namespace.</summary>
public static class SamlBindings
{
    public const string HttpPost = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public const string HttpRedirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public const string HttpArtifact = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact";
    public const string Soap = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP";
}
