using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Bindings;

/// <summary>
/// A SOAP 1.1 fault we send when we cannot answer a SOAP request with a SAML response at all
/// (SAML Bindings 3.2.3.3; SOAP 1.1 4.4). Sent with HTTP status <see cref="HttpStatusCode"/>.
/// </summary>
public sealed class SoapFault
{
    /// <summary>SOAP 1.1 6.2: a fault is returned with "500 Internal Server Error".</summary>
    public const int HttpStatusCode = 500;

    private static readonly string[] StandardCodes = ["VersionMismatch", "MustUnderstand", "Client", "Server"];

    /// <summary>A fault with the given code and text.</summary>
    /// <param name="code">Client (the sender's fault) or Server (ours).</param>
    /// <param name="faultString">Text for a human; never message content or personal data.</param>
    public SoapFault(SoapFaultCode code, string faultString)
    {
        ArgumentNullException.ThrowIfNull(faultString);
        Code = code;
        FaultString = faultString;
    }

    /// <summary>The fault code.</summary>
    public SoapFaultCode Code { get; }

    /// <summary>The fault string.</summary>
    public string FaultString { get; }

    /// <summary>
    /// The fault for a catalogue error: Client when the error blames the requester, Server otherwise; the
    /// text is the catalogue's, which never carries message content.
    /// </summary>
    public static SoapFault FromError(SamlError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new SoapFault(error.Party == SamlErrorParty.Requester ? SoapFaultCode.Client : SoapFaultCode.Server, error.ToString());
    }

    /// <summary>The SOAP envelope carrying this fault, as UTF-8 bytes.</summary>
    public byte[] ToEnvelope() => SoapEnvelope.Write(writer =>
    {
        writer.WriteStartElement("soap11", "Fault", XmlNames.Soap11);

        // SOAP 1.1 4.4: faultcode and faultstring are unqualified; faultcode is a QName in the SOAP namespace.
        writer.WriteElementString("faultcode", "soap11:" + Code);
        writer.WriteElementString("faultstring", FaultString);
        writer.WriteEndElement();
    });

    /// <summary>
    /// What may be said about a fault we received: its code when it is one of SOAP's own, never its text
    /// (it comes from the peer and could hold anything).
    /// </summary>
    internal static string DescribeReceived(XmlElement fault)
    {
        var code = fault.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e is { LocalName: "faultcode", NamespaceURI: "" })?.InnerText.Trim() ?? "";
        var local = code[(code.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var known = StandardCodes.FirstOrDefault(c => local.StartsWith(c, StringComparison.Ordinal)
            && (local.Length == c.Length || local[c.Length] == '.'));
        return known is null ? "The peer sent a fault." : $"The peer sent a {known} fault.";
    }
}
