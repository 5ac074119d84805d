using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey;

/// <summary>An IDP the citizen may choose, with the levels of assurance it is certified for.</summary>
public sealed record IdpOffer
{
    /// <summary>Creates the offer.</summary>
    /// <param name="idpId">The IDP's entity ID.</param>
    /// <param name="certifiedLevels">The levels it is certified for (LEVEL_X is not a level, so never among them).</param>
    public IdpOffer(string idpId, LevelOfAssuranceSet certifiedLevels)
    {
        IdpId = Guard.Identifier(idpId, nameof(idpId));
        CertifiedLevels = certifiedLevels ?? throw new ArgumentNullException(nameof(certifiedLevels));
    }

    /// <summary>The IDP's entity ID.</summary>
    public string IdpId { get; }

    /// <summary>The levels it is certified for.</summary>
    public LevelOfAssuranceSet CertifiedLevels { get; }
}
