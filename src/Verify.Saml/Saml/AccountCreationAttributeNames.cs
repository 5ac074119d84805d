using System.Collections.Frozen;

namespace Verify.Saml.Saml;

/// <summary>
/// The attributes a relying party may ask its matching service to return when it creates an account
/// (VERIFY-REFERENCE.md "Account-creation attributes"). The hub names them in the AttributeQuery, without values;
/// the matching service answers with the values of the verified identity it created the account from.
/// </summary>
public static class AccountCreationAttributeNames
{
    /// <summary>The first name (<c>ida:PersonNameType</c>).</summary>
    public const string FirstName = "firstname";

    /// <summary>Whether the IDP verified the first name (<c>true</c>/<c>false</c>).</summary>
    public const string FirstNameVerified = "firstname_verified";

    /// <summary>The middle names (<c>ida:PersonNameType</c>).</summary>
    public const string MiddleName = "middlename";

    /// <summary>Whether the IDP verified the middle names.</summary>
    public const string MiddleNameVerified = "middlename_verified";

    /// <summary>The current surname (<c>ida:PersonNameType</c>).</summary>
    public const string Surname = "surname";

    /// <summary>Whether the IDP verified the surname.</summary>
    public const string SurnameVerified = "surname_verified";

    /// <summary>The date of birth (<c>ida:DateType</c>).</summary>
    public const string DateOfBirth = "dateofbirth";

    /// <summary>Whether the IDP verified the date of birth.</summary>
    public const string DateOfBirthVerified = "dateofbirth_verified";

    /// <summary>The current address (<c>ida:AddressType</c>).</summary>
    public const string CurrentAddress = "currentaddress";

    /// <summary>Whether the IDP verified the current address.</summary>
    public const string CurrentAddressVerified = "currentaddress_verified";

    /// <summary>Every address, current and previous (<c>ida:AddressType</c>, several values).</summary>
    public const string AddressHistory = "addresshistory";

    /// <summary>The cycle 3 identifier the citizen typed, when there was one.</summary>
    public const string Cycle3 = "cycle_3";

    /// <summary>Every name, as Verify's hub and matching service adapter knew them.</summary>
    public static FrozenSet<string> All { get; } = new[]
    {
        FirstName, FirstNameVerified, MiddleName, MiddleNameVerified, Surname, SurnameVerified, DateOfBirth,
        DateOfBirthVerified, CurrentAddress, CurrentAddressVerified, AddressHistory, Cycle3,
    }.ToFrozenSet(StringComparer.Ordinal);
}
