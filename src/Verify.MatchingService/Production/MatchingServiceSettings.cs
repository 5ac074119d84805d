using Verify.Pki;

namespace Verify.MatchingService.Production;

/// <summary>
/// <c>verify matching-service start</c>'s configuration: a JSON file, overridable by <c>VERIFY_MS_</c> environment
/// variables (e.g. <c>VERIFY_MS_records__postgres</c>). Bound, then checked by <see cref="ProductionMatchingService"/>
/// before anything starts. Paths are PEM files (or PKCS#12 with a password file).
/// </summary>
public sealed class MatchingServiceSettings
{
    /// <summary>This matching service: identity, endpoint and keys.</summary>
    public ServiceSettings MatchingService { get; set; } = new();

    /// <summary>The hub: its entity ID always; its keys here or from <see cref="FederationMetadata"/>.</summary>
    public HubPartySettings Hub { get; set; } = new();

    /// <summary>IDPs registered by hand (in addition to those in the federation metadata).</summary>
    public List<IdpSettings> Idps { get; set; } = [];

    /// <summary>IDPs that speak OpenID Connect, whose ID tokens the hub relays as evidence (ADR 0025).</summary>
    public List<OidcIdpSettings> OidcIdps { get; set; } = [];

    /// <summary>The federation's signed metadata: the hub's keys and every IDP's.</summary>
    public FederationMetadataSettings? FederationMetadata { get; set; }

    /// <summary>The federation PKI, for IDPs trusted by pkix.</summary>
    public TrustAnchorSettings Trust { get; set; } = new();

    /// <summary>The reference engine's records store (PostgreSQL). Give this or <see cref="LocalMatchingService"/>.</summary>
    public RecordsSettings? Records { get; set; }

    /// <summary>The department's own local matching service. Give this or <see cref="Records"/>.</summary>
    public LocalMatchingServiceSettings? LocalMatchingService { get; set; }

    /// <summary><c>POST /match</c> over mutual TLS; absent in production unless configured here.</summary>
    public MatchApiSettings? MatchApi { get; set; }

    /// <summary>
    /// Redis (a StackExchange.Redis connection string), needed when more than one node serves the matching service:
    /// every node then refuses a query ID any node has seen. Absent: one node, query IDs remembered in memory.
    /// </summary>
    public string? Redis { get; set; }
}

/// <summary>The matching service's identity, endpoint and keys.</summary>
public sealed class ServiceSettings
{
    public string? EntityId { get; set; }

    /// <summary>The URL the hub reaches (behind a load balancer: the balancer's), https.</summary>
    public string? PublicUrl { get; set; }

    public string? ListenAddress { get; set; }

    public int? ListenPort { get; set; }

    /// <summary>TLS terminated here; absent when a proxy in front terminates TLS.</summary>
    public KeyFileSettings? Tls { get; set; }

    public KeyFileSettings? Signing { get; set; }

    /// <summary>Signing certificates to publish beside the one in use (a rollover), public parts.</summary>
    public List<string> PublishedSigningCertificates { get; set; } = [];

    /// <summary>Encryption keys; every one is published and tried (a rollover).</summary>
    public List<KeyFileSettings> Encryption { get; set; } = [];

    public string? MinimumLevelOfAssurance { get; set; }
}

/// <summary>The hub as the matching service knows it.</summary>
public sealed class HubPartySettings
{
    public string? EntityId { get; set; }

    /// <summary>The hub's own metadata file (an EntityDescriptor the operator registered): its keys, instead of the certificate files.</summary>
    public string? Metadata { get; set; }

    public List<string> SigningCertificates { get; set; } = [];

    public string? EncryptionCertificate { get; set; }
}

/// <summary>An IDP registered by hand.</summary>
public sealed class IdpSettings
{
    public string? EntityId { get; set; }

    /// <summary>The IDP's metadata file (an EntityDescriptor the operator registered): its signing keys, instead of certificate files.</summary>
    public string? Metadata { get; set; }

    public List<string> SigningCertificates { get; set; } = [];

    /// <summary><c>pinned</c> (default) or <c>pkix</c>.</summary>
    public string? Trust { get; set; }
}

/// <summary>An OpenID Connect IDP registered by hand (ADR 0025): its keys are pinned from a file, never fetched.</summary>
public sealed class OidcIdpSettings
{
    /// <summary>The IDP's issuer identifier (https): the ID token's <c>iss</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The hub's client ID at that IDP: the ID token's <c>aud</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>A JWKS file with the IDP's public signing keys (several during a rollover).</summary>
    public string? Jwks { get; set; }

    /// <summary>Whether claims the hub vouches for (from the IDP's userinfo) may complete the dataset (default false, ADR 0025 addendum).</summary>
    public bool AcceptHubVouchedClaims { get; set; }
}

/// <summary>A signed federation metadata file and the metadata signer's certificate(s), pinned.</summary>
public sealed class FederationMetadataSettings
{
    public string? File { get; set; }

    public List<string> SigningCertificates { get; set; } = [];
}

/// <summary>The federation's root and IDP CA (PEM).</summary>
public sealed class TrustAnchorSettings
{
    public string? Root { get; set; }

    public string? IdpCa { get; set; }
}

/// <summary>The records store.</summary>
public sealed class RecordsSettings
{
    /// <summary>The PostgreSQL connection string (production runs on PostgreSQL).</summary>
    public string? Postgres { get; set; }
}

/// <summary>Verify's local matching service URLs.</summary>
public sealed class LocalMatchingServiceSettings
{
    public string? MatchUrl { get; set; }

    public string? AccountCreationUrl { get; set; }

    public int? TimeoutSeconds { get; set; }
}

/// <summary>The mutual-TLS listener of <c>POST /match</c>.</summary>
public sealed class MatchApiSettings
{
    public int? Port { get; set; }

    public List<string> ClientCertificates { get; set; } = [];
}
