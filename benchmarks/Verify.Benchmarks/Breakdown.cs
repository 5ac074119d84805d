using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;

using Verify.Saml.Tests.Support;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Benchmarks;

/// <summary>
/// <c>--breakdown</c> [<c>hub</c>]: where one verification and one signature spend their time. Each step
/// of <see cref="XmlSignatureVerifier.Verify"/> / <see cref="XmlSigner.Sign"/> is timed on its own in a
/// Stopwatch loop (steps 3-5 run the canonicalisation route used until 2026-11-30, text then
/// <c>XmlDsigExcC14NTransform</c>, step by step through the differential tests' reference <c>TransformCanonicalizer</c>,
/// beside the writer that replaced it, ADR 0002 addendum), beside the steps stock <c>SignedXml</c> takes, and beside a candidate change
/// to src/ (measured here, not adopted: src/ belongs to the lead). Every figure is printed as best batch,
/// median batch and thread CPU time, with allocation and GC counts: on a shared 2-core machine the best
/// batch is the uncontended cost.
/// </summary>
public static class Breakdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var index = Array.IndexOf(args, "--seconds");
        var seconds = index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], Invariant) : 0.5;
        using var fixture = SignatureFixture.Create();
        Console.WriteLine(fixture.Describe());
        Console.WriteLine($"breakdown: {seconds} s per step; load {ResultTable.Load()}");

        // The first pass only warms up (tiered JIT), silently; the second is measured and printed.
        var output = Console.Out;
        Console.SetOut(TextWriter.Null);
        Pass(fixture, 0.05, args.Contains("hub"));
        Console.SetOut(output);
        Pass(fixture, seconds, args.Contains("hub"));
        return 0;
    }

    private static void Pass(SignatureFixture fixture, double seconds, bool hubOnly)
    {
        Console.WriteLine();
        Console.WriteLine("### the hub path: parse + verify, against verify on a DOM parsed once");
        HubSteps(fixture, seconds);
        if (hubOnly)
        {
            return;
        }

        var document = fixture.ParsedSigned;
        var response = document.DocumentElement!;
        var assertion = SignatureFixture.Assertions(response)[1];
        foreach (var (label, element) in new[] { ("Response (whole document)", response), ("MDS assertion", assertion) })
        {
            Console.WriteLine();
            Console.WriteLine($"### verify: {label}, {element.OuterXml.Length} chars");
            VerifySteps(fixture, element, seconds);
        }

        Console.WriteLine();
        Console.WriteLine("### all three signatures: now, the candidate (no GetElementsByTagName), stock");
        CandidateSteps(fixture, seconds);

        Console.WriteLine();
        Console.WriteLine("### sign: parse + 2 assertions + Response");
        SignSteps(fixture, seconds);
    }

    private static void HubSteps(SignatureFixture fixture, double seconds)
    {
        var bytes = fixture.SignedBytes;
        var keys = fixture.TrustedKeys;
        Step("  SecureXml.Load", () => SecureXml.Load(bytes), seconds);
        Step("  SignedResponseVerifier.Verify on the DOM parsed once", () => SignedResponseVerifier.Verify(fixture.ParsedSigned, keys), seconds);
        Step("  SecureXml.Load + SignedResponseVerifier.Verify (Ours_Verify_Response)", () => SignedResponseVerifier.Verify(SecureXml.Load(bytes), keys), seconds);
        Step("  plain XmlDocument.Load + SignedResponseVerifier.Verify", () => SignedResponseVerifier.Verify(StockSignedXml.Parse(bytes), keys), seconds);
        Step("  SecureXml.Load + XmlSignatureVerifier.Verify(Response only)", () => XmlSignatureVerifier.Verify(SecureXml.Load(bytes).DocumentElement!, keys), seconds);
        Step("  XmlSignatureVerifier.Verify(Response only) on the DOM parsed once", () => XmlSignatureVerifier.Verify(fixture.ParsedSigned.DocumentElement!, keys), seconds);
        var root = fixture.ParsedSigned.DocumentElement!;
        var assertions = SignatureFixture.Assertions(root);
        Step("  XmlSignatureVerifier.Verify(authn assertion) on the DOM parsed once", () => XmlSignatureVerifier.Verify(assertions[0], keys), seconds);
        Step("  XmlSignatureVerifier.Verify(MDS assertion) on the DOM parsed once", () => XmlSignatureVerifier.Verify(assertions[1], keys), seconds);
        Step("  3 × XmlSignatureVerifier.Verify (Response, assertions) on the DOM parsed once", () =>
        {
            _ = XmlSignatureVerifier.Verify(root, keys);
            _ = XmlSignatureVerifier.Verify(assertions[0], keys);
            return XmlSignatureVerifier.Verify(assertions[1], keys);
        }, seconds);
        Step("  SecureXml.Load + 3 × XmlSignatureVerifier.Verify, assertions found by walking ChildNodes", () =>
        {
            var fresh = SecureXml.Load(bytes).DocumentElement!;
            object last = XmlSignatureVerifier.Verify(fresh, keys);
            foreach (XmlNode child in fresh.ChildNodes)
            {
                if (child is XmlElement { LocalName: "Assertion", NamespaceURI: XmlNames.Saml } assertion)
                {
                    last = XmlSignatureVerifier.Verify(assertion, keys);
                }
            }

            return last;
        }, seconds);
        Step("  SecureXml.Load + GetElementsByTagName(Assertion) enumerated", () =>
        {
            var fresh = SecureXml.Load(bytes);
            var count = 0;
            foreach (XmlElement assertion in fresh.GetElementsByTagName("Assertion", XmlNames.Saml))
            {
                count++;
            }

            return count;
        }, seconds);
        Step("  GetElementsByTagName(Assertion) enumerated (what SignedResponseVerifier adds)", () =>
        {
            var count = 0;
            foreach (XmlElement assertion in fixture.ParsedSigned.GetElementsByTagName("Assertion", XmlNames.Saml))
            {
                count += assertion.ParentNode == root ? 1 : 0;
            }

            return count;
        }, seconds);
    }

    /// <summary>
    /// The three verifications as src does them now, beside the candidate (the same checks with the
    /// assertions found by a tree walk instead of <c>GetElementsByTagName</c>, whose XmlElementList has a
    /// finalizer and holds the document, so every message's DOM outlives the next gen-0 collection) and
    /// beside stock; then the same pairs in alternating batches.
    /// </summary>
    private static void CandidateSteps(SignatureFixture fixture, double seconds)
    {
        var document = fixture.ParsedSigned;
        var rsa = fixture.PublicKey;
        var keys = fixture.TrustedKeys;
        var bytes = fixture.SignedBytes;
        Console.WriteLine("on the DOM parsed once:");
        Step("  now: SignedResponseVerifier.Verify", () => SignedResponseVerifier.Verify(document, keys), seconds);
        Step("  candidate: same verifications, assertions found by a tree walk", () => CandidateVerify(document, keys), seconds);
        Step("  stock: SignedXml.CheckSignature ×3", () => StockSignedXml.CheckAllThree(fixture.StockParsedSigned, rsa), seconds);
        Console.WriteLine("from the received bytes (the hub path):");
        Step("  now: SecureXml.Load + SignedResponseVerifier.Verify", () => SignedResponseVerifier.Verify(SecureXml.Load(bytes), keys), seconds);
        Step("  candidate: SecureXml.Load + candidate", () => CandidateVerify(SecureXml.Load(bytes), keys), seconds);
        Step("  stock: XmlDocument.Load + SignedXml.CheckSignature ×3", () => StockSignedXml.CheckAllThree(StockSignedXml.Parse(bytes), rsa), seconds);
        Step("  floor: 3 × RSA-2048 verify", () => rsa.VerifyData(fixture.RawData, fixture.RawSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            & rsa.VerifyData(fixture.RawData, fixture.RawSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            & rsa.VerifyData(fixture.RawData, fixture.RawSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), seconds);
        Console.WriteLine("paired with stock (alternating 10 ms batches; median of per-round ratios, best/best):");
        Pair("  now vs stock, parsed DOM", () => SignedResponseVerifier.Verify(document, keys), () => StockSignedXml.CheckAllThree(fixture.StockParsedSigned, rsa), seconds);
        Pair("  candidate vs stock, parsed DOM", () => CandidateVerify(document, keys), () => StockSignedXml.CheckAllThree(fixture.StockParsedSigned, rsa), seconds);
        Pair("  now vs stock, from bytes", () => SignedResponseVerifier.Verify(SecureXml.Load(bytes), keys), () => StockSignedXml.CheckAllThree(StockSignedXml.Parse(bytes), rsa), seconds);
        Pair("  candidate vs stock, from bytes", () => CandidateVerify(SecureXml.Load(bytes), keys), () => StockSignedXml.CheckAllThree(StockSignedXml.Parse(bytes), rsa), seconds);
    }

    /// <summary>
    /// What <see cref="SignedResponseVerifier"/> does for this message (every saml:Assertion in the
    /// document must be a child of the Response; each signature verified), with the assertions found by
    /// walking the tree in document order instead of through <c>GetElementsByTagName</c>.
    /// </summary>
    private static VerifiedElement CandidateVerify(XmlDocument document, TrustedKeySet keys)
    {
        var root = document.DocumentElement!;
        var response = XmlSignatureVerifier.Verify(root, keys);
        for (XmlNode? node = root.FirstChild; node is not null; node = NextInDocument(node, root))
        {
            if (node is XmlElement { LocalName: "Assertion", NamespaceURI: XmlNames.Saml } assertion)
            {
                if (!ReferenceEquals(assertion.ParentNode, root))
                {
                    throw new InvalidOperationException("misplaced assertion");
                }

                _ = XmlSignatureVerifier.Verify(assertion, keys);
            }
        }

        return response;
    }

    private static XmlNode? NextInDocument(XmlNode node, XmlNode root)
    {
        if (node.FirstChild is not null)
        {
            return node.FirstChild;
        }

        for (var current = node; current is not null && !ReferenceEquals(current, root); current = current.ParentNode)
        {
            if (current.NextSibling is not null)
            {
                return current.NextSibling;
            }
        }

        return null;
    }

    private static void Pair(string name, Func<object> ours, Func<object> stock, double seconds)
    {
        var (o, st, ratio, best) = QuickRunner.Paired(ours, stock, seconds * 2);
        Console.WriteLine(string.Create(Invariant, $"{name,-92} {o / 1000,9:0.0} µs vs {st / 1000,7:0.0} µs  ratio {ratio:0.00} (best/best {best:0.00})"));
    }

    private static void VerifySteps(SignatureFixture fixture, XmlElement element, double seconds)
    {
        var document = element.OwnerDocument;
        var signatureElement = XmlSignatureVerifier.FindEnvelopedSignature(element);
        var signature = XmlSignature.Read(signatureElement);
        var rsa = fixture.PublicKey;
        var signedInfoBytes = ExclusiveCanonicalizer.Canonicalize(signature.SignedInfo, signature.SignedInfoPrefixes);
        var text = TransformCanonicalizer.WriteAsText(element, signatureElement);
        var digest = SHA256.HashData((Stream)TransformCanonicalizer.Load(text, signature.ReferencePrefixes).GetOutput(typeof(Stream)));
        if (!digest.AsSpan().SequenceEqual(signature.DigestValue))
        {
            throw new InvalidOperationException("The reproduced transform route does not give the signed digest: update Breakdown.");
        }

        Console.WriteLine("ours (XmlSignatureVerifier.Verify), step by step:");
        var total = Step("  total XmlSignatureVerifier.Verify", () => XmlSignatureVerifier.Verify(element, fixture.TrustedKeys), seconds);
        var parts = 0.0;
        parts += Step("  1 FindEnvelopedSignature + XmlSignature.Read", () => XmlSignature.Read(XmlSignatureVerifier.FindEnvelopedSignature(element)), seconds);
        parts += Step("  2 IdOf + XmlIds.FindUnique (whole-document ID scan)", () => XmlIds.FindUnique(document, XmlIds.IdOf(element)!)!, seconds);
        parts += Step("  3 (previous route) write the element (less its signature) as UTF-8 text off the DOM", () => TransformCanonicalizer.WriteAsText(element, signatureElement), seconds);
        parts += Step("  4 XmlDsigExcC14NTransform.LoadInput(text): the transform's own parse", () => TransformCanonicalizer.Load(Rewind(text), signature.ReferencePrefixes), seconds);
        var loaded = TransformCanonicalizer.Load(Rewind(text), signature.ReferencePrefixes);
        parts += Step("  5 GetOutput(Stream) (canonical write) + SHA256.HashData", () => SHA256.HashData((Stream)loaded.GetOutput(typeof(Stream))), seconds);
        parts += Step("  6 SignedInfo: ExclusiveCanonicalizer.Canonicalize (our writer)", () => ExclusiveCanonicalizer.Canonicalize(signature.SignedInfo, signature.SignedInfoPrefixes), seconds);
        parts += Step("  7 RSA-2048 VerifyData(SignedInfo)", () => rsa.VerifyData(signedInfoBytes, signature.SignatureValue, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), seconds);
        Console.WriteLine(string.Create(Invariant, $"  sum of steps {parts:0.0} µs vs total {total:0.0} µs"));
        Step("  3-5 replaced by our writer: ExclusiveCanonicalizer.Digest", () => ExclusiveCanonicalizer.Digest(element, signatureElement, signature.ReferencePrefixes, HashAlgorithmName.SHA256), seconds);

        Console.WriteLine("stock SignedXml, for comparison:");
        var stockDocument = fixture.StockParsedSigned;
        var stockElement = element == element.OwnerDocument.DocumentElement
            ? stockDocument.DocumentElement!
            : SignatureFixture.Assertions(stockDocument.DocumentElement!)[1];
        Step("  total new SignedXml + LoadXml + CheckSignature(key)", () => StockSignedXml.Check(stockElement, rsa), seconds);
        Step("  LoadXml only", () =>
        {
            var signedXml = new SignedXml(stockElement);
            signedXml.LoadXml(StockSignature(stockElement));
            return signedXml;
        }, seconds);
        Step("  its reference input: element.OuterXml + re-parse (Utils.PreProcessElementInput)", () => Reparse(stockElement.OuterXml), seconds);
        var id = stockElement.GetAttribute("ID");
        Step("  its ID lookup: //*[@Id=…], //*[@id=…], //*[@ID=…] (SignedXml.GetIdElement)", () =>
            stockDocument.SelectNodes($"//*[@Id=\"{id}\"]")!.Count + stockDocument.SelectNodes($"//*[@id=\"{id}\"]")!.Count + stockDocument.SelectNodes($"//*[@ID=\"{id}\"]")!.Count, seconds);
    }

    private static void SignSteps(SignatureFixture fixture, double seconds)
    {
        var credential = fixture.Credential;
        Step("  total Ours_Sign_Response", () => SignatureFixture.SignOurs(fixture.UnsignedBytes, credential), seconds);
        Step("  total Stock_SignedXml_ComputeSignature", () => StockSignedXml.SignResponse(StockSignedXml.Parse(fixture.UnsignedBytes), fixture.PrivateKey, fixture.KeyInfoCertificate), seconds);
        Step("  SecureXml.Load(unsigned)", () => SecureXml.Load(fixture.UnsignedBytes), seconds);
        var unsigned = SecureXml.Load(fixture.UnsignedBytes);
        var root = unsigned.DocumentElement!;
        Step("  ExclusiveCanonicalizer.Digest(unsigned Response)", () => ExclusiveCanonicalizer.Digest(root, null, BenchmarkMessage.QNamePrefixes, HashAlgorithmName.SHA256), seconds);
        var signed = fixture.ParsedSigned;
        var signedInfo = XmlSignature.Read(XmlSignatureVerifier.FindEnvelopedSignature(signed.DocumentElement!)).SignedInfo;
        Step("  ExclusiveCanonicalizer.Canonicalize(SignedInfo)", () => ExclusiveCanonicalizer.Canonicalize(signedInfo, null), seconds);
        Step("  RSA-2048 SignData (×3 per message)", () => fixture.PrivateKey.SignData(fixture.RawData, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), seconds);
        Console.WriteLine("paired with stock (alternating 10 ms batches; median of per-round ratios, best/best):");
        Func<object> stockSign = () => StockSignedXml.SignResponse(StockSignedXml.Parse(fixture.UnsignedBytes), fixture.PrivateKey, fixture.KeyInfoCertificate);
        Pair("  ours vs stock", () => SignatureFixture.SignOurs(fixture.UnsignedBytes, credential), stockSign, seconds);
        Pair("  floor: 3 × RSA-2048 SignData alone vs stock", () =>
        {
            _ = fixture.PrivateKey.SignData(fixture.RawData, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            _ = fixture.PrivateKey.SignData(fixture.RawData, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return fixture.PrivateKey.SignData(fixture.RawData, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }, stockSign, seconds);
    }

    private static MemoryStream Rewind(MemoryStream stream)
    {
        stream.Position = 0;
        return stream;
    }

    private static XmlDocument Reparse(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        document.Load(reader);
        return document;
    }

    private static XmlElement StockSignature(XmlElement element) =>
        (XmlElement)element.ChildNodes.Cast<XmlNode>().First(n => n is XmlElement { LocalName: "Signature" });

    /// <summary>Best-batch µs of <paramref name="call"/> over about <paramref name="seconds"/>, after a warm-up (printed with the median and thread CPU time); returned.</summary>
    private static double Step(string name, Func<object> call, double seconds)
    {
        var m = QuickRunner.Measure(name, call, seconds, null);
        var best = m.MinNanoseconds / 1000;
        Console.WriteLine(string.Create(Invariant, $"{name,-92} {best,9:0.0} µs best {m.MedianNanoseconds / 1000,9:0.0} µs median {m.CpuNanoseconds / 1000,9:0.0} CPU µs {m.AllocatedBytes / 1024.0,8:0.0} KB  {m.Gcs}"));
        return best;
    }
}
