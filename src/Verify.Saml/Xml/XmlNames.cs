namespace Verify.Saml.Xml;

/// <summary>Namespace URIs and algorithm identifiers used across the SAML layer.</summary>
public static class XmlNames
{
    public const string Saml = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Samlp = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";
    public const string DSig = "http://www.w3.org/2000/09/xmldsig#";
    public const string XmlEnc = "http://www.w3.org/2001/04/xmlenc#";
    public const string XmlEnc11 = "http://www.w3.org/2009/xmlenc11#";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Xs = "http://www.w3.org/2001/XMLSchema";
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";

    /// <summary>GOV.UK Verify's attribute value types (the matching dataset).</summary>
    public const string IdaAttributes = "http://www.cabinetoffice.gov.uk/resource-library/ida/attributes";

    public const string ExcC14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public const string ExcC14NWithComments = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
    public const string EnvelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    public const string RsaSha1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public const string RsaSha384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public const string RsaSha512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public const string EcdsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public const string HmacSha1 = "http://www.w3.org/2000/09/xmldsig#hmac-sha1";

    public const string Sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public const string Sha384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public const string Sha512 = "http://www.w3.org/2001/04/xmlenc#sha512";
}
