namespace Verify.Saml.Bindings;

/// <summary>The SOAP 1.1 fault codes (SOAP 1.1 4.4.1) a SAML responder sends.</summary>
public enum SoapFaultCode
{
    /// <summary><c>soap11:Client</c>: the request was wrong and will fail again as sent.</summary>
    Client = 1,

    /// <summary><c>soap11:Server</c>: we could not process a request that may succeed later.</summary>
    Server = 2,
}
