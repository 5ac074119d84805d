using System.Security.Cryptography;
using System.Text;

using Verify.Audit.Tests.Support;

namespace Verify.Audit.Tests.Events;

/// <summary>The hasher: HMAC-SHA256 under a purpose-derived key; never the input, never the same across purposes or keys.</summary>
public sealed class AuditHasherTests
{
    private static readonly string[] Inputs = ["Jx7dQm2w9KkZtq4VbN0pLw", "x", new string('0', 64), "3f1c0a9e-pairwise-subject-for-rp"];

    [TestCaseSource(nameof(Inputs))]
    public void TheHasher_NeverReturnsTheInput(string input)
    {
        var hasher = TestEvents.Hasher;

        Assert.Multiple(() =>
        {
            foreach (var hash in new[] { hasher.Journey(input), hasher.PairwiseId(input), hasher.Request(input), hasher.FraudEvent(input) })
            {
                Assert.That(hash.Value, Is.Not.EqualTo(input));
                Assert.That(hash.Value, Does.Not.Contain(input));
                Assert.That(hash.Value, Does.Match("^[0-9a-f]{64}$"));
            }
        });
    }

    [Test]
    public void TheSameInput_HashesTheSame_ButDifferentlyPerPurposeAndKey()
    {
        var other = new AuditHasher(RandomNumberGenerator.GetBytes(32));
        const string id = TestEvents.JourneyId;

        Assert.Multiple(() =>
        {
            Assert.That(TestEvents.Hasher.Journey(id), Is.EqualTo(AuditHasher.FromBase64(Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)])).Journey(id)));
            Assert.That(TestEvents.Hasher.PairwiseId(id), Is.Not.EqualTo(TestEvents.Hasher.Journey(id)));
            Assert.That(TestEvents.Hasher.Request(id), Is.Not.EqualTo(TestEvents.Hasher.Journey(id)));
            Assert.That(other.Journey(id), Is.Not.EqualTo(TestEvents.Hasher.Journey(id)));
        });
    }

    [Test]
    public void TheHash_IsKeyed_NotAPlainHashOfTheInput()
    {
        var hash = TestEvents.Hasher.Journey(TestEvents.JourneyId).Value;
        var bytes = Encoding.UTF8.GetBytes(TestEvents.JourneyId);

        Assert.That(hash, Is.Not.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
    }

    [TestCase(0)]
    [TestCase(16)]
    [TestCase(31)]
    public void KeysShorterThan32Bytes_AreRefused(int length)
    {
        Assert.Throws<ArgumentException>(() => _ = new AuditHasher(RandomNumberGenerator.GetBytes(length)));
    }

    [Test]
    public void AKeyOfOneRepeatedByte_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _ = new AuditHasher(new byte[32]));
    }

    [Test]
    public void AKeyInBase64_IsRead()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.That(AuditHasher.FromBase64(Convert.ToBase64String(key)).Journey("x"), Is.EqualTo(new AuditHasher(key).Journey("x")));
    }

    [TestCase("")]
    public void AnEmptyIdentifier_IsRefused(string input)
    {
        Assert.Throws<ArgumentException>(() => TestEvents.Hasher.Journey(input));
    }
}
