using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Saml;

namespace Verify.TestRp;

/// <summary>
/// Another registration the test RP can sign in with, beside its own (<see cref="TestRpOptions.EntityId"/>): its own
/// entity ID, so the hub can register it with other settings (a matching service, end-to-end trust), while keys and
/// the ACS stay the app's. The start page lets the citizen choose (<c>?service=</c><see cref="Key"/>).
/// </summary>
public sealed record TestRpService
{
    /// <summary>How the start page and <c>?service=</c> name it: lower-case letters, digits and hyphens.</summary>
    public required string Key { get; init; }

    /// <summary>The registration's entity ID: the Issuer of its requests and the Audience it demands.</summary>
    public required string EntityId { get; init; }

    /// <summary>The name shown on the start page and published in its metadata.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The levels of assurance requested (as <see cref="TestRpOptions.RequestedLevels"/>).</summary>
    public IReadOnlyList<string> RequestedLevels { get; init; } = [AuthnContexts.Level2];

    /// <summary>
    /// For an end-to-end registration (ARCHITECTURE.md "end-to-end"): the entity ID of its matching service, whose
    /// signed assertion the hub relays unchanged. Null for hub-asserted.
    /// </summary>
    public string? MatchingServiceEntityId { get; init; }

    /// <summary>The matching service's signing certificates, pinned (end-to-end only).</summary>
    public IReadOnlyList<X509Certificate2> MatchingServiceSigningCertificates { get; init; } = [];

    /// <summary>Whether the RP receives its matching service's assertion rather than the hub's.</summary>
    public bool EndToEnd => MatchingServiceEntityId is not null;
}
