using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace Verify.Saml.Bindings;

/// <summary>
/// The HTML page of the HTTP-POST binding (SAML Bindings 3.5.4): a form with the message and RelayState
/// as hidden fields, sent on by a one-line script, and a submit button that is always there, so the page
/// works without JavaScript and when a Content-Security-Policy blocks the script.
/// </summary>
internal static class PostFormPage
{
    /// <summary>The whole script, fixed text, so a CSP can allow it by hash.</summary>
    public const string Script = "document.getElementById(\"saml-post\").submit();";

    /// <summary>The CSP source expression that allows <see cref="Script"/>, quotes included.</summary>
    public static readonly string ScriptHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script))) + "'";

    /// <summary>
    /// Every value from outside (URL, message, RelayState, nonce, localised text) is HTML-encoded with the
    /// framework's default encoder, which escapes quotes, angle brackets, ampersands and all non-ASCII, so
    /// a value can neither leave its attribute nor open an element.
    /// </summary>
    public static string Render(Uri destination, string parameterName, string base64Message, string? relayState, PostFormOptions options)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(base64Message.Length + 1024);
        page.Append("<!DOCTYPE html>\n")
            .Append("<html lang=\"").Append(html.Encode(options.Language)).Append("\">\n")
            .Append("<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(html.Encode(options.Title)).Append("</title>\n")
            .Append("</head>\n")
            .Append("<body>\n")
            .Append("<form id=\"saml-post\" method=\"post\" action=\"").Append(html.Encode(destination.OriginalString)).Append("\">\n")
            .Append("<p>").Append(html.Encode(options.Message)).Append("</p>\n")
            .Append("<input type=\"hidden\" name=\"").Append(parameterName).Append("\" value=\"").Append(html.Encode(base64Message)).Append("\">\n");
        if (!string.IsNullOrEmpty(relayState))
        {
            page.Append("<input type=\"hidden\" name=\"RelayState\" value=\"").Append(html.Encode(relayState)).Append("\">\n");
        }

        page.Append("<button type=\"submit\">").Append(html.Encode(options.ButtonLabel)).Append("</button>\n")
            .Append("</form>\n")
            .Append("<script");
        if (!string.IsNullOrEmpty(options.ScriptNonce))
        {
            page.Append(" nonce=\"").Append(html.Encode(options.ScriptNonce)).Append('"');
        }

        page.Append('>').Append(Script).Append("</script>\n")
            .Append("</body>\n")
            .Append("</html>\n");
        return page.ToString();
    }
}
