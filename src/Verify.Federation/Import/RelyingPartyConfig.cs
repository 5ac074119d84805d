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
}
