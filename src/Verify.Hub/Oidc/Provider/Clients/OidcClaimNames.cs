namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>
/// The identity claims the hub can release inside <c>verified_claims</c> (OpenID Connect for Identity Assurance 1.0,
/// section 5; claim names of OIDC Core 5.1), and the scopes that stand for them.
/// </summary>
public static class OidcClaimNames
{
    /// <summary>Given name.</summary>
    public const string GivenName = "given_name";

    /// <summary>Middle names.</summary>
    public const string MiddleName = "middle_name";

    /// <summary>Surname.</summary>
    public const string FamilyName = "family_name";

    /// <summary>Date of birth, ISO 8601 YYYY-MM-DD.</summary>
    public const string Birthdate = "birthdate";

    /// <summary>Postal address (OIDC Core 5.1.1).</summary>
    public const string Address = "address";

    /// <summary>The claims the hub knows; a registration naming any other is refused.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { GivenName, MiddleName, FamilyName, Birthdate, Address };

    /// <summary>The scope that asks for the verified identity (OIDC4IDA's <c>verified_claims</c> released per registration).</summary>
    public const string IdentityScope = "verified_claims";
}
