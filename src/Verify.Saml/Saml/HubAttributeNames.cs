namespace Verify.Saml.Saml;

/// <summary>
/// The attributes the hub asserts to a hub-asserted RP (ARCHITECTURE.md "Two trust modes"): plain strings, named
/// with the X.500/RFC 3739 object identifiers off-the-shelf SPs already map (Shibboleth's attribute-map, pysaml2's
/// <c>saml_uri</c> map), NameFormat <c>uri</c>, each with a FriendlyName. Where no standard identifier exists the
/// name is in Verify's own URN space. Only verified, current values are asserted (ADR 0010).
/// </summary>
public static class HubAttributeNames
{
    /// <summary>X.520 givenName: the verified first name.</summary>
    public const string GivenName = "urn:oid:2.5.4.42";

    /// <summary>Middle names, space-separated (no standard identifier).</summary>
    public const string MiddleNames = "urn:uk:gov:verify:attribute:middle-names";

    /// <summary>X.520 surname.</summary>
    public const string Surname = "urn:oid:2.5.4.4";

    /// <summary>RFC 3739 dateOfBirth, as <c>YYYY-MM-DD</c>.</summary>
    public const string DateOfBirth = "urn:oid:1.3.6.1.5.5.7.9.1";

    /// <summary>Gender in Verify's words (Male, Female, Not Specified): RFC 3739's M/F cannot say the third.</summary>
    public const string Gender = "urn:uk:gov:verify:attribute:gender";

    /// <summary>X.520 postalAddress: the current address's lines joined with <c>$</c> (RFC 4517 PostalAddress).</summary>
    public const string PostalAddress = "urn:oid:2.5.4.16";

    /// <summary>X.520 postalCode of the current address.</summary>
    public const string PostalCode = "urn:oid:2.5.4.17";

    /// <summary>
    /// Matching RPs, hub-asserted (ADR 0018): what the matching service answered, <c>match</c> or <c>created</c>
    /// (Verify's status codes, carried as an attribute because off-the-shelf SPs read attributes, not nested statuses).
    /// </summary>
    public const string MatchOutcome = "urn:uk:gov:verify:attribute:match-outcome";

    /// <summary>
    /// Matching RPs, hub-asserted: the hashed PID the RP's own matching service computed and linked to its record
    /// (<see cref="Saml.HashedPid"/>), so the department can find the record it matched.
    /// </summary>
    public const string HashedPid = "urn:uk:gov:verify:attribute:hashed-pid";

    /// <summary>The friendly name of each attribute, for its FriendlyName and for display.</summary>
    public static IReadOnlyDictionary<string, string> FriendlyNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [GivenName] = "givenName",
        [MiddleNames] = "middleNames",
        [Surname] = "sn",
        [DateOfBirth] = "dateOfBirth",
        [Gender] = "gender",
        [PostalAddress] = "postalAddress",
        [PostalCode] = "postalCode",
        [MatchOutcome] = "matchOutcome",
        [HashedPid] = "hashedPid",
    };
}
