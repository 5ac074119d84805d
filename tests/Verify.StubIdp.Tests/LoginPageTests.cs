using System.Net;

using Verify.StubIdp.Identities;
using Verify.StubIdp.Tests.Support;

namespace Verify.StubIdp.Tests;

/// <summary>The login page: what it offers, and what it refuses (altered, foreign, stale or answered requests, forged posts).</summary>
public sealed class LoginPageTests
{
    private StubIdpHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await StubIdpHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task LoginPage_OffersEverySeededIdentityAndEveryOutcome()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();

        var buttons = Html.Buttons(journey.LoginPageHtml);
        Assert.Multiple(() =>
        {
            Assert.That(Html.InputValues(journey.LoginPageHtml, "identity"), Is.EqualTo(SeededIdentities.All.Select(i => i.Key)));
            Assert.That(buttons.Select(b => b.Name), Is.All.EqualTo(StubOutcome.FieldName));
            Assert.That(buttons.Select(b => b.Value), Is.EqualTo(StubOutcome.All.Select(o => o.Value)));
            Assert.That(buttons.Select(b => b.Text), Is.EqualTo(StubOutcome.All.Select(o => o.Text)));
            Assert.That(journey.LoginPageHtml, Does.Contain("Stub IDP One"));
            Assert.That(journey.LoginPageHtml, Does.Contain("LEVEL_2 (minimum)"));
            Assert.That(journey.LoginPageHtml, Does.Contain(journey.RequestId));
        });
    }

    [Test]
    public async Task LoginPage_LabelsEveryRadioAndDescribesIt()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();
        var html = WebUtility.HtmlDecode(journey.LoginPageHtml);

        Assert.Multiple(() =>
        {
            for (var i = 0; i < SeededIdentities.All.Count; i++)
            {
                var id = i == 0 ? "identity" : $"identity-{i + 1}";
                Assert.That(html, Does.Contain($"for=\"{id}\">{SeededIdentities.All[i].DisplayName}</label>"));
                Assert.That(html, Does.Contain($"aria-describedby=\"{id}-hint\""));
                Assert.That(html, Does.Contain($"id=\"{id}-hint\""));
            }
        });
    }

    [Test]
    public async Task LoginPage_HasUniqueElementIds()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();

        var ids = System.Text.RegularExpressions.Regex.Matches(journey.LoginPageHtml, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value);

        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task LoginPost_WithAlteredPendingRequest_IsRefused()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();

        using var response = await journey.PressAsync("success-level2", "david-singh", fields =>
            fields["pending"] = fields["pending"][..^4] + (fields["pending"].EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));

        await AssertRefusedAsync(response, "altered");
    }

    [Test]
    public async Task LoginPost_OfAnotherIdpsRequest_IsRefused()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();
        var other = new Uri(_host.BaseUrl, "/stub-idp-two/login");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.InputValue(journey.LoginPageHtml, "__RequestVerificationToken")!,
            ["pending"] = Html.InputValue(journey.LoginPageHtml, "pending")!,
            ["outcome"] = "success-level2",
            ["identity"] = "david-singh",
        };

        using var response = await journey.Client.PostAsync(other, new FormUrlEncodedContent(fields));

        await AssertRefusedAsync(response, "another identity provider");
    }

    [Test]
    public async Task LoginPost_Twice_AnswersOnce()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();
        await journey.AnswerAsync("cancel");

        using var second = await journey.PressAsync("success-level2", "david-singh");

        await AssertRefusedAsync(second, "already been answered");
    }

    [Test]
    public async Task LoginPost_WithoutAntiforgeryToken_IsRefused()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();

        using var response = await journey.PressAsync("success-level2", "david-singh", fields => fields.Remove("__RequestVerificationToken"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Html.InputValue(html, "SAMLResponse"), Is.Null);
        });
    }

    [Test]
    public async Task LoginPost_WithUnknownOutcome_IsRefused()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();

        using var response = await journey.PressAsync("success-level9", "david-singh");

        await AssertRefusedAsync(response, "Choose one of the buttons");
    }

    [Test]
    public async Task LoginPost_SignInWithoutIdentity_AsksForOne()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();

        using var response = await journey.PressAsync("success-level2", identity: null);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("govuk-error-summary"));
            Assert.That(html, Does.Contain("Select a test identity"));
            Assert.That(Html.InputValue(html, "SAMLResponse"), Is.Null);
        });

        // The page still answers once an identity is chosen.
        journey = journey.WithPage(html);
        var answer = await journey.AnswerAsync("success-level1", "alex-morgan");
        Assert.That(answer.FormAction, Is.EqualTo(SampleHub.AcsUrl));
    }

    [Test]
    public async Task LoginGet_WithoutPendingRequest_IsRefused()
    {
        using var client = _host.NewClient();

        using var response = await client.GetAsync("/stub-idp-one/login");

        await AssertRefusedAsync(response, "no sign-in request");
    }

    [Test]
    public async Task LoginGet_ForUnknownIdp_IsNotFound()
    {
        using var client = _host.NewClient();

        using var response = await client.GetAsync("/stub-idp-nine/login?pending=x");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task LoginPost_AfterThePendingRequestExpired_IsRefused()
    {
        await using var host = await StubIdpHost.StartAsync();
        var journey = await new LoginJourney(host, "stub-idp-one").OpenLoginPageAsync();

        host.Clock.Advance(host.Options.PendingRequestLifetime + TimeSpan.FromSeconds(1));
        using var response = await journey.PressAsync("success-level2", "david-singh");

        await AssertRefusedAsync(response, "expired");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(html, Does.Contain(reason));
            Assert.That(Html.InputValue(html, "SAMLResponse"), Is.Null);
        });
    }
}
