using System.Text;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Signatures;

/// <summary>
/// ADR 0002 addendum: our exclusive c14n writer must produce byte-identical octets to the framework's
/// <c>XmlDsigExcC14NTransform</c> (the route we used before, <see cref="TransformCanonicalizer"/>) for every
/// element of every message in the corpus, with and without an InclusiveNamespaces PrefixList, and with the
/// enveloped signature left out wherever an element carries one.
/// </summary>
public sealed class CanonicalWriterDifferentialTests
{
    private static readonly string?[] PrefixLists = [null, "xs", "xs xsi", "#default", "#default saml2 xs", "ds saml samlp", "p unused z"];

    /// <remarks>
    /// Received messages (exactly as parsed) are compared with the transform on the same DOM. Messages we
    /// build and sign are compared with the transform on the DOM the receiver parses from what we send
    /// (the same element after <see cref="SamlMessageEncoding.Serialize"/> and <see cref="SecureXml"/>),
    /// which is what has to match for our signatures to verify; on a built DOM the old route also differed
    /// from that in one case: an InclusiveNamespaces prefix bound only by an ancestor element's own prefix
    /// (no declaration attribute in memory) was left out, though the receiver sees it declared.
    /// </remarks>
    [Test]
    public void EveryElementOfEveryMessage_CanonicalisesAsTheFrameworkTransformDoes()
    {
        var compared = 0;
        foreach (var (name, document, parsed) in CanonicalWriterCorpus.Documents())
        {
            var received = SecureXml.Load(SamlMessageEncoding.Serialize(document.DocumentElement!));
            Assert.That(Elements(received.DocumentElement!).Count(), Is.EqualTo(Elements(document.DocumentElement!).Count()), name);
            foreach (var (element, receivedElement) in Elements(document.DocumentElement!).Zip(Elements(received.DocumentElement!)))
            {
                var signature = EnvelopedSignature(element);
                foreach (var prefixes in PrefixLists)
                {
                    foreach (var excluded in signature is null ? [null] : new[] { null, signature })
                    {
                        var reference = parsed ? element : receivedElement;
                        var referenceExcluded = excluded is null ? null : EnvelopedSignature(reference);
                        AssertSame(name, Canonical(element, excluded, prefixes), TransformCanonicalizer.Canonicalize(reference, referenceExcluded, prefixes), element, excluded, prefixes);
                        compared++;
                    }
                }
            }
        }

        Assert.That(compared, Is.GreaterThan(2000), "the corpus is the point of this test");
    }

    [Test]
    public void Digest_IsTheHashOfTheCanonicalOctets()
    {
        var document = AttackMessages.FullySigned();
        var root = document.DocumentElement!;
        var signature = AttackMessages.Signature(root);

        var digest = ExclusiveCanonicalizer.Digest(root, signature, "xs", System.Security.Cryptography.HashAlgorithmName.SHA256);

        Assert.That(digest, Is.EqualTo(System.Security.Cryptography.SHA256.HashData(TransformCanonicalizer.Canonicalize(root, signature, "xs"))));
    }

    /// <remarks>
    /// A PrefixList is outside input read before any signature check: its length must not multiply the work per
    /// element (50,000 tokens over 2,000 elements would be 10^8 namespace look-ups if every element looked each up).
    /// </remarks>
    [Test]
    public void HugePrefixList_CostsLinearTime()
    {
        var body = string.Concat(Enumerable.Range(0, 2000).Select(i => $"<e{i % 7} xmlns:q{i % 50}=\"urn:q\"><x/></e{i % 7}>"));
        var document = SecureXml.Load($"<r xmlns:p=\"urn:p\" ID=\"_r\">{body}</r>");
        var prefixes = string.Join(' ', Enumerable.Range(0, 50_000).Select(i => "q" + i));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var canonical = ExclusiveCanonicalizer.Canonicalize(document.DocumentElement!, prefixes);
        watch.Stop();

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(canonical, Is.EqualTo(TransformCanonicalizer.Canonicalize(document.DocumentElement!, null, "q0 q1 q2 q3 q4 q5 q6 q7 q8 q9 " + string.Join(' ', Enumerable.Range(10, 40).Select(i => "q" + i)))));
    }

    [Test]
    public void Writer_DoesNotChangeTheDocument()
    {
        var document = SampleMessages.IdpResponse();
        var before = document.OuterXml;

        ExclusiveCanonicalizer.Canonicalize(document.DocumentElement!, "xs #default");

        Assert.That(document.OuterXml, Is.EqualTo(before));
    }

    private static void AssertSame(string name, byte[] actual, byte[] expected, XmlElement element, XmlElement? excluded, string? prefixes)
    {
        if (!actual.AsSpan().SequenceEqual(expected))
        {
            var at = actual.AsSpan().CommonPrefixLength(expected);
            Assert.Fail($"{name}, <{element.Name}>, prefixes '{prefixes}', signature {(excluded is null ? "kept" : "left out")}: differs at byte {at}\n"
                + $"expected: {Around(expected, at)}\nactual:   {Around(actual, at)}");
        }
    }

    private static byte[] Canonical(XmlElement element, XmlElement? excluded, string? prefixes)
    {
        var builder = new StringBuilder();
        ExclusiveC14NWriter.Write(builder, element, excluded, prefixes);
        var viaWriter = Encoding.UTF8.GetBytes(builder.ToString());
        if (excluded is null)
        {
            Assert.That(ExclusiveCanonicalizer.Canonicalize(element, prefixes), Is.EqualTo(viaWriter));
        }

        return viaWriter;
    }

    private static XmlElement? EnvelopedSignature(XmlElement element) =>
        element.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e is { LocalName: "Signature", NamespaceURI: XmlNames.DSig });

    private static string Around(byte[] bytes, int at) =>
        Encoding.UTF8.GetString(bytes, Math.Max(0, at - 60), Math.Min(bytes.Length, at + 60) - Math.Max(0, at - 60));

    private static IEnumerable<XmlElement> Elements(XmlElement root)
    {
        yield return root;
        foreach (var child in root.ChildNodes.OfType<XmlElement>())
        {
            foreach (var element in Elements(child))
            {
                yield return element;
            }
        }
    }
}
