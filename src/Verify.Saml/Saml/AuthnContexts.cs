namespace Verify.Saml.Saml;

/// <summary>
/// GOV.UK Verify's authentication context class URIs, one per level of assurance. The OIDC <c>acr</c> values
/// are the same URIs. <see cref="LevelX"/> is not a level: it marks a fraud response.
/// </summary>
public static class AuthnContexts
{
    private const string Prefix = "urn:uk:gov:cabinet-office:tc:saml:authn-context:";

    /// <summary>LEVEL_1: balance of probabilities.</summary>
    public const string Level1 = Prefix + "level1";

    /// <summary>LEVEL_2: beyond reasonable doubt.</summary>
    public const string Level2 = Prefix + "level2";

    /// <summary>LEVEL_3.</summary>
    public const string Level3 = Prefix + "level3";

    /// <summary>LEVEL_4.</summary>
    public const string Level4 = Prefix + "level4";

    /// <summary>LEVEL_X: a fraud response; never satisfies any requirement.</summary>
    public const string LevelX = Prefix + "levelX";
}
