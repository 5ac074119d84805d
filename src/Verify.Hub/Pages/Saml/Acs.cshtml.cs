using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Identity;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Hub.Matching;
using Verify.Hub.Saml;
using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Validation;
using Verify.Web.Saml;

namespace Verify.Hub.Pages.Saml;

/// <summary>
/// IDP → hub Response over HTTP-POST (ARCHITECTURE.md step 3). The journey comes from the ACS-path cookie; the
/// Response must answer the request the hub sent the selected IDP (RelayState and InResponseTo both bound to this
/// journey), signed by that IDP's registered key, for the hub, in time, not replayed, at an acceptable level. Each
/// outcome is its own step. A refused Response changes nothing. A success for a hub-asserted RP is answered at once.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class AcsModel(HubServices services) : IdpAnswerPageModel(services)
{

    /// <summary>A GET here is a bookmark or a back button: show where the journey is.</summary>
    public IActionResult OnGet() => Redirect(HubPaths.Continue);

    /// <summary>Takes the IDP's answer.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await WaitingJourneyAsync(JourneyCookies.Acs, cancellationToken).ConfigureAwait(false) is not { } waiting)
        {
            return Instead;
        }

        var (journey, selected) = waiting;

        var directory = await Services.Directory.GetAsync(cancellationToken).ConfigureAwait(false);
        Valid<IdpResponse> valid;
        try
        {
            var message = PostBinding.Decode(await FormFields.ReadAsync(Request, cancellationToken).ConfigureAwait(false));
            if (message.Kind != SamlMessageKind.Response)
            {
                throw new SamlException(SamlErrorCode.BindingMessageTypeMismatch);
            }

            // The RelayState the hub sent with this journey's request; an answer without it belongs to no journey of ours.
            if (!Services.Secrets.IsIdpRelayState(message.RelayState, journey.Id, selected.Idp.AuthnRequestId))
            {
                throw new SamlException(SamlErrorCode.ProtocolInResponseToMismatch, "RelayState does not belong to this journey.");
            }

            var idp = directory.FindIdentityProvider(selected.Idp.IdpId) ?? throw new SamlException(SamlErrorCode.ProtocolIssuerUnknown);
            valid = await Services.IdpResponses.ValidateAsync(message.Document, new ExpectedResponse
            {
                // Hub profile: the issuer is the IDP the citizen selected, checked with that IDP's registered keys.
                Issuer = idp.EntityId,
                IssuerKeys = Services.Trust.SigningKeys(idp.Trust),
                Destination = Services.Endpoints.AssertionConsumer.AbsoluteUri,
                Audience = Services.Options.EntityId,
                InResponseTo = selected.Idp.AuthnRequestId,
                DecryptionKeys = Services.DecryptionKeys,
                Shape = ResponseShape.VerifyIdp,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (SamlException refused)
        {
            return await RefuseAsync(refused, journey, cancellationToken).ConfigureAwait(false);
        }

        var answer = valid.Value;
        var inbound = new InboundResponse(answer.Issuer, selected.Idp.AuthnRequestId);
        JourneyStep step;
        try
        {
            // Everything that can refuse the message is evaluated here, before the journey step. For a matching RP the
            // IDP's assertions are kept, sealed for the hub, to go to the matching service exactly as the IDP signed them.
            var matching = journey.Rp.UsesMatching;
            var identity = answer.Outcome == IdpOutcome.Success ? Identity(answer, matching ? Services.SealedAssertions : null) : null;
            var pairwiseId = identity is null
                ? null
                : directory.FindRelyingParty(journey.Rp.RpId) is { } rp
                    ? Services.Secrets.PairwiseIdentifier(rp.EntityId, selected.Idp.IdpId, identity.PersistentId)
                    : throw new SamlException(SamlErrorCode.ProtocolIssuerUnknown, "The journey's relying party is no longer registered.");
            var fraud = answer.Outcome == IdpOutcome.Fraud ? Fraud(answer) : null;
            if (!Enum.IsDefined(answer.Outcome))
            {
                throw new SamlException(SamlErrorCode.ProtocolStatusUnrecognised);
            }

            step = IdpAnswerSteps.For(Services.Journeys.Machine, answer.Outcome, inbound, identity, pairwiseId, fraud, matching ? SamlIds.NewId() : null);
        }
        catch (SamlException refused)
        {
            return await RefuseAsync(refused, journey, cancellationToken).ConfigureAwait(false);
        }

        return await ApplyAsync(journey, step, directory, cancellationToken).ConfigureAwait(false);
    }

    private static IdpIdentity Identity(IdpResponse answer, SealedAssertions? evidence)
    {
        // ARCHITECTURE.md "Levels of assurance": the level must be one of LEVEL_1..4; levelX never reaches here as a
        // success (the validator makes it a fraud outcome), and an unknown URI is refused.
        if (!LevelOfAssurance.TryFromAuthnContext(answer.AuthnContextClassRef, out var level))
        {
            throw new SamlException(SamlErrorCode.ProtocolAuthnContextMissing);
        }

        var dataset = answer.MatchingDataset ?? throw new SamlException(SamlErrorCode.ProtocolMatchingDatasetInvalid);
        var sealedAssertions = evidence?.Seal([
            answer.AuthnAssertion?.Source ?? throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected),
            answer.MatchingDatasetAssertion?.Source ?? throw new SamlException(SamlErrorCode.ProtocolMatchingDatasetInvalid),
        ]);
        return new IdpIdentity(answer.NameId!.Value, level, VerifiedIdentity.From(dataset).ToJson(), sealedAssertions);
    }

    private static FraudEvent Fraud(IdpResponse answer)
    {
        // VERIFY-REFERENCE.md: a fraud answer is levelX plus FECI_IDPFraudEventID and FECI_GPG45Status; levelX without
        // them is not a fraud report the hub can act on.
        if (answer.FraudEventId is not { Length: > 0 } eventId || answer.Gpg45Status is not { } status)
        {
            throw new SamlException(SamlErrorCode.MessageMissingElement, "A levelX answer must carry the fraud indicators.");
        }

        return new FraudEvent(eventId, status.ToString());
    }

    private async Task<PageResult> RefuseAsync(SamlException refused, JourneyRecord journey, CancellationToken cancellationToken)
    {
        HubLog.IdpResponseRefused(Services.Logger, SamlErrors.IdOf(refused.Code));
        await Services.Audit.IdpResponseRefusedAsync(journey, SamlErrors.IdOf(refused.Code), null, null, cancellationToken).ConfigureAwait(false);
        Refusal = SamlErrors.Describe(refused.Code);
        Response.StatusCode = 400;
        return Page();
    }
}
