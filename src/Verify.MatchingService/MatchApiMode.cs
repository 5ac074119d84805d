namespace Verify.MatchingService;

/// <summary>
/// Whether and how <c>POST /match</c> (the local-matching JSON over HTTP, for tests and the department's own use)
/// listens. The numbers are explicit because configuration names them.
/// </summary>
public enum MatchApiMode
{
    /// <summary>Not listening: the route does not exist (the production default).</summary>
    Off = 0,

    /// <summary>On the service's own endpoint, without authentication; refused at start outside Development and Test environments.</summary>
    Development = 1,

    /// <summary>On a port of its own, TLS with a client certificate required and pinned (<see cref="MatchApiOptions.ClientCertificates"/>).</summary>
    MutualTls = 2,
}
