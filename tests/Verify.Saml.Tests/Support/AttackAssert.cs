using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Support;

/// <summary>Assertions of the attack suite: a refusal must carry the one specific code expected.</summary>
internal static class AttackAssert
{
    /// <summary>Asserts that <paramref name="act"/> throws a <see cref="SamlException"/> with <paramref name="expected"/>.</summary>
    public static void Refuses(SamlErrorCode expected, TestDelegate act, string? because = null)
    {
        var exception = Assert.Throws<SamlException>(act, because ?? "");
        Assert.That(exception?.Code, Is.EqualTo(expected), $"{because} ({exception?.Message})");
    }

    /// <summary>
    /// For attacks where the verifier legitimately returns (the signed element is intact): asserts that it
    /// handed back exactly the signed original, and that the victim's NameID cannot be reached through it.
    /// </summary>
    public static void ReturnedTheSignedOriginal(VerifiedElement verified, XmlElement original)
    {
        Assert.Multiple(() =>
        {
            Assert.That(verified.Element, Is.SameAs(original));
            Assert.That(verified.Element.GetAttribute("ID"), Is.EqualTo(AssertionId));
            Assert.That(NameId(verified.Element).InnerText, Is.EqualTo(OwnNameId));
            Assert.That(verified.Element.OuterXml, Does.Not.Contain(VictimNameId));
        });
    }
}
