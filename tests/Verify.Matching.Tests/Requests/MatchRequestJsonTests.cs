using System.Text.Json;

using Verify.Matching.Engine;
using Verify.Matching.Requests;

namespace Verify.Matching.Tests.Requests;

/// <summary>The local-matching JSON of VERIFY-REFERENCE.md reads into <see cref="MatchRequest"/> and writes back in the same shape.</summary>
public sealed class MatchRequestJsonTests
{
    private const string VerifyShapedRequest = """
        {
          "matchId": "default-match-id",
          "levelOfAssurance": "LEVEL_2",
          "hashedPid": "5a1e0c0ffee",
          "matchingDataset": {
            "firstName": { "value": "Joe", "nonLatinScriptValue": "Джо", "verified": true, "from": "2010-01-20T00:00:00.000Z" },
            "middleNames": { "value": "Bob", "verified": true },
            "surnames": [ { "value": "Dou", "verified": true, "from": "2010-01-20", "to": "2018-01-01T00:00:00.000+01:00" } ],
            "gender": { "value": "NOT_SPECIFIED", "verified": true },
            "dateOfBirth": { "value": "1970-01-01", "verified": true },
            "addresses": [ { "lines": ["10 George Street"], "postCode": "GB1 2PF", "internationalPostCode": "GB1 2PF", "uprn": "7D68E096-5510-B3844C0BA3FD", "verified": true, "from": "2010-01-20T00:00:00.000Z" } ]
          },
          "cycle3Dataset": { "attributes": { "NationalInsuranceNumber": "AB 12 34 56 C" } },
          "somethingNewer": true
        }
        """;

    [Test]
    public void VerifyShapedRequest_ReadsEveryField()
    {
        var request = JsonSerializer.Deserialize<MatchRequest>(VerifyShapedRequest, MatchingJson.Requests)!;
        var dataset = request.MatchingDataset!;

        Assert.Multiple(() =>
        {
            Assert.That(request.MatchId, Is.EqualTo("default-match-id"));
            Assert.That(dataset.FirstName!.NonLatinScriptValue, Is.EqualTo("Джо"));
            Assert.That(dataset.FirstName.From, Is.EqualTo(new DateOnly(2010, 1, 20)));
            Assert.That(dataset.Surnames![0].To, Is.EqualTo(new DateOnly(2018, 1, 1)));
            Assert.That(dataset.Gender!.Value, Is.EqualTo(MdsGender.NotSpecified));
            Assert.That(dataset.DateOfBirth!.Value, Is.EqualTo(new DateOnly(1970, 1, 1)));
            Assert.That(dataset.Addresses![0].PostCode, Is.EqualTo("GB1 2PF"));
            Assert.That(request.Cycle3Dataset!.Attributes!["NationalInsuranceNumber"], Is.EqualTo("AB 12 34 56 C"));
        });
    }

    [Test]
    public void Request_WritesCamelCaseAndPlainDates()
    {
        var request = JsonSerializer.Deserialize<MatchRequest>(VerifyShapedRequest, MatchingJson.Requests)!;

        var json = JsonSerializer.Serialize(request, MatchingJson.Requests);

        Assert.That(json, Does.Contain("\"levelOfAssurance\":\"LEVEL_2\"").And.Contain("\"dateOfBirth\":{\"value\":\"1970-01-01\"").And.Contain("\"value\":\"NOT_SPECIFIED\""));
    }

    [TestCase("\"value\": \"01/01/1970\"")]
    [TestCase("\"value\": 19700101")]
    public void BadDateOfBirth_IsAJsonError(string dateOfBirth)
    {
        var json = VerifyShapedRequest.Replace("\"value\": \"1970-01-01\"", dateOfBirth, StringComparison.Ordinal);

        Assert.That(() => JsonSerializer.Deserialize<MatchRequest>(json, MatchingJson.Requests), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void Response_IsTheLocalMatchingShape()
    {
        var match = MatchResponse.From(new MatchResult(MatchOutcome.Match, MatchCycle.Cycle1, "R-1", 1));
        var multiple = MatchResponse.From(new MatchResult(MatchOutcome.MultipleCandidates, MatchCycle.Cycle1, null, 2));

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(match, MatchingJson.Requests), Is.EqualTo("{\"result\":\"match\",\"recordId\":\"R-1\"}"));
            Assert.That(JsonSerializer.Serialize(multiple, MatchingJson.Requests), Is.EqualTo("{\"result\":\"no-match\"}"));
        });
    }
}
