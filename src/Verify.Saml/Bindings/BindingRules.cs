using System.Text;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Bindings;

/// <summary>Rules the HTTP bindings share: parameter names, the RelayState limit, which URLs we send to.</summary>
internal static class BindingRules
{
    public const string SamlRequest = "SAMLRequest";
    public const string SamlResponse = "SAMLResponse";
    public const string RelayState = "RelayState";
    public const string SigAlg = "SigAlg";
    public const string Signature = "Signature";

    /// <summary>SAML Bindings 3.4.3 and 3.5.3: RelayState MUST NOT exceed 80 bytes in length.</summary>
    public const int MaxRelayStateBytes = 80;

    public static string ParameterName(SamlMessageKind kind) => kind == SamlMessageKind.Response ? SamlResponse : SamlRequest;

    /// <summary>
    /// SAML Bindings 3.4.4 / 3.5.4: a request goes in <c>SAMLRequest</c>, a response in <c>SAMLResponse</c>.
    /// Every SAML protocol response is a StatusResponseType whose element name ends in "Response" (SAML Core 3.2.2).
    /// </summary>
    public static SamlMessageKind KindOf(XmlElement root)
    {
        if (!string.Equals(root.NamespaceURI, XmlNames.Samlp, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedRoot, "A SAML binding carries a SAML protocol message.");
        }

        return root.LocalName.EndsWith("Response", StringComparison.Ordinal) ? SamlMessageKind.Response : SamlMessageKind.Request;
    }

    /// <summary>The message must be of the kind its parameter name announced.</summary>
    public static void RequireKind(XmlElement root, SamlMessageKind announced)
    {
        if (KindOf(root) != announced)
        {
            throw new SamlException(SamlErrorCode.BindingMessageTypeMismatch);
        }
    }

    /// <summary>SAML Bindings 3.4.3 and 3.5.3: at most 80 bytes (counted in UTF-8).</summary>
    public static void RequireRelayState(string? relayState)
    {
        if (relayState is not null && Encoding.UTF8.GetByteCount(relayState) > MaxRelayStateBytes)
        {
            throw new SamlException(SamlErrorCode.BindingRelayStateTooLong);
        }
    }

    /// <summary>
    /// Where we send a message to (a browser form action, a redirect Location, a SOAP endpoint): an absolute
    /// <c>https:</c> URL without credentials; plain <c>http:</c> only to a loopback host, and only when allowed
    /// for development. Everything else, <c>javascript:</c> and <c>data:</c> included, is refused.
    /// </summary>
    public static Uri RequireDestination(string destination, bool allowLoopbackHttp)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Length == 0 || destination.Any(c => c <= ' ' || c == '\x7F')
            || !Uri.TryCreate(destination, UriKind.Absolute, out var uri)
            || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            throw new SamlException(SamlErrorCode.BindingDestinationNotAllowed);
        }

        var allowed = string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)
            || (allowLoopbackHttp && string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) && uri.IsLoopback);
        return allowed ? uri : throw new SamlException(SamlErrorCode.BindingDestinationNotAllowed);
    }
}
