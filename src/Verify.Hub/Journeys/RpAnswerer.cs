using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Identity;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Outcomes;
using Verify.Hub.Oidc.Provider.Journey;
using Verify.Hub.Saml;
using Verify.Saml.Bindings;
using Verify.Web.Saml;

namespace Verify.Hub.Journeys;

/// <summary>
/// Answers the RP once its journey has ended: the Response for the end state (<see cref="RpOutcomes"/>), to the ACS
/// chosen from registration when the journey started, with the RP's RelayState. The journey is deleted before the
/// answer is shown (compare-and-swap), so two requests cannot both answer, and no personal data outlives it. The
/// answer is audited (ResponseSentToRp) after the journey is removed and before the answer leaves the hub: when the
/// audit write fails, the RP is not answered.
/// </summary>
internal sealed class RpAnswerer(JourneyService journeys, RpResponseFactory responses, HubAudit audit, HubSecrets secrets, OidcAnswerForm oidc)
{
    /// <summary>
    /// Where the RP is answered, kept in the journey's RP request: the ACS URL chosen from registration (SAML), or a
    /// matching OIDC RP's redirect URI (ADR 0026); the matching service addresses its statement to it.
    /// </summary>
    public const string AcsKey = "acs";

    /// <summary>
    /// A matching OIDC RP's request as the matching service's statement names it (ADR 0026): a SAML ID made when the
    /// journey starts, as the request URI OpenIddict issues is not an <c>xs:NCName</c> (SAML Core 1.3.4).
    /// </summary>
    public const string MatchingRequestIdKey = "matching-request-id";

    /// <summary>The ID of the RP's request that the matching service's statement is in response to.</summary>
    public static string MatchingRequestId(JourneyRecord journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        return journey.Rp.ProtocolData.TryGetValue(MatchingRequestIdKey, out var id) ? id : journey.Rp.RequestId;
    }

    /// <summary>
    /// True when <paramref name="journey"/> has ended and this request can answer its RP there and then: a SAML RP (an
    /// OIDC RP is answered by the authorization endpoint, which reads the journey as stored).
    /// </summary>
    public static bool AnswersAtOnce(JourneyRecord journey, IHubDirectory directory) =>
        RpOutcomes.For(journey.State) is not null && directory.FindRelyingParty(journey.Rp.RpId) is { Oidc: null };

    /// <summary>The POST form to the RP, or null when another request already answered (or the journey is not over).</summary>
    public async Task<SamlPostForm?> AnswerAsync(JourneyRecord journey, IHubDirectory directory, CancellationToken cancellationToken)
    {
        if (RpOutcomes.For(journey.State) is not { } outcome)
        {
            return null;
        }

        var rp = directory.FindRelyingParty(journey.Rp.RpId)
            ?? throw new InvalidOperationException("The relying party is no longer registered.");

        // An OIDC RP (ADR 0021): the authorization endpoint finishes the journey and issues the code or the error.
        if (rp.Oidc is { } client)
        {
            return oidc.For(journey, client.RedirectUris);
        }

        var acs = journey.Rp.ProtocolData[AcsKey];
        var response = responses.Create(journey, outcome, rp, acs);
        if (!await journeys.FinishAsync(journey, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var pairwise = outcome.IsSuccess && VerifiedCitizen.Of(journey.State) is { } success
            ? secrets.PairwiseIdentifier(rp.EntityId, success.Idp.IdpId, success.Identity.PersistentId)
            : null;
        await audit.MatchingNoAnswerAsync(journey, cancellationToken).ConfigureAwait(false);
        await audit.ResponseSentToRpAsync(journey, outcome, pairwise, cancellationToken).ConfigureAwait(false);
        return new SamlPostForm(new Uri(acs), "SAMLResponse", PostBinding.Encode(response), journey.Rp.RelayState,
            "Returning you to the service");
    }
}
