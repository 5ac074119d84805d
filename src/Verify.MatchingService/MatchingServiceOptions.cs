using System.Security.Cryptography.X509Certificates;

using Microsoft.Extensions.Options;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Xml;

namespace Verify.MatchingService;

/// <summary>
/// Everything the matching service needs: who it is and its keys, who the hub is and its keys, which IDPs it trusts,
/// the rules it applies and how <c>POST /match</c> listens. <see cref="MatchingServiceApp.Build"/> validates it first
/// and refuses to start with an insecure or inconsistent configuration.
/// </summary>
public sealed record MatchingServiceOptions
{
    /// <summary>Largest SOAP request read, 512 KiB: the web host's own cap on request bodies.</summary>
    public const int MaxRequestBytesLimit = 512 * 1024;

    /// <summary>The matching service's entity ID: the Issuer of its answers and the hashing entity of the hashed PID.</summary>
    public required string EntityId { get; init; }

    /// <summary>The signing certificate with its private key: answers and their assertions are signed with it.</summary>
    public required X509Certificate2 SigningCertificate { get; init; }

    /// <summary>
    /// Other signing certificates to publish in the metadata (public parts): the next key before a rollover, so the
    /// hub trusts it before it is used, or the previous one for a while after.
    /// </summary>
    public IReadOnlyList<X509Certificate2> PublishedSigningCertificates { get; init; } = [];

    /// <summary>
    /// The encryption certificates with their private keys (RSA, at least 2048 bits). All are published and each is
    /// tried on decryption, so the hub may encrypt for the old or the new one during a rollover.
    /// </summary>
    public required IReadOnlyList<X509Certificate2> EncryptionCertificates { get; init; }

    /// <summary>The hub's entity ID: the only issuer of queries, the audience of the IDPs' assertions.</summary>
    public required string HubEntityId { get; init; }

    /// <summary>The hub's signing certificates (pinned; several during a rollover). Every query must be signed by one.</summary>
    public required IReadOnlyList<X509Certificate2> HubSigningCertificates { get; init; }

    /// <summary>The hub's encryption certificate (RSA, at least 2048 bits): assertions in answers are encrypted for it.</summary>
    public required X509Certificate2 HubEncryptionCertificate { get; init; }

    /// <summary>The IDPs whose assertions are accepted, with their registered signing keys.</summary>
    public required IReadOnlyList<TrustedIdp> Idps { get; init; }

    /// <summary>
    /// The IDPs that speak OpenID Connect whose ID tokens are accepted as evidence (ADR 0025), with their pinned keys
    /// and the hub's client ID at each. Empty by default.
    /// </summary>
    public IReadOnlyList<TrustedOidcIdp> OidcIdps { get; init; } = [];

    /// <summary>The federation PKI, needed when an IDP is trusted by <see cref="TrustKind.Pkix"/>.</summary>
    public FederationTrustAnchors? TrustAnchors { get; init; }

    /// <summary>The lowest level of assurance matched (default <c>LEVEL_2</c>). <c>LEVEL_X</c> never is.</summary>
    public string MinimumLevelOfAssurance { get; init; } = AssuranceLevels.Level2;

    /// <summary>
    /// How old the IDP's assertions may be (Verify: 60 minutes). The same assertions come back for cycle 3 and
    /// account creation, so the IDP's 5-minute bearer window does not apply here.
    /// </summary>
    public TimeSpan IdpAssertionMaxAge { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>How long the matching service's own assertion is valid (Verify: 60 minutes).</summary>
    public TimeSpan AssertionLifetime { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Clock skew, query age (5 minutes) and how long query IDs are remembered against replay.</summary>
    public SamlValidationOptions Validation { get; init; } = new();

    /// <summary>Largest SOAP request read, in bytes (default 256 KiB); a larger one is refused unread.</summary>
    public int MaxRequestBytes { get; init; } = 256 * 1024;

    /// <summary>How <c>POST /match</c> listens; off by default.</summary>
    public MatchApiOptions MatchApi { get; init; } = MatchApiOptions.Off;

    /// <summary>The clock (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.IsWellFormedUriString(EntityId, UriKind.Absolute))
        {
            problems.Add("EntityId must be an absolute URI.");
        }

        if (!Uri.IsWellFormedUriString(HubEntityId, UriKind.Absolute))
        {
            problems.Add("HubEntityId must be an absolute URI.");
        }

        problems.AddRange(KeyProblems());
        problems.AddRange(IdpProblems());
        problems.AddRange(OidcIdpProblems());
        if (!AssuranceLevels.IsLevel(MinimumLevelOfAssurance))
        {
            problems.Add("MinimumLevelOfAssurance must be LEVEL_1, LEVEL_2, LEVEL_3 or LEVEL_4.");
        }

        if (IdpAssertionMaxAge <= TimeSpan.Zero || IdpAssertionMaxAge > TimeSpan.FromMinutes(150))
        {
            problems.Add("IdpAssertionMaxAge must be positive and at most the hub's 150-minute session.");
        }

        if (AssertionLifetime <= TimeSpan.Zero || AssertionLifetime > TimeSpan.FromMinutes(60))
        {
            problems.Add("AssertionLifetime must be positive and at most 60 minutes.");
        }

        if (MaxRequestBytes is < 16 * 1024 or > MaxRequestBytesLimit)
        {
            problems.Add($"MaxRequestBytes must be between 16 KiB and {MaxRequestBytesLimit / 1024} KiB.");
        }

        if (Validation is null)
        {
            problems.Add("Validation is required.");
        }
        else
        {
            try
            {
                Validation.Validate();
            }
            catch (ArgumentException ex)
            {
                problems.Add("Validation: " + ex.Message);
            }
        }

        problems.AddRange(MatchApiProblems());
        if (TimeProvider is null)
        {
            problems.Add("TimeProvider is required.");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds any.</summary>
    /// <exception cref="OptionsValidationException">The options are not usable; the failures list every problem.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(MatchingServiceOptions), typeof(MatchingServiceOptions), problems);
        }
    }

    private IEnumerable<string> KeyProblems()
    {
        if (SigningCertificate is null || !SigningCertificate.HasPrivateKey || !CanSignWith(SigningCertificate))
        {
            yield return "SigningCertificate must carry an RSA (2048 bits or more) or ECDSA P-256 private key.";
        }

        if (PublishedSigningCertificates is null || PublishedSigningCertificates.Any(c => c is null || !IsAcceptableSigningKey(c)))
        {
            yield return "PublishedSigningCertificates must be RSA (2048 bits or more) or ECDSA certificates.";
        }

        if (EncryptionCertificates is null || EncryptionCertificates.Count == 0)
        {
            yield return "EncryptionCertificates needs at least one certificate with its private key.";
        }
        else if (EncryptionCertificates.Any(c => c is null || !HasRsaPrivateKey(c)))
        {
            yield return "Each encryption certificate must carry an RSA private key of 2048 bits or more.";
        }

        if (HubSigningCertificates is null || HubSigningCertificates.Count == 0 || HubSigningCertificates.Any(c => c is null || !IsAcceptableSigningKey(c)))
        {
            yield return "HubSigningCertificates needs at least one RSA (2048 bits or more) or ECDSA certificate: queries are always signed.";
        }

        using var hubEncryption = HubEncryptionCertificate?.GetRSAPublicKey();
        if (hubEncryption is null || hubEncryption.KeySize < TrustedSigningKey.MinimumRsaKeySize)
        {
            yield return "HubEncryptionCertificate must hold an RSA key of 2048 bits or more.";
        }
    }

    private IEnumerable<string> IdpProblems()
    {
        if (Idps is null || (Idps.Count == 0 && OidcIdps is not { Count: > 0 }))
        {
            yield return "Idps needs at least one identity provider.";
            yield break;
        }

        foreach (var idp in Idps)
        {
            if (idp is null || !Uri.IsWellFormedUriString(idp.EntityId, UriKind.Absolute))
            {
                yield return "Each IDP needs an absolute entity ID.";
            }
            else if (idp.SigningCertificates is null || idp.SigningCertificates.Count == 0)
            {
                yield return $"IDP '{idp.EntityId}' needs at least one signing certificate.";
            }
            else if (idp.Trust == TrustKind.Pkix && TrustAnchors is null)
            {
                yield return $"IDP '{idp.EntityId}' is trusted by pkix, which needs TrustAnchors.";
            }
            else if (idp.EntityId == HubEntityId || idp.EntityId == EntityId)
            {
                yield return $"IDP '{idp.EntityId}' has the hub's or this service's entity ID.";
            }
        }

        if (Idps.Where(i => i is not null).Select(i => i.EntityId).Distinct(StringComparer.Ordinal).Count() != Idps.Count)
        {
            yield return "IDP entity IDs must be unique.";
        }
    }

    private IEnumerable<string> OidcIdpProblems()
    {
        if (OidcIdps is null)
        {
            yield return "OidcIdps is required (empty for none).";
            yield break;
        }

        foreach (var idp in OidcIdps)
        {
            // OIDC Discovery 2: an https issuer; plain http only on loopback (a development federation's stub).
            if (idp is null || !Uri.TryCreate(idp.Issuer, UriKind.Absolute, out var issuer) || idp.Issuer.Length > 1024
                || !(issuer.Scheme == Uri.UriSchemeHttps || (issuer.Scheme == Uri.UriSchemeHttp && issuer.IsLoopback)))
            {
                yield return "Each OIDC IDP needs an https issuer (OIDC Discovery 2).";
            }
            else if (idp.ClientId is not { Length: > 0 and <= 255 })
            {
                yield return $"OIDC IDP '{idp.Issuer}' needs the hub's client ID at that IDP (the ID token's audience).";
            }
            else if (idp.KeyProblem() is { } problem)
            {
                yield return $"OIDC IDP '{idp.Issuer}' {problem}.";
            }
            else if (idp.Issuer == HubEntityId || idp.Issuer == EntityId || (Idps?.Any(i => i?.EntityId == idp.Issuer) ?? false))
            {
                yield return $"OIDC IDP '{idp.Issuer}' has the hub's, this service's or a SAML IDP's identifier.";
            }
        }

        if (OidcIdps.Where(i => i is not null).Select(i => i.Issuer).Distinct(StringComparer.Ordinal).Count() != OidcIdps.Count)
        {
            yield return "OIDC IDP issuers must be unique.";
        }
    }

    private IEnumerable<string> MatchApiProblems()
    {
        if (MatchApi is null)
        {
            yield return "MatchApi is required (MatchApiOptions.Off to turn POST /match off).";
            yield break;
        }

        if (MatchApi.Mode != MatchApiMode.MutualTls)
        {
            yield break;
        }

        if (MatchApi.Port is not (> 0 and <= 65535))
        {
            yield return "MatchApi: mutual TLS needs a port of its own.";
        }

        if (MatchApi.ClientCertificates is null || MatchApi.ClientCertificates.Count == 0)
        {
            yield return "MatchApi: mutual TLS needs at least one pinned client certificate.";
        }

        if (MatchApi.TlsCertificate is { HasPrivateKey: false })
        {
            yield return "MatchApi: the TLS certificate has no private key.";
        }
    }

    private static bool CanSignWith(X509Certificate2 certificate)
    {
        try
        {
            using var credential = SigningCredential.FromCertificate(certificate);
            return true;
        }
        catch (SamlException)
        {
            return false;
        }
    }

    private static bool HasRsaPrivateKey(X509Certificate2 certificate)
    {
        using var rsa = certificate.HasPrivateKey ? certificate.GetRSAPrivateKey() : null;
        return rsa is not null && rsa.KeySize >= TrustedSigningKey.MinimumRsaKeySize;
    }

    private static bool IsAcceptableSigningKey(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.KeySize >= TrustedSigningKey.MinimumRsaKeySize;
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.KeySize >= 256;
    }
}
