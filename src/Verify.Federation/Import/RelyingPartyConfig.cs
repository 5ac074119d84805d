namespace Verify.Federation.Import;

/// <summary>One entry of <c>relyingParties</c> in <c>federation.json</c>.</summary>
internal sealed class RelyingPartyConfig
{
    /// <summary>The RP's SAML metadata file, relative to the config folder.</summary>
    public string? Metadata { get; set; }

    public List<string>? Levels { get; set; }

    /// <summary><c>pinned</c> or <c>pkix</c>; absent for the RP default (pinned).</summary>
    public string? Trust { get; set; }

    public LocalizedTextConfig? DisplayName { get; set; }

    public bool Enabled { get; set; } = true;

    public string? ServiceHomepage { get; set; }

    public LocalizedTextConfig? OtherWaysToAccess { get; set; }

    public string? MatchingServiceEntityId { get; set; }

    /// <summary>The RP's matching service: its metadata file, account-creation URL and trust.</summary>
    public MatchingServiceConfig? MatchingService { get; set; }

    public string? Cycle3Attribute { get; set; }

    public List<string>? AccountCreationAttributes { get; set; }

    /// <summary><c>hub-asserted</c> (default) or <c>end-to-end</c>.</summary>
    public string? AssertionMode { get; set; }
}

/// <summary>The <c>matchingService</c> object of a <c>relyingParties</c> entry.</summary>
internal sealed class MatchingServiceConfig
{
    /// <summary>The matching service's SAML metadata file, relative to the config folder.</summary>
    public string? Metadata { get; set; }

    public string? AccountCreationUrl { get; set; }

    /// <summary><c>pinned</c> or <c>pkix</c>; absent for the matching-service default (pkix).</summary>
    public string? Trust { get; set; }
}
