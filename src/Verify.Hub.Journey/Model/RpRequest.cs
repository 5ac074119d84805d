using System.Text.Json.Serialization;

using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Journey.Model;

/// <summary>
/// The relying party's validated request that starts a journey, protocol-neutral: who asked (the RP's entity ID
/// or OIDC client ID), the ID of its request (SAML AuthnRequest ID; for OIDC the hub's handle on the authorization
/// request), its RelayState or <c>state</c>, the levels it accepts and whether it uses matching. Built by the hub
/// from a validated message; the journey keeps it unchanged until the RP is answered.
/// </summary>
public sealed record RpRequest
{
    /// <summary>Most entries allowed in <see cref="ProtocolData"/>.</summary>
    public const int MaxProtocolDataEntries = 16;

    /// <summary>
    /// Longest RelayState or OIDC <c>state</c> kept: OpenIddict's client without a token store sends a self-contained
    /// state of about 3,500 characters, so 4 KB (a SAML RelayState is at most 80 bytes, checked by the binding).
    /// </summary>
    public const int MaxRelayStateLength = 4096;

    /// <summary>Creates the request.</summary>
    /// <param name="rpId">The RP's entity ID or client ID.</param>
    /// <param name="requestId">The RP's request ID; the answer's InResponseTo.</param>
    /// <param name="relayState">The RP's RelayState (SAML) or state (OIDC), returned unchanged; may be null.</param>
    /// <param name="acceptedLevels">The levels of assurance the RP accepts.</param>
    /// <param name="matching">The RP's matching configuration, or null for an RP that does not use matching.</param>
    /// <param name="protocolData">Values the protocol layer needs to answer (ACS URL, nonce…), opaque to the journey.</param>
    [JsonConstructor]
    public RpRequest(
        string rpId,
        string requestId,
        string? relayState,
        LevelOfAssuranceSet acceptedLevels,
        RpMatching? matching = null,
        IReadOnlyDictionary<string, string>? protocolData = null)
    {
        RpId = Guard.Identifier(rpId, nameof(rpId));
        RequestId = Guard.Identifier(requestId, nameof(requestId));
        RelayState = Guard.Optional(relayState, nameof(relayState), MaxRelayStateLength);
        AcceptedLevels = acceptedLevels ?? throw new ArgumentNullException(nameof(acceptedLevels));
        Matching = matching;
        protocolData ??= new Dictionary<string, string>();
        if (protocolData.Count > MaxProtocolDataEntries)
        {
            throw new ArgumentException($"More than {MaxProtocolDataEntries} entries.", nameof(protocolData));
        }

        ProtocolData = protocolData.ToDictionary(
            e => Guard.Identifier(e.Key, nameof(protocolData)),
            e => Guard.Optional(e.Value, nameof(protocolData), Guard.MaxIdentifierLength) ?? "",
            StringComparer.Ordinal);
    }

    /// <summary>The RP's entity ID (SAML) or client ID (OIDC).</summary>
    public string RpId { get; }

    /// <summary>The RP's request ID, which the answer is in response to.</summary>
    public string RequestId { get; }

    /// <summary>The RP's RelayState or OIDC state, or null.</summary>
    public string? RelayState { get; }

    /// <summary>The levels of assurance the RP accepts.</summary>
    public LevelOfAssuranceSet AcceptedLevels { get; }

    /// <summary>The RP's matching configuration; null when it does not use matching.</summary>
    public RpMatching? Matching { get; }

    /// <summary>True when the RP uses a matching service.</summary>
    [JsonIgnore]
    public bool UsesMatching => Matching is not null;

    /// <summary>Protocol-specific values (e.g. the ACS URL chosen from registration, an OIDC nonce); opaque here.</summary>
    public IReadOnlyDictionary<string, string> ProtocolData { get; }

    /// <inheritdoc/>
    public bool Equals(RpRequest? other) =>
        other is not null
        && (RpId, RequestId, RelayState) == (other.RpId, other.RequestId, other.RelayState)
        && AcceptedLevels.Equals(other.AcceptedLevels)
        && Equals(Matching, other.Matching)
        && ProtocolData.Count == other.ProtocolData.Count
        && ProtocolData.All(e => other.ProtocolData.TryGetValue(e.Key, out var v) && v == e.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RpId, RequestId);
}
