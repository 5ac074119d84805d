namespace Verify.Saml.Saml;

/// <summary>A gender (<c>xsi:type="ida:GenderType"</c>): text <c>Male</c>, <c>Female</c> or <c>Not Specified</c>.</summary>
public sealed record GenderValue : MatchingDatasetValue
{
    /// <summary>The gender.</summary>
    public required Gender Value { get; init; }

    /// <summary>The wire text of a gender.</summary>
    public static string ToWireText(Gender gender) => gender switch
    {
        Gender.Male => "Male",
        Gender.Female => "Female",
        Gender.NotSpecified => "Not Specified",
        _ => throw new ArgumentOutOfRangeException(nameof(gender)),
    };

    /// <summary>Parses the wire text of a gender; the match is exact.</summary>
    public static bool TryParseWireText(string text, out Gender gender)
    {
        switch (text)
        {
            case "Male":
                gender = Gender.Male;
                return true;
            case "Female":
                gender = Gender.Female;
                return true;
            case "Not Specified":
                gender = Gender.NotSpecified;
                return true;
            default:
                gender = default;
                return false;
        }
    }
}
