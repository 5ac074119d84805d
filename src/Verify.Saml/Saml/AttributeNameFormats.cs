namespace Verify.Saml.Saml;

/// <summary>Attribute <c>NameFormat</c> URIs (SAML Core 8.2).</summary>
public static class AttributeNameFormats
{
    public const string Unspecified = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified";
    public const string Basic = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
    public const string Uri = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
}
