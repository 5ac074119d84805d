using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// ID confusion, the lever of most wrapping attacks: a reference must mean exactly one element. IDs are
/// unique in the whole document (SAML Core 1.3.4, xs:ID), and an element may not carry ID-like
/// attributes that differ only in case (SignedXml resolves ID, Id and id alike and takes the first).
/// Built with only the assertion signed and with the Response signed by the IDP after the change.
/// </summary>
public sealed class IdAttackTests
{
    public sealed record IdCase(string Name, Action<XmlDocument> Mutate, SamlErrorCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly bool[] BothVariants = [false, true];

    private static readonly IdCase[] Catalogue =
    [
        new("SignedAssertionIdRepeatedOnAnExtensionElement", d => Extension(d, "ID", AssertionId), SamlErrorCode.IdDuplicate),
        new("SignedAssertionIdRepeatedAsIdOnAnExtensionElement", d => Extension(d, "Id", AssertionId), SamlErrorCode.IdDuplicate),
        new("SignedAssertionIdRepeatedAsLowercaseIdOnAnExtensionElement", d => Extension(d, "id", AssertionId), SamlErrorCode.IdDuplicate),
        new("UnrelatedIdRepeatedTwice", d => { Extension(d, "ID", "_x"); Extension(d, "ID", "_x"); }, SamlErrorCode.IdDuplicate),
        new("SignedAssertionCarriesIdAndIdTwins", d => Assertion(d).SetAttribute("Id", EvilAssertionId), SamlErrorCode.IdCaseVariant),
        new("SignedAssertionCarriesIdAndLowercaseIdTwins", d => Assertion(d).SetAttribute("id", AssertionId), SamlErrorCode.IdCaseVariant),
        new("AnotherElementCarriesCaseVariantTwins", d => Extension(d, "ID", "_y").SetAttribute("iD", "_z"), SamlErrorCode.IdCaseVariant),
        new("SignedAssertionIdRemoved", d => Assertion(d).RemoveAttribute("ID"), SamlErrorCode.IdMissing),
    ];

    private static IEnumerable<TestCaseData> Attacks() =>
        from attack in Catalogue
        from resigned in BothVariants
        select new TestCaseData(attack, resigned)
            .SetName($"Verify_Refuses{attack.Name}_{(resigned ? "ResponseResignedByIdpAfterTampering" : "OnlyAssertionSigned")}");

    [TestCaseSource(nameof(Attacks))]
    public void Verify_RefusesIdConfusion(IdCase attack, bool resigned)
    {
        var document = AssertionSigned();
        attack.Mutate(document);
        if (resigned)
        {
            Sign(document.DocumentElement!);
        }

        var received = Reparse(document);
        Assert.Multiple(() =>
        {
            AttackAssert.Refuses(attack.Expected, () => XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()), "assertion");
            AttackAssert.Refuses(attack.Expected, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: resigned), "whole response");
        });
    }

    [Test]
    public void Verify_RefusesAssertionReusingTheResponseId_EvenWhenBothAreValidlySigned()
    {
        var document = Unsigned();
        Assertion(document).SetAttribute("ID", ResponseId);
        Sign(Assertion(document));
        Sign(document.DocumentElement!);
        var received = Reparse(document);

        AttackAssert.Refuses(SamlErrorCode.IdDuplicate, () => XmlSignatureVerifier.Verify(received.DocumentElement!, AttackKeys.IdpKeys()));
        AttackAssert.Refuses(SamlErrorCode.IdDuplicate, () => XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()));
        AttackAssert.Refuses(SamlErrorCode.IdDuplicate, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys()));
    }

    [TestCase("xml", "http://www.w3.org/XML/1998/namespace", "id")]
    [TestCase("wsu", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd", "Id")]
    public void Verify_IgnoresNamespacedIdsOnOtherElements_AndReturnsOnlyTheSignedAssertion(string prefix, string ns, string localName)
    {
        // Not SAML ID attributes, so they cannot capture the reference; the verifier legitimately returns,
        // and what it returns is the signed assertion, with the evil element out of reach.
        var document = AssertionSigned();
        var evil = Extension(document, null, null);
        var id = document.CreateAttribute(prefix, localName, ns);
        id.Value = AssertionId;
        evil.SetAttributeNode(id);
        evil.InnerText = VictimNameId;
        var received = Reparse(document);

        AttackAssert.ReturnedTheSignedOriginal(XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()), Assertion(received));
    }

    /// <summary>An element in samlp:Extensions (created on first use), optionally with an ID-like attribute.</summary>
    private static XmlElement Extension(XmlDocument document, string? attribute, string? value)
    {
        var root = document.DocumentElement!;
        var extensions = root.GetElementsByTagName("Extensions", XmlNames.Samlp).Cast<XmlElement>().FirstOrDefault();
        if (extensions is null)
        {
            extensions = document.CreateElement("samlp", "Extensions", XmlNames.Samlp);
            root.InsertAfter(extensions, root.GetElementsByTagName("Issuer", XmlNames.Saml)[0]);
        }

        var element = (XmlElement)extensions.AppendChild(document.CreateElement("x", "Thing", "urn:example:extension"))!;
        if (attribute is not null)
        {
            element.SetAttribute(attribute, value);
        }

        return element;
    }
}
