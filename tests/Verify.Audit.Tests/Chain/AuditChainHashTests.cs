using System.Security.Cryptography;
using System.Text;

using Verify.Audit.Chain;

namespace Verify.Audit.Tests.Chain;

/// <summary>The chain hash is exactly SHA-256(previous hash ‖ sequence as 8 bytes big-endian ‖ JSON), so anyone can recompute it.</summary>
public sealed class AuditChainHashTests
{
    [Test]
    public void Compute_IsSha256OfPreviousHashSequenceAndJson()
    {
        const string json = """{"event":"IdpSelected","v":1}""";
        var previous = new string('a', 64);
        byte[] input = [.. Convert.FromHexString(previous), 0, 0, 0, 0, 0, 0, 1, 2, .. Encoding.UTF8.GetBytes(json)];

        Assert.That(AuditChainHash.Compute(previous, 258, json), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(input))));
    }

    [Test]
    public void Compute_DependsOnEveryPart()
    {
        var hash = AuditChainHash.Compute(AuditChainHash.Genesis, 1, "{}");

        Assert.Multiple(() =>
        {
            Assert.That(AuditChainHash.Compute(AuditChainHash.Genesis, 2, "{}"), Is.Not.EqualTo(hash));
            Assert.That(AuditChainHash.Compute(new string('1', 64), 1, "{}"), Is.Not.EqualTo(hash));
            Assert.That(AuditChainHash.Compute(AuditChainHash.Genesis, 1, "{ }"), Is.Not.EqualTo(hash));
            Assert.That(AuditChainHash.IsHash(hash), Is.True);
        });
    }

    [TestCase("")]
    [TestCase("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [TestCase("not a hash")]
    public void Compute_RefusesAPreviousHashThatIsNotOne(string previous)
    {
        Assert.Throws<FormatException>(() => AuditChainHash.Compute(previous, 1, "{}"));
    }
}
