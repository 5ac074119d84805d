using System.Text.RegularExpressions;

using Verify.EndToEnd.Tests.Support;

namespace Verify.EndToEnd.Tests;

/// <summary>
/// The pages work without JavaScript (ARCHITECTURE.md): every SAML HTTP-POST binding page, which normally submits
/// itself, shows a Continue button the citizen selects. The hub's own binding pages are checked with axe here, since
/// with JavaScript they are gone before anyone could look. In Welsh too: the language link is a plain GET, and the
/// hub's answer to the IDP's cross-site POST (the page returning the citizen to the service) is in Welsh.
/// </summary>
[TestFixture(PageLanguage.English)]
[TestFixture(PageLanguage.Welsh)]
public sealed partial class NoJavaScriptTests(PageLanguage language) : BrowserTest
{
    /// <inheritdoc/>
    protected override bool JavaScriptEnabled => false;

    /// <inheritdoc/>
    protected override PageLanguage Language => language;

    [Test]
    public async Task Registering_WithoutJavaScript_TheServiceSeesTheVerifiedIdentity()
    {
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);
        await Citizen.ChooseCompanyAsync("Stub IDP One");
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", "Zoë Amélie Fernández-Hughes");
        var outcome = await Citizen.PassThroughHubToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.True);
            Assert.That(outcome.Level, Is.EqualTo("LEVEL_2"));
            Assert.That(outcome.PairwiseId, Does.Match(PairwiseIdPattern()));
            Assert.That(outcome.Attributes.GetValueOrDefault("givenName"), Is.EqualTo("Zoë"));
        }
    }

    [Test]
    public async Task GoingBackToTheService_WithoutJavaScript_TheServiceHearsTheFailure()
    {
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);
        await Citizen.ChooseCompanyAsync("Stub IDP One");
        await Citizen.AnswerAtIdpAsync("Authentication failed");
        await Citizen.ExpectHubPageAsync("/failed", Citizen.Texts.FailedHeading);

        var outcome = await Citizen.GoBackToServiceAsync();

        Assert.That(outcome.Proved, Is.False);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex PairwiseIdPattern();
}
