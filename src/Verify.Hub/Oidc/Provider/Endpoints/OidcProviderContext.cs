using Microsoft.Extensions.Logging;

using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Identity;
using Verify.Hub.Journeys;
using Verify.Hub.Oidc.Provider.Journey;

namespace Verify.Hub.Oidc.Provider.Endpoints;

/// <summary>What the OpenID Provider's endpoints orchestrate, in one injectable bundle.</summary>
internal sealed class OidcProviderContext(
    JourneyService journeys,
    IHubDirectorySource directory,
    HubAudit audit,
    HubSecrets secrets,
    HubEndpoints endpoints,
    ResumeHandle resume,
    Keys.HubSigningKeys signingKeys,
    ILogger<OidcProviderContext> logger)
{
    public JourneyService Journeys { get; } = journeys;

    public IHubDirectorySource Directory { get; } = directory;

    public HubAudit Audit { get; } = audit;

    public HubSecrets Secrets { get; } = secrets;

    public HubEndpoints Endpoints { get; } = endpoints;

    public ResumeHandle Resume { get; } = resume;

    public Keys.HubSigningKeys SigningKeys { get; } = signingKeys;

    public ILogger Logger { get; } = logger;
}
