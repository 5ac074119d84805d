using Verify.Hub.Journey.Assurance;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// A validated ID token, read as the journey needs it: a success (subject, level, matching dataset) or a fraud report
/// (<c>levelX</c> with its indicators). Only <see cref="IdTokenValidator"/> makes one (STYLE.md: fail closed).
/// </summary>
public sealed class OidcIdpAnswer
{
    internal OidcIdpAnswer(
        string subject, LevelOfAssurance? level, MatchingDataset? dataset, string? fraudEventId, Gpg45Status? gpg45Status, IReadOnlyList<MatchingQueryVouchedClaim>? vouchedByHub = null)
    {
        VouchedByHub = vouchedByHub ?? [];
        Subject = subject;
        Level = level;
        Dataset = dataset;
        FraudEventId = fraudEventId;
        Gpg45Status = gpg45Status;
    }

    /// <summary>The IDP's subject identifier: the persistent ID of the citizen at that IDP.</summary>
    public string Subject { get; }

    /// <summary>Whether this is a fraud report rather than a success.</summary>
    public bool IsFraud => Gpg45Status is not null;

    /// <summary>The level reached (a success); null for fraud.</summary>
    public LevelOfAssurance? Level { get; }

    /// <summary>The matching dataset (a success); null for fraud.</summary>
    public MatchingDataset? Dataset { get; }

    /// <summary>The identity claims of <see cref="Dataset"/> taken from userinfo, not the ID token: the hub vouches for them (ADR 0025 addendum).</summary>
    public IReadOnlyList<MatchingQueryVouchedClaim> VouchedByHub { get; }

    /// <summary>The IDP's fraud event ID (fraud).</summary>
    public string? FraudEventId { get; }

    /// <summary>The GPG 45 fraud indicator (fraud).</summary>
    public Gpg45Status? Gpg45Status { get; }
}
