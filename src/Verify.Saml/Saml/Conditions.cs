namespace Verify.Saml.Saml;

/// <summary>
/// A <c>saml:Conditions</c> (SAML Core 2.5.1): the validity window and audiences of an assertion. Only the
/// conditions SAML defines and we understand are read; any other condition is refused by the reader, because
/// an assertion with a condition the relying party does not understand is not valid (Core 2.5.1).
/// </summary>
public sealed record Conditions
{
    /// <summary>The time before which the assertion is not valid.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The time at and after which the assertion is no longer valid.</summary>
    public DateTimeOffset? NotOnOrAfter { get; init; }

    /// <summary>
    /// One list per <c>saml:AudienceRestriction</c>. The assertion is addressed to a party only if, for every
    /// restriction, the party is one of that restriction's audiences (Core 2.5.1.4).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> AudienceRestrictions { get; init; } = [];

    /// <summary>Whether a <c>saml:OneTimeUse</c> condition is present.</summary>
    public bool OneTimeUse { get; init; }
}
