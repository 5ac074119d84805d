using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.IdentityModel.JsonWebTokens;

using Verify.Saml.Saml;

namespace Verify.Saml.Tests.Model;

/// <summary>
/// The matching dataset of an OIDC IDP's ID token (ADR 0022 "Claims"), read alike by the hub and the matching service:
/// <c>verify_mds</c> first, else the OIDC Core 5.1 standard claims; each refusal names its reason.
/// </summary>
public sealed class MatchingDatasetClaimsTests
{
    private const string Mds = """
        {
          "firstNames": [{ "value": "Sarah", "verified": true }],
          "surnames": [{ "value": "Thompson", "from": "2014-07-19", "verified": true },
                       { "value": "Clarke", "from": "1985-03-12", "to": "2014-07-18", "verified": false }],
          "datesOfBirth": [{ "value": "1985-03-12", "verified": true }],
          "genders": [{ "value": "Female", "verified": true }]
        }
        """;

    [Test]
    public void TryRead_PrefersVerifyMds_KeepingHistoryAndVerifiedFlags()
    {
        var read = MatchingDatasetClaims.TryRead(Token(c => c[MatchingDatasetClaims.MatchingDatasetClaim] = JsonNode.Parse(Mds)), out var dataset, out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.True);
            Assert.That(problem, Is.EqualTo(MatchingDatasetClaimsProblem.None));
            Assert.That(dataset!.Surnames.Select(s => (s.Value, s.From, s.To, s.Verified)), Is.EqualTo(new[]
            {
                ("Thompson", (DateOnly?)new DateOnly(2014, 7, 19), (DateOnly?)null, true),
                ("Clarke", new DateOnly(1985, 3, 12), new DateOnly(2014, 7, 18), false),
            }));
            Assert.That(dataset.Genders.Single().Value, Is.EqualTo(Gender.Female));
            // The standard claims beside verify_mds are not read.
            Assert.That(dataset.FirstNames.Single().Value, Is.EqualTo("Sarah"));
            Assert.That(dataset.MiddleNames, Is.Empty);
        });
    }

    [Test]
    public void TryRead_WithoutVerifyMds_TakesTheStandardClaimsAsCurrentVerifiedValues()
    {
        var read = MatchingDatasetClaims.TryRead(Token(c =>
        {
            c["middle_name"] = "Jane";
            c["gender"] = "male";
        }), out var dataset, out _);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.True);
            Assert.That(dataset!.FirstNames.Single(), Is.EqualTo(new PersonNameValue { Value = "Sarah", Verified = true }));
            Assert.That(dataset.MiddleNames.Single().Value, Is.EqualTo("Jane"));
            Assert.That(dataset.Surnames.Single().Value, Is.EqualTo("Thompson"));
            Assert.That(dataset.DatesOfBirth.Single(), Is.EqualTo(new DateValue { Value = new DateOnly(1985, 3, 12), Verified = true }));
            Assert.That(dataset.Genders.Single(), Is.EqualTo(new GenderValue { Value = Gender.Male, Verified = true }));
            Assert.That(dataset.CurrentAddresses, Is.Empty);
        });
    }

    [TestCase("female", Gender.Female)]
    [TestCase("Female", null)]
    [TestCase("other", null)]
    public void TryRead_StandardGender_IsFemaleMaleOrNone(string claim, Gender? expected)
    {
        MatchingDatasetClaims.TryRead(Token(c => c["gender"] = claim), out var dataset, out _);

        Assert.That(dataset!.Genders.Select(g => (Gender?)g.Value), Is.EqualTo(expected is { } gender ? new[] { gender } : Array.Empty<Gender?>()));
    }

    [TestCase("verify_mds not an object", true)]
    [TestCase("blank middle name", true)]
    [TestCase("over-long middle name", true)]
    [TestCase("no given name", false)]
    [TestCase("blank family name", false)]
    [TestCase("over-long given name", false)]
    [TestCase("no birthdate", false)]
    [TestCase("verify_mds without a date of birth", false)]
    public void TryRead_RequiresFirstNameSurnameAndDateOfBirth(string mutation, bool usable)
    {
        var token = Token(c =>
        {
            switch (mutation)
            {
                case "verify_mds not an object": c[MatchingDatasetClaims.MatchingDatasetClaim] = "Sarah Thompson"; break;
                case "blank middle name": c["middle_name"] = "  "; break;
                case "over-long middle name": c["middle_name"] = new string('a', MatchingDatasetClaims.MaxClaimLength + 1); break;
                case "no given name": c.Remove("given_name"); break;
                case "blank family name": c["family_name"] = " "; break;
                case "over-long given name": c["given_name"] = new string('a', MatchingDatasetClaims.MaxClaimLength + 1); break;
                case "no birthdate": c.Remove("birthdate"); break;
                default: c[MatchingDatasetClaims.MatchingDatasetClaim] = JsonNode.Parse("""{"firstNames":[{"value":"Sarah"}],"surnames":[{"value":"Thompson"}]}"""); break;
            }
        });

        var read = MatchingDatasetClaims.TryRead(token, out var dataset, out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(usable));
            Assert.That(dataset is not null, Is.EqualTo(usable));
            Assert.That(problem, Is.EqualTo(usable ? MatchingDatasetClaimsProblem.None : MatchingDatasetClaimsProblem.Incomplete));
        });
    }

    [Test]
    public void TryRead_TakesAStandardClaimOfExactlyTheLimit()
    {
        var name = new string('a', MatchingDatasetClaims.MaxClaimLength);

        MatchingDatasetClaims.TryRead(Token(c => c["given_name"] = name), out var dataset, out _);

        Assert.That(dataset!.FirstNames.Single().Value, Is.EqualTo(name));
    }

    [TestCase("12/03/1985")]
    [TestCase("1985-02-30")]
    public void TryRead_RefusesABirthdateNotInYyyyMmDd_AsUnreadable(string birthdate) =>
        AssertUnreadable(Token(c => c["birthdate"] = birthdate));

    [TestCase("""{"firstNames":"Sarah"}""")]
    [TestCase("""{"genders":[{"value":"Robot"}]}""")]
    [TestCase("""{"datesOfBirth":[{"value":"yesterday"}]}""")]
    public void TryRead_RefusesAVerifyMdsOfTheWrongShape_AsUnreadable(string mds) =>
        AssertUnreadable(Token(c => c[MatchingDatasetClaims.MatchingDatasetClaim] = JsonNode.Parse(mds)));

    // An unknown member is skipped, but skipping still reads it: nesting beyond depth 8 is refused, not walked.
    [TestCase(2, true)]
    [TestCase(10, false)]
    public void TryRead_BoundsTheNestingOfVerifyMds(int depth, bool usable)
    {
        var mds = """{"firstNames":[{"value":"Sarah"}],"surnames":[{"value":"Thompson"}],"datesOfBirth":[{"value":"1985-03-12"}],"extra":"""
            + new string('[', depth) + new string(']', depth) + "}";

        var read = MatchingDatasetClaims.TryRead(Token(c => c[MatchingDatasetClaims.MatchingDatasetClaim] = JsonNode.Parse(mds)), out _, out var problem);

        Assert.That((read, problem), Is.EqualTo((usable, usable ? MatchingDatasetClaimsProblem.None : MatchingDatasetClaimsProblem.Unreadable)));
    }

    private static void AssertUnreadable(JsonWebToken token)
    {
        var read = MatchingDatasetClaims.TryRead(token, out var dataset, out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(dataset, Is.Null);
            Assert.That(problem, Is.EqualTo(MatchingDatasetClaimsProblem.Unreadable));
        });
    }

    // The reader takes claims only (the callers check the signature first), so an unsigned token is enough here.
    private static JsonWebToken Token(Action<JsonObject> mutate)
    {
        var claims = new JsonObject
        {
            ["iss"] = "https://idp.test",
            ["sub"] = "pid-1234",
            ["given_name"] = "Sarah",
            ["family_name"] = "Thompson",
            ["birthdate"] = "1985-03-12",
        };
        mutate(claims);
        return new JsonWebToken("""{"alg":"none","typ":"JWT"}""", claims.ToJsonString(JsonSerializerOptions.Default));
    }
}
