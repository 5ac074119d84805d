namespace Verify.Saml.Metadata;

/// <summary>The <c>contactType</c> of a <c>md:ContactPerson</c> (SAML Metadata 2.3.2.2).</summary>
public enum ContactType
{
    /// <summary><c>technical</c></summary>
    Technical = 1,

    /// <summary><c>support</c></summary>
    Support = 2,

    /// <summary><c>administrative</c></summary>
    Administrative = 3,

    /// <summary><c>billing</c></summary>
    Billing = 4,

    /// <summary><c>other</c></summary>
    Other = 5,
}
