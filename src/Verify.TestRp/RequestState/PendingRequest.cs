namespace Verify.TestRp.RequestState;

/// <summary>
/// What the RP remembers about the AuthnRequest a browser carried to the hub, so the Response can be matched to it
/// (SAML Profiles 4.1.4.2: InResponseTo is our request's ID; SAML Bindings 3.5.3: RelayState comes back unchanged).
/// </summary>
/// <param name="RequestId">The AuthnRequest's ID.</param>
/// <param name="RelayState">The opaque RelayState sent with it.</param>
/// <param name="IssuedAt">When the request was made; the state expires <see cref="TestRpOptions.RequestLifetime"/> later.</param>
/// <param name="Service">The <see cref="TestRpService.Key"/> the request was made for; null for the RP's own registration.</param>
internal sealed record PendingRequest(string RequestId, string RelayState, DateTimeOffset IssuedAt, string? Service = null);
