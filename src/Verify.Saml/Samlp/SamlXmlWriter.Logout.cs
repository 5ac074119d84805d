using System.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

public static partial class SamlXmlWriter
{
    /// <summary>Writes a <c>samlp:LogoutRequest</c>: the NameID, then the session indexes.</summary>
    public static XmlDocument WriteLogoutRequest(LogoutRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = NewDocument();
        var root = CreateMessage(document, "LogoutRequest", request);
        SetOptional(root, "Reason", request.Reason);
        SetOptional(root, "NotOnOrAfter", request.NotOnOrAfter is { } notOnOrAfter ? FormatTime(notOnOrAfter) : null);
        root.AppendChild(CreateNameId(document, request.NameId));
        foreach (var sessionIndex in request.SessionIndexes)
        {
            root.AppendChild(TextElement(document, Samlp(document, "SessionIndex"), sessionIndex));
        }

        return document;
    }
}
