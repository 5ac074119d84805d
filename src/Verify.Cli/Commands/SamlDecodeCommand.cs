using System.CommandLine;
using System.Text;
using System.Web;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify saml decode VALUE</c>: a Redirect URL or query string (DEFLATE + base64) or a POST
/// form value (base64) to indented XML. The XML is parsed with the hardened reader, so a hostile
/// message is refused here too.
/// </summary>
internal static class SamlDecodeCommand
{
    public static Command Create()
    {
        var value = new Argument<string?>("VALUE") { Description = "A Redirect URL/query string, or a base64 POST value. Omit to read standard input.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("decode", "Decode a SAML message from the HTTP-Redirect or HTTP-POST binding to readable XML.") { value };
        command.SetAction(result => Run(result.GetValue(value) ?? Console.In.ReadToEnd(), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string input, TextWriter output, TextWriter error)
    {
        try
        {
            input = input.Trim();
            var query = input.Contains('?', StringComparison.Ordinal) ? input[(input.IndexOf('?', StringComparison.Ordinal) + 1)..] : input;
            var parameters = HttpUtility.ParseQueryString(query);
            var redirect = parameters["SAMLRequest"] ?? parameters["SAMLResponse"];
            byte[] xml;
            if (redirect is not null)
            {
                xml = SamlMessageEncoding.Inflate(SamlMessageEncoding.DecodeBase64(redirect));
                output.WriteLine($"<!-- HTTP-Redirect: {(parameters["SAMLRequest"] is null ? "SAMLResponse" : "SAMLRequest")}"
                    + (parameters["RelayState"] is { } relay ? $", RelayState={relay}" : "")
                    + (parameters["SigAlg"] is { } alg ? $", SigAlg={alg}" : "") + " -->");
            }
            else
            {
                var post = parameters["SAMLResponse"] ?? parameters["SAMLRequest"] ?? (input.Contains('%', StringComparison.Ordinal) ? HttpUtility.UrlDecode(input) : input);
                xml = SamlMessageEncoding.DecodeBase64(post);
            }

            output.WriteLine(Indent(SecureXml.Load(xml)));
            return ExitCodes.Success;
        }
        catch (SamlException ex)
        {
            error.WriteLine($"{ex.Error.Id} {ex.Error.Code}: {ex.Error.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string Indent(XmlDocument document)
    {
        // Display only: indenting changes whitespace, so the output no longer verifies. Say so.
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineHandling = NewLineHandling.None }))
        {
            var copy = new XmlDocument();
            copy.LoadXml(document.OuterXml);
            copy.WriteTo(writer);
        }

        return builder.ToString();
    }
}
