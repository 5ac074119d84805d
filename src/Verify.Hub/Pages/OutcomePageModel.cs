using Microsoft.AspNetCore.Mvc;

using Verify.Hub.Journey.States;

namespace Verify.Hub.Pages;

/// <summary>
/// A page for one unhappy end state, telling the citizen what happened and what to do next (VERIFY-REFERENCE.md:
/// 48% could verify; every unhappy outcome needs a next step). Shown only while the journey is in that state.
/// </summary>
/// <typeparam name="TState">The state the page belongs to.</typeparam>
public abstract class OutcomePageModel<TState>(HubServices services) : HubPageModel(services)
    where TState : JourneyState
{
    /// <summary>True when the citizen may choose a company again from this state ("try another company").</summary>
    public bool CanTryAnother => Journey?.State is AuthnFailedErrorState or FraudEventDetectedState or RequesterErrorState;

    /// <summary>Shows the page, or redirects to where the journey is.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        return Journey!.State is TState ? Page() : ToStatePage();
    }
}

/// <summary>AuthnFailedError: the company could not sign the citizen in.</summary>
public sealed class FailedModel(HubServices services) : OutcomePageModel<AuthnFailedErrorState>(services);

/// <summary>FraudEventDetected: the company could not verify the citizen; the page does not accuse anyone.</summary>
public sealed class NotVerifiedModel(HubServices services) : OutcomePageModel<FraudEventDetectedState>(services);

/// <summary>RequesterError: the company refused the hub's request.</summary>
public sealed class RequesterErrorModel(HubServices services) : OutcomePageModel<RequesterErrorState>(services);

/// <summary>PausedRegistration: the company needs more time.</summary>
public sealed class PendingModel(HubServices services) : OutcomePageModel<PausedRegistrationState>(services);

/// <summary>Timeout: the session expired.</summary>
public sealed class TimeoutModel(HubServices services) : OutcomePageModel<TimeoutState>(services);

/// <summary>NoMatch: the service could not find the citizen's record.</summary>
public sealed class NoMatchModel(HubServices services) : OutcomePageModel<NoMatchState>(services);

/// <summary>MatchingServiceRequestError: the service could not check the citizen's details (failed or too slow).</summary>
public sealed class MatchingErrorModel(HubServices services) : OutcomePageModel<MatchingServiceRequestErrorState>(services);

/// <summary>UserAccountCreationFailed: the service could not create an account for the citizen.</summary>
public sealed class AccountNotCreatedModel(HubServices services) : OutcomePageModel<UserAccountCreationFailedState>(services);
