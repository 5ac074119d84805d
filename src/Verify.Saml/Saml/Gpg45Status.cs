namespace Verify.Saml.Saml;

/// <summary>
/// The GPG 45 fraud indicators an IDP reports with a <c>levelX</c> response (attribute <c>FECI_GPG45Status</c>).
/// The numbers are fixed; the member names are the wire text.
/// </summary>
public enum Gpg45Status
{
    /// <summary><c>DF01</c>: the identity evidence was found to be fraudulent (document fraud).</summary>
    DF01 = 1,

    /// <summary><c>FI01</c>: the identity is a fabricated (fictitious) identity.</summary>
    FI01 = 2,

    /// <summary><c>IT01</c>: the identity is being used by someone else (identity theft).</summary>
    IT01 = 3,
}
