namespace Verify.LoadBenchmark;

/// <summary>
/// One complete journey, request by request, as a citizen's browser makes it (the auto-submitting SAML forms submitted
/// as the page's script would): test RP → hub → stub IDP → hub → test RP. Each request is a hop with its own label;
/// anything but the expected answer ends the journey with a <see cref="JourneyFailure"/>.
/// </summary>
internal static class CitizenJourney
{
    /// <summary>The hops in journey order; those starting "hub-" are the hub's six requests.</summary>
    public static readonly IReadOnlyList<string> Hops =
    [
        "rp-home", "rp-start", "hub-sso", "hub-start", "hub-intent", "hub-choose-page", "hub-choose",
        "idp-authn", "idp-login", "idp-answer", "hub-acs", "rp-acs",
    ];

    public const string Success = "You have proved your identity";

    public static async Task RunAsync(VirtualBrowser browser, Uri rp)
    {
        // The service's start page, and its "Prove your identity" button (antiforgery, HTTP-POST binding).
        var home = await browser.GetAsync("rp-home", rp).ConfigureAwait(false);
        var toHub = await browser.SubmitAsync("rp-start", home.Form($"form[action=\"{Verify.TestRp.TestRpPaths.StartJourney}\"]")).ConfigureAwait(false);

        // The RP's AuthnRequest, auto-posted to the hub: a journey starts, then the hub's start page.
        var sso = await browser.SubmitAsync("hub-sso", toHub.Form("#saml-post").Require("SAMLRequest")).ConfigureAwait(false);
        var start = await browser.GetAsync("hub-start", sso.RedirectTarget()).ConfigureAwait(false);
        var intent = await browser.SubmitAsync("hub-intent", start.Form().Choose("Intent", "registration")).ConfigureAwait(false);
        var choose = await browser.GetAsync("hub-choose-page", intent.RedirectTarget()).ConfigureAwait(false);
        var toIdp = await browser.SubmitAsync("hub-choose", choose.Form().Choose("Idp", BenchFederation.IdpEntityId)).ConfigureAwait(false);

        // The hub's AuthnRequest, auto-posted to the stub IDP; its login page; a LEVEL_2 sign-in.
        var authn = await browser.SubmitAsync("idp-authn", toIdp.Form("#saml-post").Require("SAMLRequest").Require("RelayState")).ConfigureAwait(false);
        var login = await browser.GetAsync("idp-login", authn.RedirectTarget()).ConfigureAwait(false);
        var toAcs = await browser.SubmitAsync("idp-answer", login.Form().Press("outcome", "success-level2")).ConfigureAwait(false);

        // The IDP's Response, auto-posted to the hub's ACS; the hub's Response, auto-posted to the RP's ACS.
        var answered = await browser.SubmitAsync("hub-acs", toAcs.Form("#saml-post").Require("SAMLResponse")).ConfigureAwait(false);
        var outcome = await browser.SubmitAsync("rp-acs", answered.Form("#saml-post").Require("SAMLResponse")).ConfigureAwait(false);
        if (outcome.Status != System.Net.HttpStatusCode.OK || outcome.Heading() != Success)
        {
            throw outcome.Unexpected($"'{Success}'");
        }
    }
}
