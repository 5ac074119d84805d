using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Oidc.Provider.Journey;

/// <summary>The outcome of <see cref="AuthorizationRules.Check"/>: the levels allowed, or an OAuth error. An error unless built by <see cref="Allow"/>.</summary>
internal sealed record AuthorizationCheck
{
    private AuthorizationCheck()
    {
    }

    /// <summary>The levels the journey may grant; null when refused.</summary>
    public LevelOfAssuranceSet? Levels { get; private init; }

    /// <summary>The OAuth error (RFC 6749 4.1.2.1); null when allowed.</summary>
    public string? Error { get; private init; }

    /// <summary>A stable word for the refusal: the <c>error_description</c> and the audited error code.</summary>
    public string? Reason { get; private init; }

    /// <summary>True only for an allowed request.</summary>
    public bool IsAllowed => Levels is not null && Error is null;

    /// <summary>An allowed request.</summary>
    public static AuthorizationCheck Allow(LevelOfAssuranceSet levels) => new() { Levels = levels };

    /// <summary>A refused request.</summary>
    public static AuthorizationCheck Refuse(string error, string reason) => new() { Error = error, Reason = reason };
}
