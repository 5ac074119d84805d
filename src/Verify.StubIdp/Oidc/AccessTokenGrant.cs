namespace Verify.StubIdp.Oidc;

/// <summary>What an access token stands for, sealed into the token: the userinfo endpoint answers for it until it expires.</summary>
internal sealed record AccessTokenGrant
{
    /// <summary>The IDP that issued it.</summary>
    public required string Slug { get; init; }

    /// <summary>The client it was issued to.</summary>
    public required string ClientId { get; init; }

    /// <summary>The test identity it gives access to.</summary>
    public required string IdentityKey { get; init; }

    /// <summary>When it stops being accepted.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
