namespace Verify.Hub.Journey.Model;

/// <summary>
/// What the citizen said on the start page: signing in with an existing identity account, or registering a new
/// one. It travels with the journey because Verify's transitions depend on it (an IDP cancel sends a registering
/// citizen to <c>AuthnFailedError</c> but a signing-in one back to <c>SessionStarted</c>) and because IDPs are
/// enabled separately for each (soft disconnect). Explicit numbers: stored.
/// </summary>
public enum JourneyIntent
{
    /// <summary>Signing in with an identity account the citizen already has.</summary>
    SignIn = 1,

    /// <summary>Registering a new identity account with the IDP.</summary>
    Registration = 2,
}
