namespace Verify.Saml.Saml;

/// <summary>
/// The genders Verify's matching dataset can carry. The numbers are fixed so that a stored or logged value
/// never changes meaning; the wire text is given on each member.
/// </summary>
public enum Gender
{
    /// <summary><c>Male</c>.</summary>
    Male = 1,

    /// <summary><c>Female</c>.</summary>
    Female = 2,

    /// <summary><c>Not Specified</c>.</summary>
    NotSpecified = 3,
}
