using System.Xml;

using Verify.MatchingService.Tests.Support;

namespace Verify.MatchingService.Tests.Soap;

/// <summary>
/// One log line per query, with the query ID and what happened, and no personal data (STYLE.md "Errors and logs"):
/// no PID, hashed PID, record ID, name, date of birth or postcode.
/// </summary>
public sealed class LogTests
{
    private static readonly int[] AnsweredThenRefused = [4201, 4202];

    [Test]
    public async Task MatchAndRefusal_EachWriteOneLineWithoutPersonalData()
    {
        var logs = new LogCapture();
        await using var host = await MatchingServiceHost.StartAsync(logs: logs);
        using var hub = new TestHub(host);
        var match = hub.Query();
        await hub.AskAsync(match);
        var refused = hub.Compose(hub.Query());
        refused.DocumentElement!.RemoveChild(refused.DocumentElement.ChildNodes.OfType<XmlElement>().Single(e => e.LocalName == "Signature"));
        var refusedId = refused.DocumentElement.GetAttribute("ID");
        await hub.SendAsync(refused);

        var lines = logs.Entries.Where(e => e.Category.StartsWith("Verify.MatchingService", StringComparison.Ordinal)).ToList();
        string[] personal = ["pid-robert-at-idp-one", Parties.HashedPid("pid-robert-at-idp-one"), "R-ROBERT", "Robert", "Smith", "1980", "LS1"];
        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => l.EventId.Id), Is.EqualTo(AnsweredThenRefused));
            Assert.That(lines[0].Message, Does.Contain(match.Id).And.Contain("match"));
            Assert.That(lines[1].Message, Does.Contain(refusedId).And.Contain("VS2001"));
            Assert.That(lines.SelectMany(_ => personal, (line, value) => (line.Message, value)).Where(p => p.Message.Contains(p.value, StringComparison.Ordinal)), Is.Empty);
        });
    }
}
