using System.Collections.Frozen;

namespace Verify.Saml.Saml;

/// <summary>The attribute names GOV.UK Verify's IDPs use, and the friendly names Verify gave them.</summary>
public static class VerifyAttributeNames
{
    public const string FirstName = "MDS_firstname";
    public const string MiddleName = "MDS_middlename";
    public const string Surname = "MDS_surname";
    public const string Gender = "MDS_gender";
    public const string DateOfBirth = "MDS_dateofbirth";
    public const string CurrentAddress = "MDS_currentaddress";
    public const string PreviousAddress = "MDS_previousaddress";

    /// <summary>The citizen's IP address as the IDP saw it.</summary>
    public const string IpAddress = "TXN_IPaddress";

    /// <summary>The IDP's identifier for a fraud event (with a <c>levelX</c> response).</summary>
    public const string FraudEventId = "FECI_IDPFraudEventID";

    /// <summary>The GPG 45 fraud indicator (with a <c>levelX</c> response).</summary>
    public const string Gpg45Status = "FECI_GPG45Status";

    private static readonly FrozenDictionary<string, string> FriendlyNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FirstName] = "Firstname",
        [MiddleName] = "Middlename(s)",
        [Surname] = "Surname",
        [Gender] = "Gender",
        [DateOfBirth] = "Date of Birth",
        [CurrentAddress] = "Current Address",
        [PreviousAddress] = "Previous Addresses",
        [IpAddress] = "IP Address",
        [FraudEventId] = "Fraud Event ID",
        [Gpg45Status] = "GPG45 Status",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The seven <c>MDS_*</c> names.</summary>
    public static FrozenSet<string> MatchingDataset { get; } = new[]
    {
        FirstName, MiddleName, Surname, Gender, DateOfBirth, CurrentAddress, PreviousAddress,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The friendly name Verify used for one of these attributes, or null for any other name.</summary>
    public static string? FriendlyNameOf(string name) => FriendlyNames.GetValueOrDefault(name);
}
