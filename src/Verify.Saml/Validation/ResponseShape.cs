namespace Verify.Saml.Validation;

/// <summary>Which assertions a successful Response must carry.</summary>
public enum ResponseShape
{
    /// <summary>
    /// GOV.UK Verify's IDP shape: exactly one assertion with the AuthnStatement and exactly one
    /// matching-dataset assertion, same issuer and same NameID.
    /// </summary>
    VerifyIdp = 1,

    /// <summary>One assertion with one AuthnStatement (what the hub sends a hub-asserted RP).</summary>
    SingleAssertion = 2,
}
