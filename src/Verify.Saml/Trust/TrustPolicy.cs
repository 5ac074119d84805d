using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Xml.Encryption;

namespace Verify.Saml.Trust;

/// <summary>
/// Decides which of a party's registered certificates are trusted, by the party's <see cref="TrustKind"/>, and
/// produces the keys its signatures are checked with and the certificates to encrypt for it, failing closed.
/// </summary>
/// <remarks>
/// <para><see cref="TrustKind.Pinned"/>: each registered key is trusted as a key. Dates, issuer, chain and key
/// usage are not looked at (SAML V2.0 Metadata Interoperability Profile: the certificate is only a container for the
/// key), but the key must be strong enough.</para>
/// <para><see cref="TrustKind.Pkix"/>: <see cref="PkixCertificateValidator"/> (chain to the root through the role's
/// CA, dates, CRL, key size, key usage).</para>
/// <para>Only registered certificates are evaluated. A certificate carried in a message's KeyInfo is never trusted
/// by being there; the one place one may be evaluated is <see cref="MetadataVerifier"/> under PKIX, as a candidate
/// that must pass the same chain validation.</para>
/// <para>The keys and certificates a message is checked or encrypted with (<see cref="SigningKeys"/>,
/// <see cref="EncryptionCertificates"/>, <see cref="EncryptionKey"/>) come from an evaluation kept per party (ADR 0027):
/// parsing a key and building a chain cost more than the signature check itself, so a party is evaluated again only
/// after <see cref="ReevaluateAfter"/>, when the clock has gone back before the evaluation, and, under PKIX, when a
/// certificate of its chain expires. A party's registration changing makes a new <see cref="PartyTrust"/>, evaluated
/// afresh. A party none of whose certificates is trusted is evaluated again at every call (it fails closed each time).
/// <see cref="Evaluate"/> itself always evaluates.</para>
/// </remarks>
public sealed class TrustPolicy
{
    /// <summary>How long an evaluation is kept by default: a certificate that becomes valid is trusted within a minute.</summary>
    public static readonly TimeSpan DefaultReevaluateAfter = TimeSpan.FromMinutes(1);

    private readonly PkixCertificateValidator? _pkix;
    private readonly ConditionalWeakTable<PartyTrust, Evaluations> _kept = [];

    /// <summary>Creates a policy.</summary>
    /// <param name="timeProvider">The clock certificate dates and CRLs are checked against.</param>
    /// <param name="anchors">The federation PKI; without it, every PKIX evaluation fails closed.</param>
    /// <param name="reevaluateAfter">The longest a party's evaluation is kept; <see cref="DefaultReevaluateAfter"/> when null, never kept when zero.</param>
    public TrustPolicy(TimeProvider timeProvider, FederationTrustAnchors? anchors = null, TimeSpan? reevaluateAfter = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(reevaluateAfter ?? TimeSpan.Zero, TimeSpan.Zero, nameof(reevaluateAfter));
        TimeProvider = timeProvider;
        Anchors = anchors;
        ReevaluateAfter = reevaluateAfter ?? DefaultReevaluateAfter;
        _pkix = anchors is null ? null : new PkixCertificateValidator(anchors, timeProvider);
    }

    /// <summary>The longest a party's evaluation is kept before its certificates are evaluated again.</summary>
    public TimeSpan ReevaluateAfter { get; }

    /// <summary>The clock in use.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The federation PKI, if configured.</summary>
    public FederationTrustAnchors? Anchors { get; }

    /// <summary>Evaluates every certificate <paramref name="party"/> registered for <paramref name="use"/>; never throws for a bad certificate.</summary>
    /// <param name="party">The party.</param>
    /// <param name="use"><see cref="KeyUse.Signing"/> or <see cref="KeyUse.Encryption"/>.</param>
    public TrustEvaluation Evaluate(PartyTrust party, KeyUse use)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (use == KeyUse.Unspecified)
        {
            throw new ArgumentException("Evaluate for signing or for encryption.", nameof(use));
        }

        var trusted = new List<X509Certificate2>();
        var rejected = new List<RejectedCertificate>();
        foreach (var registered in party.CertificatesFor(use).DistinctBy(c => FederationTrustAnchors.Thumbprint(c.Certificate)))
        {
            try
            {
                Check(party, registered.Certificate, use);
                trusted.Add(registered.Certificate);
            }
            catch (SamlException ex)
            {
                rejected.Add(new RejectedCertificate(registered.Certificate, ex));
            }
        }

        return new TrustEvaluation(party, use, trusted, rejected);
    }

    /// <summary>The keys to verify <paramref name="party"/>'s signatures with (for <c>XmlSignatureVerifier</c>), kept with the evaluation.</summary>
    /// <exception cref="SamlException">No registered signing certificate is trusted; the code says why.</exception>
    public TrustedKeySet SigningKeys(PartyTrust party) =>
        Kept(party, KeyUse.Signing).SigningKeys;

    /// <summary>The certificates to encrypt for <paramref name="party"/>, in registration order; use the first.</summary>
    /// <exception cref="SamlException">No registered encryption certificate is trusted; the code says why.</exception>
    public IReadOnlyList<X509Certificate2> EncryptionCertificates(PartyTrust party) =>
        Kept(party, KeyUse.Encryption).Certificates;

    /// <summary>
    /// The key to encrypt for <paramref name="party"/>: its first trusted encryption certificate's, parsed once per
    /// evaluation. The policy owns it: disposing it does nothing.
    /// </summary>
    /// <exception cref="SamlException">No registered encryption certificate is trusted, or its key cannot encrypt (not RSA, too short).</exception>
    public EncryptionRecipient EncryptionKey(PartyTrust party) =>
        Kept(party, KeyUse.Encryption).EncryptionKey;

    private Evaluated Kept(PartyTrust party, KeyUse use)
    {
        ArgumentNullException.ThrowIfNull(party);
        var evaluations = _kept.GetOrCreateValue(party);
        var now = TimeProvider.GetUtcNow();
        var kept = use == KeyUse.Signing ? evaluations.Signing : evaluations.Encryption;
        if (kept is not null && kept.IsCurrentAt(now))
        {
            return kept;
        }

        var trusted = Evaluate(party, use).RequireTrusted();
        var fresh = new Evaluated(party, use, trusted, now, KeptUntil(party, trusted, now));
        if (use == KeyUse.Signing)
        {
            evaluations.Signing = fresh;
        }
        else
        {
            evaluations.Encryption = fresh;
        }

        return fresh;
    }

    /// <summary>Until the period ends or, under PKIX (which checks dates), the first certificate of a chain expires.</summary>
    private DateTimeOffset KeptUntil(PartyTrust party, IReadOnlyList<X509Certificate2> trusted, DateTimeOffset now)
    {
        var until = now + ReevaluateAfter;
        if (party.Kind != TrustKind.Pkix)
        {
            return until;
        }

        var chains = Anchors is null ? trusted : trusted.Append(Anchors.Root).Concat(Anchors.Intermediates);
        foreach (var certificate in chains)
        {
            var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
            until = notAfter < until ? notAfter : until;
        }

        return until;
    }

    private void Check(PartyTrust party, X509Certificate2 certificate, KeyUse use)
    {
        switch (party.Kind)
        {
            case TrustKind.Pinned:
                KeyStrength.Require(certificate);
                break;
            case TrustKind.Pkix:
                (_pkix ?? throw new SamlException(SamlErrorCode.TrustNotConfigured)).Validate(certificate, party.Role, use);
                break;
            default:
                throw new SamlException(SamlErrorCode.TrustNotConfigured, "Unknown trust kind.");
        }
    }

    /// <summary>The evaluations kept for one party, one per use; replaced whole, so readers never see half of one.</summary>
    private sealed class Evaluations
    {
        public volatile Evaluated? Signing;

        public volatile Evaluated? Encryption;
    }

    /// <summary>One use's trusted certificates, and what is made from them once.</summary>
    private sealed class Evaluated(PartyTrust party, KeyUse use, IReadOnlyList<X509Certificate2> certificates, DateTimeOffset from, DateTimeOffset until)
    {
        private readonly Lazy<TrustedKeySet> _signingKeys = new(
            () => new TrustedKeySet(party.PartyId, [.. certificates.Select(TrustedSigningKey.FromCertificate)]), LazyThreadSafetyMode.PublicationOnly);

        private readonly Lazy<EncryptionRecipient> _encryptionKey = new(
            () => EncryptionRecipient.Kept(certificates[0]), LazyThreadSafetyMode.PublicationOnly);

        public IReadOnlyList<X509Certificate2> Certificates { get; } = certificates;

        public TrustedKeySet SigningKeys => use == KeyUse.Signing ? _signingKeys.Value : throw new InvalidOperationException("Not a signing evaluation.");

        public EncryptionRecipient EncryptionKey => use == KeyUse.Encryption ? _encryptionKey.Value : throw new InvalidOperationException("Not an encryption evaluation.");

        public bool IsCurrentAt(DateTimeOffset now) => from <= now && now < until;
    }
}
