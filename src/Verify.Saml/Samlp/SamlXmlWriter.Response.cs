using System.Xml;

namespace Verify.Saml.Samlp;

public static partial class SamlXmlWriter
{
    /// <summary>
    /// Writes a <c>samlp:Response</c>: the status, then the plain assertions (each declaring its own namespaces),
    /// then the encrypted assertion elements as given.
    /// </summary>
    public static XmlDocument WriteResponse(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var document = NewDocument();
        var root = CreateMessage(document, "Response", response);
        root.AppendChild(CreateStatus(document, response.Status));
        foreach (var assertion in response.Assertions)
        {
            root.AppendChild(CreateAssertion(document, assertion));
        }

        foreach (var encrypted in response.EncryptedAssertions)
        {
            root.AppendChild(document.ImportNode(encrypted, deep: true));
        }

        return document;
    }

    /// <summary>Writes a <c>samlp:LogoutResponse</c>.</summary>
    public static XmlDocument WriteLogoutResponse(LogoutResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var document = NewDocument();
        var root = CreateMessage(document, "LogoutResponse", response);
        root.AppendChild(CreateStatus(document, response.Status));
        return document;
    }

    private static XmlElement CreateStatus(XmlDocument document, Status status)
    {
        if (!StatusCodes.IsTopLevel(status.StatusCode.Value))
        {
            throw new ArgumentException("The outermost status code must be a top-level code (SAML Core 3.2.2.2).", nameof(status));
        }

        var element = Samlp(document, "Status");
        XmlNode parent = element;
        for (var code = status.StatusCode; code is not null; code = code.SubCode)
        {
            var codeElement = Samlp(document, "StatusCode");
            codeElement.SetAttribute("Value", code.Value);
            parent = parent.AppendChild(codeElement)!;
        }

        if (status.StatusMessage is not null)
        {
            element.AppendChild(TextElement(document, Samlp(document, "StatusMessage"), status.StatusMessage));
        }

        if (status.DetailValues.Count > 0 || status.DetailElements.Count > 0)
        {
            // Verify's shape: unqualified StatusValue elements holding the detail text.
            var detail = element.AppendChild(Samlp(document, "StatusDetail"))!;
            foreach (var value in status.DetailValues)
            {
                detail.AppendChild(TextElement(document, document.CreateElement("StatusValue"), value));
            }

            foreach (var other in status.DetailElements)
            {
                detail.AppendChild(document.ImportNode(other, deep: true));
            }
        }

        return element;
    }
}
