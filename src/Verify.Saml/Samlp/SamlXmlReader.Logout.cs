using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

public sealed partial class SamlXmlReader
{
    /// <summary>Reads a <c>samlp:LogoutRequest</c> (SAML Core 3.7.1). BaseID and EncryptedID are refused.</summary>
    /// <exception cref="SamlException">The request is refused; the code says why.</exception>
    public LogoutRequest ReadLogoutRequest(XmlElement element)
    {
        const string label = "samlp:LogoutRequest";
        RequireName(element, XmlNames.Samlp, "LogoutRequest", label);

        // Core 3.7.1: header, (BaseID | NameID | EncryptedID), SessionIndex*.
        var cursor = new ElementCursor(element, label);
        var header = ReadHeader(element, label, cursor, isResponse: false);
        var nameId = ReadNameId(cursor.Required(XmlNames.Saml, "NameID", "saml:NameID"));
        var sessionIndexes = cursor
            .ZeroOrMore(XmlNames.Samlp, "SessionIndex", Limits.MaxOtherRepeats, "samlp:SessionIndex")
            .ConvertAll(index => NonEmptyText(index, "samlp:SessionIndex"));
        cursor.End();
        return new LogoutRequest
        {
            Id = header.Id,
            IssueInstant = header.IssueInstant,
            Destination = header.Destination,
            Issuer = header.Issuer,
            Extensions = header.Extensions,
            Signature = header.Signature,
            Source = element,
            NameId = nameId,
            SessionIndexes = sessionIndexes,
            Reason = Attribute(element, "Reason"),
            NotOnOrAfter = OptionalTime(element, "NotOnOrAfter", label),
        };
    }
}
