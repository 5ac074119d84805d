using Microsoft.Extensions.Logging;

using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Identity;
using Verify.Hub.Journeys;
using Verify.Hub.Limits;
using Verify.Hub.Matching;
using Verify.Hub.Saml;
using Verify.Hub.Telemetry;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Xml.Encryption;

namespace Verify.Hub;

/// <summary>The hub's services a page or endpoint orchestrates, in one injectable bundle.</summary>
public sealed class HubServices
{
    internal HubServices(
        HubOptions options,
        HubEndpoints endpoints,
        JourneyService journeys,
        IHubDirectorySource directory,
        TrustPolicy trust,
        AuthnRequestValidator authnRequests,
        ResponseValidator idpResponses,
        IdpRequestFactory idpRequests,
        RpAnswerer answerer,
        HubSecrets secrets,
        IReadOnlyList<DecryptionKey> decryptionKeys,
        IRateLimiter rateLimiter,
        HubAudit audit,
        HubMetrics metrics,
        SealedAssertions sealedAssertions,
        MatchingDispatcher matching,
        ILogger<HubServices> logger)
    {
        Options = options;
        Endpoints = endpoints;
        Journeys = journeys;
        Directory = directory;
        Trust = trust;
        AuthnRequests = authnRequests;
        IdpResponses = idpResponses;
        IdpRequests = idpRequests;
        Answerer = answerer;
        Secrets = secrets;
        DecryptionKeys = decryptionKeys;
        RateLimiter = rateLimiter;
        Audit = audit;
        Metrics = metrics;
        SealedAssertions = sealedAssertions;
        Matching = matching;
        Logger = logger;
    }

    internal HubOptions Options { get; }

    internal HubEndpoints Endpoints { get; }

    internal JourneyService Journeys { get; }

    internal IHubDirectorySource Directory { get; }

    internal TrustPolicy Trust { get; }

    internal AuthnRequestValidator AuthnRequests { get; }

    internal ResponseValidator IdpResponses { get; }

    internal IdpRequestFactory IdpRequests { get; }

    internal RpAnswerer Answerer { get; }

    internal HubSecrets Secrets { get; }

    internal IReadOnlyList<DecryptionKey> DecryptionKeys { get; }

    internal IRateLimiter RateLimiter { get; }

    internal HubAudit Audit { get; }

    internal HubMetrics Metrics { get; }

    internal SealedAssertions SealedAssertions { get; }

    internal MatchingDispatcher Matching { get; }

    internal ILogger Logger { get; }
}
