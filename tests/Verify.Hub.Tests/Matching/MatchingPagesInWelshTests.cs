using System.Net;

using Verify.Hub.Journey.Model;
using Verify.Hub.Tests.Localisation;
using Verify.Hub.Tests.Matching.Support;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Matching;

/// <summary>The matching journey's pages in Welsh (ADR 0015), with none of the hub's English texts left on them.</summary>
public sealed class MatchingPagesInWelshTests
{
    [Test]
    public async Task WaitingPage_InWelsh()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await MatchingHarness.StartAsync(matching: inner => new GatedMatching(inner, gate.Task));
        WelshPagesTests.ChooseWelsh(harness.Hub);
        try
        {
            await MatchingFlow.ToMatchingAsync(harness);

            var document = await WelshPagesTests.ExpectWelshAsync(await harness.Hub.Client.GetAsync(HubPaths.Matching), "Rydym yn gwirio eich manylion");

            Assert.That(document.QuerySelector("form[method='get'] button")!.TextContent, Is.EqualTo("Parhau"));
        }
        finally
        {
            gate.TrySetResult();
        }
    }

    [Test]
    public async Task Cycle3Page_AndItsError_InWelsh()
    {
        await using var harness = await MatchingHarness.StartAsync(records: People.Robert, cycle3: Cycle3Attributes.NationalInsuranceNumber);
        WelshPagesTests.ChooseWelsh(harness.Hub);
        await MatchingFlow.ToMatchingAsync(harness);
        var asked = await MatchingFlow.SettleAsync(harness);

        var page = await WelshPagesTests.ExpectWelshAsync(asked, "Beth yw eich rhif Yswiriant Gwladol?");
        var refused = await WelshPagesTests.ExpectWelshAsync(
            await harness.Hub.Client.SubmitAsync(asked, "#identifier-form", ("Identifier", "12345")), "Beth yw eich rhif Yswiriant Gwladol?", HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("#cancel")!.TextContent, Is.EqualTo("Canslo a mynd yn ôl i Test service"));
            Assert.That(refused.Title, Does.StartWith("Gwall: "));
            Assert.That(refused.QuerySelector(".govuk-error-summary a")!.TextContent, Is.EqualTo("Rhowch rif Yswiriant Gwladol yn y fformat cywir"));
        });
    }

    [TestCase("no-match", "Nid oeddem yn gallu dod o hyd i'ch cofnod")]
    [TestCase("down", "Mae'n ddrwg gennym, nid oeddem yn gallu gwirio eich manylion")]
    [TestCase("create-failure", "Nid oeddem yn gallu creu eich cyfrif")]
    public async Task OutcomePages_InWelsh(string outcome, string heading)
    {
        await using var harness = outcome switch
        {
            "no-match" => await MatchingHarness.StartAsync(records: People.Robert),
            "down" => await MatchingHarness.StartAsync(down: true),
            _ => await MatchingHarness.StartAsync(records: "", accountCreation: ["firstname"], matching: inner => new NoAccountCreation(inner)),
        };
        WelshPagesTests.ChooseWelsh(harness.Hub);
        await MatchingFlow.ToMatchingAsync(harness);

        var document = await WelshPagesTests.ExpectWelshAsync(await MatchingFlow.SettleAsync(harness), heading);

        Assert.That(document.QuerySelector("form[action='/return-to-service'] button")!.TextContent, Is.EqualTo("Mynd yn ôl i Test service"));
    }
}
