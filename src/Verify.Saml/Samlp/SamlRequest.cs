namespace Verify.Saml.Samlp;

/// <summary>A SAML request (SAML Core 3.2.1 <c>RequestAbstractType</c>).</summary>
public abstract record SamlRequest : SamlMessage
{
    private protected SamlRequest()
    {
    }
}
