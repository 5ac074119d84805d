namespace Verify.Hub.Journey.Assurance;

/// <summary>
/// What an IDP reports as its authn context: either a <see cref="LevelOfAssurance"/> or the <c>levelX</c> fraud
/// marker. This is the only type that can hold <c>levelX</c>, and it gives up a level only when it is one:
/// <see cref="Level"/> throws for the fraud marker, so fraud cannot flow into code that expects a level.
/// </summary>
public sealed class AuthnContextClass
{
    /// <summary>The <c>levelX</c> fraud marker.</summary>
    public static readonly AuthnContextClass FraudMarker = new(AuthnContextUris.LevelX, null);

    private readonly LevelOfAssurance? _level;

    private AuthnContextClass(string uri, LevelOfAssurance? level)
    {
        Uri = uri;
        _level = level;
    }

    /// <summary>The authn context class URI (also the OIDC <c>acr</c>).</summary>
    public string Uri { get; }

    /// <summary>True for <c>levelX</c>: the IDP reports fraud, not a level.</summary>
    public bool IsFraudMarker => _level is null;

    /// <summary>The level of assurance.</summary>
    /// <exception cref="LevelXIsNotALevelException">This is the fraud marker.</exception>
    public LevelOfAssurance Level => _level ?? throw new LevelXIsNotALevelException();

    /// <summary>The class for <paramref name="uri"/>: one of the four levels or <c>levelX</c>, exact match.</summary>
    /// <exception cref="FormatException">Not one of Verify's authn context URIs.</exception>
    public static AuthnContextClass Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri == AuthnContextUris.LevelX)
        {
            return FraudMarker;
        }

        return LevelOfAssurance.TryFromAuthnContext(uri, out var level)
            ? new AuthnContextClass(uri, level)
            : throw new FormatException("Not a Verify authn context class URI.");
    }

    /// <summary>The class of a level (never the fraud marker).</summary>
    public static AuthnContextClass Of(LevelOfAssurance level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return new AuthnContextClass(level.AuthnContext, level);
    }

    /// <inheritdoc/>
    public override string ToString() => _level?.Name ?? AuthnContextUris.LevelXName;
}
