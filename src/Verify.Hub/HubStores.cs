using Verify.Audit;
using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Limits;
using Verify.Hub.Metadata;
using Verify.Saml.Validation;

namespace Verify.Hub;

/// <summary>
/// Where the hub keeps what outlives a request: journeys and replay caches (Redis in production, in-process for
/// start-dev), the audit trail, and the federation configuration and published metadata (PostgreSQL or SQLite, behind a cache).
/// </summary>
/// <param name="Journeys">The journey store.</param>
/// <param name="ReplayCache">The replay cache for request, response and assertion IDs.</param>
/// <param name="Directory">The federation's registered parties.</param>
/// <param name="PublishedMetadata">The signed federation metadata, as the metadata signer produced it.</param>
/// <param name="Audit">The audit trail (PostgreSQL in production, SQLite for start-dev): a step it cannot record does not happen.</param>
/// <param name="RateLimiter">Request counters (Redis across nodes); in process when null.</param>
public sealed record HubStores(
    IJourneyStore Journeys,
    IReplayCache ReplayCache,
    IHubDirectorySource Directory,
    IPublishedMetadataSource PublishedMetadata,
    IAuditSink Audit,
    IRateLimiter? RateLimiter = null);
