using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Oidc.Client;

/// <summary>What the hub expects of the ID token answering this journey's request (OIDC Core 3.1.3.7).</summary>
public sealed record ExpectedIdToken
{
    /// <summary>The selected IDP's registered issuer, compared exactly.</summary>
    public required string Issuer { get; init; }

    /// <summary>The hub's client ID at that IDP: the audience.</summary>
    public required string ClientId { get; init; }

    /// <summary>The nonce the hub sent with this journey's authorization request.</summary>
    public required string Nonce { get; init; }

    /// <summary>The IDP's signing keys: pinned at registration, or from its discovery document's JWKS.</summary>
    public required IReadOnlyList<SecurityKey> SigningKeys { get; init; }

    /// <summary>The levels the IDP is certified for: an <c>acr</c> outside them is refused.</summary>
    public required LevelOfAssuranceSet CertifiedLevels { get; init; }

    /// <summary>Now, from the hub's clock.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Allowed clock difference with the IDP.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The IDP's userinfo answer (OIDC Core 5.3), when it gave one, about the same subject: standard identity claims the
    /// ID token lacks are taken from it and vouched for by the hub (ADR 0025 addendum); never one the ID token carries.
    /// </summary>
    public UserInfoClaims? UserInfo { get; init; }

    /// <summary>How long after its <c>iat</c> an ID token is still taken (it is redeemed at once after the redirect).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(10);
}
