namespace Verify.Hub.Journey.Model;

/// <summary>
/// The citizen's choice of identity provider, as the hub's choose-a-company form submits it, with the ID of the
/// authentication request the hub is about to send that IDP (its answer must be in response to it).
/// </summary>
public sealed record IdpSelection
{
    /// <summary>Creates the selection.</summary>
    /// <param name="idpId">The chosen IDP's entity ID.</param>
    /// <param name="intent">Signing in or registering, as the citizen said.</param>
    /// <param name="authnRequestId">The ID of the request the hub sends the IDP.</param>
    public IdpSelection(string idpId, JourneyIntent intent, string authnRequestId)
    {
        IdpId = Guard.Identifier(idpId, nameof(idpId));
        Intent = Guard.Defined(intent, nameof(intent));
        AuthnRequestId = Guard.Identifier(authnRequestId, nameof(authnRequestId));
    }

    /// <summary>The chosen IDP's entity ID.</summary>
    public string IdpId { get; }

    /// <summary>Signing in or registering.</summary>
    public JourneyIntent Intent { get; }

    /// <summary>The ID of the request the hub sends the IDP.</summary>
    public string AuthnRequestId { get; }
}
