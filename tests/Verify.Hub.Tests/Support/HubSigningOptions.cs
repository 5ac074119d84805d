using System.Security.Cryptography.X509Certificates;

namespace Verify.Hub.Tests.Support;

/// <summary>The hub's signing keys for a <see cref="HubHarness"/> other than the sample ones (rotation, ES256 ID tokens).</summary>
public sealed record HubSigningOptions
{
    /// <summary>The current signing certificate; null for certs-sample <c>hub-signing</c>.</summary>
    public X509Certificate2? Current { get; init; }

    /// <summary>The next signing certificate (published, not signing), or null.</summary>
    public X509Certificate2? Next { get; init; }

    /// <summary>The OpenID Provider's EC P-256 certificate for ES256 ID tokens, or null.</summary>
    public X509Certificate2? OidcEc { get; init; }
}
