using Verify.Web.Hosting;

namespace Verify.MatchingService.Hosting;

/// <summary>The matching service's endpoints, under its public base URL.</summary>
public sealed class MatchingServicePaths(WebAppEndpoint endpoint)
{
    /// <summary>The SOAP endpoint for matching queries and health checks (Verify's matching service URI).</summary>
    public const string AttributeQuery = "/SAML2/SOAP/AttributeQuery";

    /// <summary>The SOAP endpoint for account creation queries (Verify's account-creation URI).</summary>
    public const string AccountCreation = "/SAML2/SOAP/AccountCreation";

    /// <summary>The matching service's SAML metadata.</summary>
    public const string Metadata = "/SAML2/metadata";

    /// <summary>The local-matching JSON endpoint (development, or mutual TLS only).</summary>
    public const string Match = "/match";

    /// <summary>Liveness for the balancer: answers while the process runs.</summary>
    public const string Live = "/health/live";

    /// <summary>Readiness for the balancer: answers healthy only while the records store (and Redis, when used) answer.</summary>
    public const string Ready = "/health/ready";

    /// <summary>The absolute URL of the matching endpoint: the Destination the hub's queries must name.</summary>
    public string AttributeQueryUrl => endpoint.Url(AttributeQuery).AbsoluteUri;

    /// <summary>The absolute URL of the account-creation endpoint.</summary>
    public string AccountCreationUrl => endpoint.Url(AccountCreation).AbsoluteUri;

    /// <summary>The absolute URL of the metadata.</summary>
    public string MetadataUrl => endpoint.Url(Metadata).AbsoluteUri;
}
