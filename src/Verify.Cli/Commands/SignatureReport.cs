using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Cli.Commands;

/// <summary>The outcome of checking every signature in a document, for <c>verify saml verify</c>.</summary>
internal sealed class SignatureReport
{
    private readonly List<(string Element, string Id, SamlError? Error)> _lines = [];

    /// <summary>True when every signature verified and the root, or every assertion, is signed.</summary>
    public bool Acceptable { get; private set; }

    /// <summary>Why the document is not acceptable, or empty.</summary>
    public string Problem { get; private set; } = "";

    public static SignatureReport Check(XmlDocument document, TrustedKeySet keys)
    {
        var report = new SignatureReport();
        var signed = new HashSet<XmlElement>();
        var signatures = document.GetElementsByTagName("Signature", XmlNames.DSig).OfType<XmlElement>().ToList();
        foreach (var signature in signatures)
        {
            var parent = (XmlElement)signature.ParentNode!;
            var id = parent.GetAttribute("ID");
            try
            {
                signed.Add(XmlSignatureVerifier.Verify(parent, keys).Element);
                report._lines.Add((parent.Name, id, null));
            }
            catch (SamlException ex)
            {
                report._lines.Add((parent.Name, id, ex.Error));
            }
        }

        var root = document.DocumentElement!;
        var assertions = document.GetElementsByTagName("Assertion", XmlNames.Saml).OfType<XmlElement>().ToList();
        var failed = report._lines.FirstOrDefault(l => l.Error is not null);
        if (signatures.Count == 0)
        {
            report.Problem = SamlErrors.Describe(SamlErrorCode.SignatureMissing).ToString();
        }
        else if (failed.Error is not null)
        {
            report.Problem = failed.Error.ToString();
        }
        else if (!signed.Contains(root) && (assertions.Count == 0 || !assertions.TrueForAll(signed.Contains)))
        {
            report.Problem = SamlErrors.Describe(SamlErrorCode.SignatureMissing, "Neither the root element nor every assertion is signed.").ToString();
        }
        else
        {
            report.Acceptable = true;
        }

        return report;
    }

    public void WriteTo(TextWriter output)
    {
        foreach (var (element, id, error) in _lines)
        {
            output.WriteLine(error is null ? $"valid    {element} ID={id}" : $"INVALID  {element} ID={id}: {error}");
        }

        output.WriteLine(Acceptable ? "OK: every signature is valid." : "NOT OK: " + Problem);
    }
}
