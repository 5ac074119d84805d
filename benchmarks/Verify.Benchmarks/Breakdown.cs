using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;

using Verify.Saml.Xml;

namespace Verify.Benchmarks;

/// <summary>
/// <c>--breakdown</c>: where one verification and one signature spend their time. Each step of
/// <see cref="XmlSignatureVerifier.Verify"/> / <see cref="XmlSigner.Sign"/> is timed on its own in a
/// Stopwatch loop (the private steps of <c>ExclusiveCanonicalizer</c> are reproduced here line for line
/// so they can be timed apart), beside the steps stock <c>SignedXml</c> takes instead, and beside
/// alternatives that use only framework transforms (candidates for src/, measured, not adopted here).
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
        Console.WriteLine("### verify all three on the parsed DOM: now, a framework-only candidate, stock");
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
    }

    /// <summary>
    /// What the same three verifications cost with two framework-only changes to ExclusiveCanonicalizer
    /// (still XmlDsigExcC14NTransform, no canonicaliser of our own): (a) c14n into the transform's
    /// output stream and hash it once (<c>GetOutput</c> + <c>SHA256.HashData</c>) instead of
    /// <c>GetDigestedOutput</c>, which feeds the hash piece by piece; (b) the copy document shares the
    /// source document's NameTable. Checked against the real digest before it is timed.
    /// </summary>
    private static void CandidateSteps(SignatureFixture fixture, double seconds)
    {
        var document = fixture.ParsedSigned;
        var rsa = fixture.PublicKey;
        var root = document.DocumentElement!;
        var elements = new List<XmlElement> { root };
        elements.AddRange(SignatureFixture.Assertions(root));
        foreach (var element in elements)
        {
            var signatureElement = XmlSignatureVerifier.FindEnvelopedSignature(element);
            var read = XmlSignature.Read(signatureElement);
            var now = ExclusiveCanonicalizer.Digest(element, signatureElement, read.ReferencePrefixes, HashAlgorithmName.SHA256);
            if (!now.AsSpan().SequenceEqual(CandidateDigest(element, signatureElement, read.ReferencePrefixes))
                || !now.AsSpan().SequenceEqual(read.DigestValue)
                || !ExclusiveCanonicalizer.Canonicalize(read.SignedInfo, read.SignedInfoPrefixes).AsSpan().SequenceEqual(CandidateCanonicalize(read.SignedInfo, read.SignedInfoPrefixes)))
            {
                throw new InvalidOperationException("The candidate canonicalization differs from ExclusiveCanonicalizer.");
            }
        }

        Step("  now: SignedResponseVerifier.Verify", () => SignedResponseVerifier.Verify(document, fixture.TrustedKeys), seconds);
        Step("  candidate: same checks, c14n via GetOutput + HashData, shared NameTable", () =>
        {
            var ok = true;
            foreach (var element in elements)
            {
                var signatureElement = XmlSignatureVerifier.FindEnvelopedSignature(element);
                var read = XmlSignature.Read(signatureElement);
                ok &= ReferenceEquals(XmlIds.FindUnique(document, XmlIds.IdOf(element)!), element);
                ok &= CryptographicOperations.FixedTimeEquals(CandidateDigest(element, signatureElement, read.ReferencePrefixes), read.DigestValue);
                ok &= rsa.VerifyData(CandidateCanonicalize(read.SignedInfo, read.SignedInfoPrefixes), read.SignatureValue, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }

            return ok ? elements[0] : throw new InvalidOperationException("candidate verify failed");
        }, seconds);
        Step("  stock: SignedXml.CheckSignature ×3", () => StockSignedXml.CheckAllThree(fixture.StockParsedSigned, rsa), seconds);
        Step("  floor: 3 × RSA-2048 verify", () => rsa.VerifyData(fixture.RawData, fixture.RawSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            & rsa.VerifyData(fixture.RawData, fixture.RawSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            & rsa.VerifyData(fixture.RawData, fixture.RawSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), seconds);
    }

    private static byte[] CandidateDigest(XmlElement element, XmlElement? excluded, string? prefixes)
    {
        using var stream = (Stream)CandidateTransform(element, excluded, prefixes).GetOutput(typeof(Stream));
        return SHA256.HashData(stream);
    }

    private static byte[] CandidateCanonicalize(XmlElement element, string? prefixes)
    {
        using var stream = (MemoryStream)CandidateTransform(element, null, prefixes).GetOutput(typeof(Stream));
        return stream.ToArray();
    }

    private static XmlDsigExcC14NTransform CandidateTransform(XmlElement element, XmlElement? excluded, string? prefixes) =>
        Load(CopyWithoutSignature(element, excluded, element.OwnerDocument.NameTable), prefixes);

    private static void VerifySteps(SignatureFixture fixture, XmlElement element, double seconds)
    {
        var document = element.OwnerDocument;
        var signatureElement = XmlSignatureVerifier.FindEnvelopedSignature(element);
        var signature = XmlSignature.Read(signatureElement);
        var copy = CopyWithoutSignature(element, signatureElement);
        var rsa = fixture.PublicKey;
        var signedInfoBytes = ExclusiveCanonicalizer.Canonicalize(signature.SignedInfo, signature.SignedInfoPrefixes);

        Console.WriteLine("ours (XmlSignatureVerifier.Verify), step by step:");
        var total = Step("  total XmlSignatureVerifier.Verify", () => XmlSignatureVerifier.Verify(element, fixture.TrustedKeys), seconds);
        var parts = 0.0;
        parts += Step("  1 FindEnvelopedSignature + XmlSignature.Read", () => XmlSignature.Read(XmlSignatureVerifier.FindEnvelopedSignature(element)), seconds);
        parts += Step("  2 IdOf + XmlIds.FindUnique (whole-document ID scan)", () => XmlIds.FindUnique(document, XmlIds.IdOf(element)!)!, seconds);
        parts += Step("  3 ImportNode copy into a fresh XmlDocument (+ ancestor xmlns)", () => CopyWithoutSignature(element, signatureElement), seconds);
        parts += Step("  4 XmlDsigExcC14NTransform.LoadInput(copy) (XmlNodeReader → CanonicalXmlDocument)", () => Load(copy, signature.ReferencePrefixes), seconds);
        var loaded = Load(copy, signature.ReferencePrefixes);
        using (var sha = SHA256.Create())
        {
            // GetDigestedOutput re-initialises the hash and can run again on the same loaded transform.
            parts += Step("  5 GetDigestedOutput(SHA256) (c14n write, hashed piece by piece)", () => loaded.GetDigestedOutput(sha), seconds);
        }

        parts += Step("  6 SignedInfo: copy + load + c14n (ExclusiveCanonicalizer.Canonicalize)", () => ExclusiveCanonicalizer.Canonicalize(signature.SignedInfo, signature.SignedInfoPrefixes), seconds);
        parts += Step("  7 RSA-2048 VerifyData(SignedInfo)", () => rsa.VerifyData(signedInfoBytes, signature.SignatureValue, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), seconds);
        Console.WriteLine(string.Create(Invariant, $"  sum of steps {parts:0.0} µs vs total {total:0.0} µs"));
        Step("  steps 1-7 run back to back in one call (same work as the total)", () =>
        {
            var read = XmlSignature.Read(XmlSignatureVerifier.FindEnvelopedSignature(element));
            _ = XmlIds.FindUnique(document, XmlIds.IdOf(element)!);
            var digest = ExclusiveCanonicalizer.Digest(element, signatureElement, read.ReferencePrefixes, HashAlgorithmName.SHA256);
            var info = ExclusiveCanonicalizer.Canonicalize(read.SignedInfo, read.SignedInfoPrefixes);
            return CryptographicOperations.FixedTimeEquals(digest, read.DigestValue) && rsa.VerifyData(info, read.SignatureValue, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }, seconds);

        Console.WriteLine("alternatives for step 5 (framework transform only):");
        Step("  5a GetOutput(Stream) + SHA256.HashData (c14n to a buffer, hashed once)", () => SHA256.HashData(((MemoryStream)loaded.GetOutput(typeof(Stream))).ToArray()), seconds);
        Console.WriteLine("alternatives for steps 3+4+5:");
        Step("  3-5 now: ExclusiveCanonicalizer.Digest", () => ExclusiveCanonicalizer.Digest(element, signatureElement, signature.ReferencePrefixes, HashAlgorithmName.SHA256), seconds);
        Step("  3-5 with 5a", () => SHA256.HashData(((MemoryStream)Load(CopyWithoutSignature(element, signatureElement), signature.ReferencePrefixes).GetOutput(typeof(Stream))).ToArray()), seconds);

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
        Step("  QNamePrefixes XPath over the Response (XmlSigner, private)", () => root.SelectNodes("descendant-or-self::*[@*[local-name()='type']]")!.Count, seconds);
        Step("  ExclusiveCanonicalizer.Digest(unsigned Response)", () => ExclusiveCanonicalizer.Digest(root, null, BenchmarkMessage.QNamePrefixes, HashAlgorithmName.SHA256), seconds);
        var signed = fixture.ParsedSigned;
        var signedInfo = XmlSignature.Read(XmlSignatureVerifier.FindEnvelopedSignature(signed.DocumentElement!)).SignedInfo;
        Step("  ExclusiveCanonicalizer.Canonicalize(SignedInfo)", () => ExclusiveCanonicalizer.Canonicalize(signedInfo, null), seconds);
        Step("  RSA-2048 SignData (×3 per message)", () => fixture.PrivateKey.SignData(fixture.RawData, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), seconds);
    }

    /// <summary>Step 3 exactly as <c>ExclusiveCanonicalizer.Transform</c> does it.</summary>
    private static XmlDocument CopyWithoutSignature(XmlElement element, XmlElement? excluded, XmlNameTable? nameTable = null)
    {
        var document = nameTable is null ? new XmlDocument() : new XmlDocument(nameTable);
        document.PreserveWhitespace = true;
        document.XmlResolver = null;
        var copy = (XmlElement)document.ImportNode(element, deep: false);
        foreach (XmlNode child in element.ChildNodes)
        {
            if (!ReferenceEquals(child, excluded))
            {
                copy.AppendChild(document.ImportNode(child, deep: true));
            }
        }

        document.AppendChild(copy);
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if (attribute.NamespaceURI == XmlNames.Xmlns && !copy.HasAttribute(attribute.Name))
                {
                    copy.SetAttributeNode((XmlAttribute)document.ImportNode(attribute, deep: true));
                }
            }
        }

        return document;
    }

    private static XmlDsigExcC14NTransform Load(XmlDocument copy, string? prefixes)
    {
        var transform = new XmlDsigExcC14NTransform(includeComments: false, prefixes);
        transform.LoadInput(copy);
        return transform;
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
        Console.WriteLine(string.Create(Invariant, $"{name,-92} {best,9:0.0} µs best {m.MedianNanoseconds / 1000,9:0.0} µs median {m.CpuNanoseconds / 1000,9:0.0} CPU µs {m.AllocatedBytes / 1024.0,8:0.0} KB"));
        return best;
    }
}