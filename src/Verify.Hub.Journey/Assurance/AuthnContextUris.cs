namespace Verify.Hub.Journey.Assurance;

/// <summary>
/// GOV.UK Verify's authn context class URIs (ARCHITECTURE.md "Levels of assurance"). The OIDC <c>acr</c> values
/// are the same URIs, so there is one vocabulary. Plain strings: the journey does not reference the SAML library.
/// </summary>
public static class AuthnContextUris
{
    private const string Prefix = "urn:uk:gov:cabinet-office:tc:saml:authn-context:";

    /// <summary>LEVEL_1.</summary>
    public const string Level1 = Prefix + "level1";

    /// <summary>LEVEL_2.</summary>
    public const string Level2 = Prefix + "level2";

    /// <summary>LEVEL_3.</summary>
    public const string Level3 = Prefix + "level3";

    /// <summary>LEVEL_4.</summary>
    public const string Level4 = Prefix + "level4";

    /// <summary>The fraud marker <c>levelX</c>: not a level of assurance.</summary>
    public const string LevelX = Prefix + "levelX";

    /// <summary>Verify's name for the fraud marker, refused wherever a level is parsed.</summary>
    public const string LevelXName = "LEVEL_X";
}
