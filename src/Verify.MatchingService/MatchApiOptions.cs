using System.Security.Cryptography.X509Certificates;

namespace Verify.MatchingService;

/// <summary>How <c>POST /match</c> listens (<see cref="MatchApiMode"/>). Off unless configured.</summary>
public sealed record MatchApiOptions
{
    /// <summary>The route does not exist.</summary>
    public static MatchApiOptions Off { get; } = new();

    /// <summary>Off, Development or MutualTls.</summary>
    public MatchApiMode Mode { get; init; } = MatchApiMode.Off;

    /// <summary>MutualTls: the port the mutual-TLS listener binds (on the service's listen address).</summary>
    public int? Port { get; init; }

    /// <summary>MutualTls: the server certificate with its key; the service endpoint's TLS certificate when null.</summary>
    public X509Certificate2? TlsCertificate { get; init; }

    /// <summary>
    /// MutualTls: the client certificates allowed to call, pinned by their SHA-256 thumbprint (chain and dates are not
    /// looked at: the department issues them to its own systems).
    /// </summary>
    public IReadOnlyList<X509Certificate2> ClientCertificates { get; init; } = [];
}
