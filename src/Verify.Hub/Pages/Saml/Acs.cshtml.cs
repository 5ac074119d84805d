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
public sealed class AcsModel(HubServices services) : HubPageModel(services)
{
    private const string AuthnFailedStatus = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
    private const string NoAuthnContextStatus = "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext";
    private const string NoJourneyError = "NoJourney";
    private const string RequesterStatus = "urn:oasis:names:tc:SAML:2.0:status:Requester";

    /// <summary>The refusal shown to the citizen, when there is one.</summary>
    public SamlError? Refusal { get; private set; }

    /// <summary>The form to the RP, when the journey ended in success.</summary>
    public SamlPostForm? PostForm { get; private set; }

    /// <summary>A GET here is a bookmark or a back button: show where the journey is.</summary>
    public IActionResult OnGet() => Redirect(HubPaths.Continue);

    /// <summary>Takes the IDP's answer.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await WithinLimitsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            return Page();
        }

        var journey = await Services.Journeys.FindAsync(Request, JourneyCookies.Acs, cancellationToken).ConfigureAwait(false);
        if (journey is null)
        {
            // An answer that belongs to no journey of this browser's: refused (and audited) without reading it further.
            HubLog.NoJourney(Services.Logger, Request.Path);
            await Services.Audit.IdpResponseRefusedAsync(null, NoJourneyError, null, null, cancellationToken).ConfigureAwait(false);
            return Redirect(HubPaths.NoSession);
        }

        Journey = journey;
        if (journey.State is not IdpSelectedState selected)
        {
            // Timed out, or already answered by a parallel POST of the same Response: nothing to take.
            return ToStatePage();
        }

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
        var machine = Services.Journeys.Machine;
        JourneyStep step;
        try
        {
            // Everything that can refuse the message is evaluated here, before the journey step. For a matching RP the
            // IDP's assertions are kept, sealed for the hub, to go to the matching service exactly as the IDP signed them.
            var matching = journey.Rp.UsesMatching;
            var identity = answer.Outcome == IdpOutcome.Success ? Identity(answer, matching ? Services.SealedAssertions : null) : null;
            var matchRequestId = matching ? SamlIds.NewId() : null;
            var fraud = answer.Outcome == IdpOutcome.Fraud ? Fraud(answer) : null;
            var name = "Idp" + answer.Outcome;
            step = answer.Outcome switch
            {
                IdpOutcome.Success => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpAuthnSucceeded(j, inbound, identity!, matchRequestId))
                {
                    IdpOutcome = IdpStepOutcome.Succeeded,
                    PairwiseId = directory.FindRelyingParty(journey.Rp.RpId) is { } rp
                        ? Services.Secrets.PairwiseIdentifier(rp.EntityId, selected.Idp.IdpId, identity!.PersistentId)
                        : throw new SamlException(SamlErrorCode.ProtocolIssuerUnknown, "The journey's relying party is no longer registered."),
                },
                IdpOutcome.Fraud => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpFraudDetected(j, inbound, fraud!))
                {
                    IdpOutcome = IdpStepOutcome.Fraud,
                    FraudEventId = fraud!.IdpFraudEventId,
                    Gpg45Status = fraud.Gpg45Status,
                },
                IdpOutcome.Cancelled => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpAuthnCancelled(j, inbound))
                {
                    IdpOutcome = IdpStepOutcome.Cancelled,
                },
                IdpOutcome.NoAuthnContext => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpNoAuthnContext(j, inbound))
                {
                    IdpOutcome = IdpStepOutcome.AuthnFailed,
                    StatusCode = NoAuthnContextStatus,
                },
                IdpOutcome.UpliftFailed => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpUpliftFailed(j, inbound))
                {
                    IdpOutcome = IdpStepOutcome.UpliftFailed,
                },
                IdpOutcome.AuthnFailed => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpAuthnFailed(j, inbound))
                {
                    IdpOutcome = IdpStepOutcome.AuthnFailed,
                    StatusCode = AuthnFailedStatus,
                },
                IdpOutcome.RequesterError => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpRequesterError(j, inbound))
                {
                    IdpOutcome = IdpStepOutcome.RequesterError,
                    StatusCode = RequesterStatus,
                },
                IdpOutcome.Pending => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpAuthnPending(j, inbound))
                {
                    IdpOutcome = IdpStepOutcome.Pending,
                },
                _ => throw new SamlException(SamlErrorCode.ProtocolStatusUnrecognised),
            };
        }
        catch (SamlException refused)
        {
            return await RefuseAsync(refused, journey, cancellationToken).ConfigureAwait(false);
        }

        var result = await Services.Journeys.StepAsync(journey, step, cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case StepStatus.Written:
                break;
            case StepStatus.Refused:
                // A valid message the journey's rules refuse (e.g. a level the RP does not accept): nothing changes.
                HubLog.StepRefused(Services.Logger, answer.Outcome.ToString(), journey.State.Name, result.Refusal!.Message);
                return RefuseRule();
            case StepStatus.Gone:
                return Redirect(HubPaths.NoSession);
            default:
                HubLog.StepConflict(Services.Logger, answer.Outcome.ToString(), result.Journey.State.Name);
                Journey = result.Journey;
                return ToStatePage();
        }

        Journey = result.Journey;

        // Matching RPs: the query goes out off this request; the citizen waits on a page any node can serve.
        Services.Matching.Dispatch(Journey);
        if (Journey.State is NonMatchingJourneySuccessState)
        {
            PostForm = await Services.Answerer.AnswerAsync(Journey, directory, cancellationToken).ConfigureAwait(false);
            if (PostForm is not null)
            {
                HubLog.RpAnswered(Services.Logger, Journey.Rp.RpId, "success");
                JourneyCookies.Clear(Response, Services.Endpoints.IsHttps);
                return Page();
            }
        }

        return ToStatePage();
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

    private PageResult RefuseRule()
    {
        Refusal = new SamlError(SamlErrorCode.None, "The company's answer does not meet this service's rules.");
        Response.StatusCode = 400;
        return Page();
    }
}
