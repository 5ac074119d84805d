using System.Text.Json.Serialization;

using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Journey.Model;

/// <summary>
/// The identity provider the journey went to: its entity ID, the request ID the hub sent it, the levels it was
/// certified for (for this RP) when the citizen chose it, and the level the hub asks it for. The certified levels
/// are a snapshot, as Verify's <c>IdpSelectedState</c> kept them, so the answer is judged against what the citizen
/// was offered.
/// </summary>
public sealed record SelectedIdp
{
    [JsonConstructor]
    internal SelectedIdp(string idpId, string authnRequestId, LevelOfAssuranceSet certifiedLevels, LevelOfAssurance requestedLevel)
    {
        IdpId = idpId;
        AuthnRequestId = authnRequestId;
        CertifiedLevels = certifiedLevels;
        RequestedLevel = requestedLevel;
    }

    /// <summary>The IDP's entity ID: the only issuer whose answer this journey accepts.</summary>
    public string IdpId { get; }

    /// <summary>The ID of the hub's request to the IDP: the answer's InResponseTo.</summary>
    public string AuthnRequestId { get; }

    /// <summary>The levels the IDP is certified for, offered for this RP, at selection time.</summary>
    public LevelOfAssuranceSet CertifiedLevels { get; }

    /// <summary>The level the hub asks the IDP for: the lowest level both the RP accepts and the IDP is certified for.</summary>
    public LevelOfAssurance RequestedLevel { get; }
}
