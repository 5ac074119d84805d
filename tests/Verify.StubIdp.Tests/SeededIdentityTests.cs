using System.Text.RegularExpressions;

using Verify.Saml.Saml;
using Verify.StubIdp.Identities;

namespace Verify.StubIdp.Tests;

/// <summary>The seeded identities are complete, varied and shaped as Verify's IDPs sent them; their PIDs behave.</summary>
public sealed partial class SeededIdentityTests
{
    /// <summary>The seeded keys, as test case names.</summary>
    public static IEnumerable<string> Keys => SeededIdentities.All.Select(i => i.Key);

    private static IReadOnlyList<TestIdentity> All => SeededIdentities.All;

    [Test]
    public void Seeds_AreAtLeastFourWithUniqueKeys()
    {
        Assert.Multiple(() =>
        {
            Assert.That(All, Has.Count.GreaterThanOrEqualTo(4));
            Assert.That(All.Select(i => i.Key), Is.Unique);
            Assert.That(All.Select(i => i.DisplayName), Is.Unique);
        });
    }

    [TestCaseSource(nameof(Keys))]
    public void Seed_HasAFullMatchingDataset(string key)
    {
        var identity = All.Single(i => i.Key == key);
        var dataset = identity.Dataset;
        Assert.Multiple(() =>
        {
            Assert.That(dataset.FirstNames, Is.Not.Empty);
            Assert.That(dataset.Surnames, Is.Not.Empty);
            Assert.That(dataset.Genders, Has.Count.EqualTo(1));
            Assert.That(dataset.DatesOfBirth, Has.Count.EqualTo(1));
            Assert.That(dataset.CurrentAddresses, Has.Count.EqualTo(1));
            Assert.That(dataset.CurrentAddresses[0].From, Is.Not.Null);
            Assert.That(dataset.CurrentAddresses[0].To, Is.Null);
            Assert.That(dataset.CurrentAddresses[0].PostCode, Does.Match(UkPostcode()));
            Assert.That(dataset.PreviousAddresses.Select(a => a.To), Has.None.Null);
        });
    }

    [TestCaseSource(nameof(Keys))]
    public void Seed_AccompaniesEveryUnverifiedValueWithAVerifiedOne(string key)
    {
        var identity = All.Single(i => i.Key == key);
        // VERIFY-REFERENCE.md: an unverified value is always accompanied by a verified one of the same kind.
        foreach (var attribute in identity.Dataset.ToAttributes())
        {
            var values = attribute.Values.OfType<MatchingDatasetValue>().ToList();
            Assert.That(values.Any(v => !v.Verified) ? values.Any(v => v.Verified) : true, Is.True, attribute.Name);
        }
    }

    [Test]
    public void Seeds_CoverWelshHyphenatedAccentedAndChangedNames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(All.SelectMany(i => i.Dataset.CurrentAddresses).Any(a => a.Lines.Any(l => l.Contains("Heol", StringComparison.Ordinal))), Is.True);
            Assert.That(All.SelectMany(i => i.Dataset.Surnames).Any(s => s.Value.Contains('-', StringComparison.Ordinal) && s.Value.Any(c => c > 127)), Is.True);
            Assert.That(All.Any(i => i.Dataset.Surnames.Count > 1), Is.True);
            Assert.That(All.Any(i => i.Dataset.PreviousAddresses.Count > 0), Is.True);
            Assert.That(All.Any(i => i.Dataset.MiddleNames.Count == 0), Is.True);
            Assert.That(All.SelectMany(i => i.Dataset.Genders).Select(g => g.Value).Distinct().Count(), Is.EqualTo(3));
        });
    }

    [Test]
    public void PersistentIds_AreStablePerIdpAndDistinctAcrossIdps()
    {
        var one = All.Select(i => PersistentIds.For("https://idp.test/stub-idp-one", i.Key)).ToList();
        var two = All.Select(i => PersistentIds.For("https://idp.test/stub-idp-two", i.Key)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(one.Concat(two), Is.Unique);
            Assert.That(one, Is.EqualTo(All.Select(i => PersistentIds.For("https://idp.test/stub-idp-one", i.Key))));
            Assert.That(one, Has.All.Matches<string>(pid => Guid.TryParse(pid, out _)));
        });
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")]
    private static partial Regex UkPostcode();
}
