using Verify.Web.Hosting;

namespace Verify.Hub;

/// <summary>The hub's absolute endpoint URLs under its public base URL (what goes into metadata and into messages).</summary>
public sealed class HubEndpoints(WebAppEndpoint endpoint)
{
    /// <summary>The SSO endpoint RPs send AuthnRequests to.</summary>
    public Uri SingleSignOn { get; } = endpoint.Url(HubPaths.SingleSignOn);

    /// <summary>The ACS endpoint IDPs answer at.</summary>
    public Uri AssertionConsumer { get; } = endpoint.Url(HubPaths.AssertionConsumer);

    /// <summary>Where OIDC IDPs send the citizen back (the redirect URI registered with them).</summary>
    public Uri OidcClientCallback { get; } = endpoint.Url(HubPaths.OidcClientCallback);

    /// <summary>The hub's metadata URL.</summary>
    public Uri HubMetadata { get; } = endpoint.Url(HubPaths.HubMetadata);

    /// <summary>True when the hub is served over TLS.</summary>
    public bool IsHttps { get; } = endpoint.IsHttps;
}
