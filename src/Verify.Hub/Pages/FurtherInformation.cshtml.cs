using Microsoft.AspNetCore.Mvc;

using Verify.Hub.Auditing;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Saml.Saml;

namespace Verify.Hub.Pages;

/// <summary>
/// Cycle 3 (ARCHITECTURE.md step 4): the matching service found no record from what the company verified, so the
/// citizen is asked for the one identifier the RP names (a National Insurance number, …). Its format is checked here
/// first: a value in the wrong format shows the error and sends nothing (no attempt used). A well-formed value is the
/// Cycle3DataSubmitted step, audited with the request, and the query goes out off this request; the citizen waits on
/// the waiting page. "I do not have it" posts to <see cref="HubPaths.ReturnToService"/>: Cycle3DataInputCancelled.
/// </summary>
public sealed class FurtherInformationModel(HubServices services) : HubPageModel(services)
{
    /// <summary>What the citizen typed (shown back only on this page, after a format error).</summary>
    [BindProperty]
    public string? Identifier { get; set; }

    /// <summary>The RP's cycle 3 attribute.</summary>
    public string Attribute { get; private set; } = "";

    /// <summary>True when the value was not in the attribute's format.</summary>
    public bool FormatError { get; private set; }

    /// <summary>How many values were checked already without a match (0 on the first visit).</summary>
    public int Attempts { get; private set; }

    /// <summary>How many more values the citizen may try, this one included.</summary>
    public int AttemptsLeft => Math.Max(0, Services.Options.Journey.MaxCycle3Attempts - Attempts);

    /// <summary>Asks for the identifier.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        return Awaiting() ? Page() : ToStatePage();
    }

    /// <summary>Checks the format, then sends the cycle 3 query.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        if (!Awaiting())
        {
            return ToStatePage();
        }

        if (!Cycle3Attributes.TryNormalise(Attribute, Identifier, out var value))
        {
            // The reason only: never the value.
            HubLog.FormRefused(Services.Logger, Request.Path, "cycle3-format");
            FormatError = true;
            Response.StatusCode = 400;
            return Page();
        }

        var journey = Journey!;
        var step = await Services.Journeys.StepAsync(
            journey,
            new JourneyStep(JourneyStepKind.Cycle3Submitted, "Cycle3DataSubmitted", j => Services.Journeys.Machine.Cycle3DataSubmitted(j, value, SamlIds.NewId())),
            cancellationToken).ConfigureAwait(false);
        switch (step.Status)
        {
            case StepStatus.Written:
                Services.Matching.Dispatch(step.Journey);
                return Redirect(HubPaths.Matching);
            case StepStatus.Gone:
                return NoSession();
            default:
                // A double submit (the other request sent the query) or a journey that moved on: show where it is.
                HubLog.StepConflict(Services.Logger, "Cycle3DataSubmitted", step.Journey.State.Name);
                Journey = step.Journey;
                return ToStatePage();
        }
    }

    private bool Awaiting()
    {
        if (Journey!.State is not AwaitingCycle3DataState awaiting || Journey.Rp.Matching?.Cycle3AttributeName is not { } attribute)
        {
            return false;
        }

        Attribute = attribute;
        Attempts = awaiting.Attempts;
        return true;
    }
}
