using Verify.Saml.Saml;

namespace Verify.StubIdp.Identities;

/// <summary>
/// The seeded test identities: fictional people with realistic UK data (names, history, Welsh, Northern Irish and
/// London addresses, an address abroad), one file of data. Every value that is not verified is accompanied by a
/// verified one of the same kind, as Verify's IDPs guaranteed (VERIFY-REFERENCE.md "What the IDP sends").
/// </summary>
/// <remarks>
/// The people, addresses and UPRNs are invented. Keys are stable: each IDP's persistent identifier is derived from
/// them, so a matching service's records for these people keep matching across restarts.
/// </remarks>
public static class SeededIdentities
{
    /// <summary>Every seeded identity, in the order the login page lists them.</summary>
    public static IReadOnlyList<TestIdentity> All { get; } =
    [
        new()
        {
            Key = "sarah-thompson",
            Description = "Previous surname (married 2014) and a previous address",
            Dataset = new MatchingDataset
            {
                FirstNames = [Name("Sarah", from: "1985-03-12")],
                MiddleNames = [Name("Elizabeth", from: "1985-03-12")],
                Surnames = [Name("Thompson", from: "2014-07-19"), Name("Clarke", from: "1985-03-12", to: "2014-07-18")],
                Genders = [new GenderValue { Value = Gender.Female, Verified = true }],
                DatesOfBirth = [Date("1985-03-12")],
                CurrentAddresses = [Address(["42 Oakfield Road", "Headingley", "Leeds"], "LS6 3PJ", from: "2018-06-01", uprn: "72741900123")],
                PreviousAddresses = [Address(["7 Church Street", "York"], "YO1 8BN", from: "2012-09-01", to: "2018-05-31")],
            },
        },
        new()
        {
            Key = "rhys-llewellyn",
            Description = "Welsh address, two middle names",
            Dataset = new MatchingDataset
            {
                FirstNames = [Name("Rhys", from: "1972-11-30")],
                MiddleNames = [Name("Owain Dafydd", from: "1972-11-30")],
                Surnames = [Name("Llewellyn", from: "1972-11-30")],
                Genders = [new GenderValue { Value = Gender.Male, Verified = true }],
                DatesOfBirth = [Date("1972-11-30")],
                CurrentAddresses = [Address(["Tŷ Gwyn", "14 Heol Awst", "Caerfyrddin"], "SA31 1PN", from: "2005-04-01", uprn: "10004850417")],
                PreviousAddresses = [Address(["3 Ffordd yr Eglwys", "Aberystwyth"], "SY23 2AZ", from: "1996-08-15", to: "2005-03-31")],
            },
        },
        new()
        {
            Key = "zoe-fernandez-hughes",
            Description = "Hyphenated surname with accents, previous surname, an unverified address abroad",
            Dataset = new MatchingDataset
            {
                FirstNames = [Name("Zoë", from: "1994-02-28")],
                MiddleNames = [Name("Amélie", from: "1994-02-28")],
                Surnames = [Name("Fernández-Hughes", from: "2019-06-22"), Name("Fernández", from: "1994-02-28", to: "2019-06-21")],
                Genders = [new GenderValue { Value = Gender.Female, Verified = true }],
                DatesOfBirth = [Date("1994-02-28")],
                CurrentAddresses = [Address(["Flat 2", "19 Marchmont Street", "London"], "WC1N 1AP", from: "2021-10-01", uprn: "5051234567")],
                PreviousAddresses =
                [
                    Address(["23 Cotham Road", "Bristol"], "BS6 6DR", from: "2019-07-01", to: "2021-09-30"),
                    new AddressValue
                    {
                        Lines = ["12 Rue des Écoles", "Paris"],
                        InternationalPostCode = "75005",
                        From = Day("2016-09-01"),
                        To = Day("2019-06-30"),
                        Verified = false,
                    },
                ],
            },
        },
        new()
        {
            Key = "david-singh",
            Description = "No middle name, one address for over twenty years",
            Dataset = new MatchingDataset
            {
                FirstNames = [Name("David", from: "1961-07-04")],
                Surnames = [Name("Singh", from: "1961-07-04")],
                Genders = [new GenderValue { Value = Gender.Male, Verified = true }],
                DatesOfBirth = [Date("1961-07-04")],
                CurrentAddresses = [Address(["118 Moseley Road", "Birmingham"], "B12 0HJ", from: "1999-04-01", uprn: "100070512345")],
            },
        },
        new()
        {
            Key = "alex-morgan",
            Description = "Gender not specified, born on 29 February, Northern Ireland addresses",
            Dataset = new MatchingDataset
            {
                FirstNames = [Name("Alex", from: "2000-02-29")],
                MiddleNames = [Name("Jordan", from: "2000-02-29")],
                Surnames = [Name("Morgan", from: "2000-02-29")],
                Genders = [new GenderValue { Value = Gender.NotSpecified, Verified = true }],
                DatesOfBirth = [Date("2000-02-29")],
                CurrentAddresses = [Address(["Flat 3/1", "27 Botanic Avenue", "Belfast"], "BT7 1JG", from: "2022-09-01", uprn: "185254321")],
                PreviousAddresses = [Address(["9 Main Street", "Enniskillen"], "BT74 7BA", from: "2000-02-29", to: "2022-08-31")],
            },
        },
    ];

    private static PersonNameValue Name(string value, string from, string? to = null) =>
        new() { Value = value, From = Day(from), To = to is null ? null : Day(to), Verified = true };

    private static DateValue Date(string value) => new() { Value = Day(value), Verified = true };

    private static AddressValue Address(string[] lines, string postCode, string from, string? to = null, string? uprn = null) => new()
    {
        Lines = lines,
        PostCode = postCode,
        Uprn = uprn,
        From = Day(from),
        To = to is null ? null : Day(to),
        Verified = true,
    };

    private static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
