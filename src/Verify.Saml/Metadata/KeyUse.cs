namespace Verify.Saml.Metadata;

/// <summary>
/// The <c>use</c> of a <c>md:KeyDescriptor</c> (SAML Metadata 2.4.1.1). The numbers are explicit because the
/// values are compared and stored.
/// </summary>
public enum KeyUse
{
    /// <summary>No <c>use</c> attribute: SAML Metadata 2.4.1.1 says the key may then be used for either purpose.</summary>
    Unspecified = 0,

    /// <summary><c>use="signing"</c>: the party signs with this key.</summary>
    Signing = 1,

    /// <summary><c>use="encryption"</c>: others encrypt for the party with this key.</summary>
    Encryption = 2,
}
