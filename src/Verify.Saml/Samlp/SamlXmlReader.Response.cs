using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

public sealed partial class SamlXmlReader
{
    /// <summary>
    /// Reads a <c>samlp:Response</c> (SAML Core 3.3.3). Plain assertions are read (each keeps its element);
    /// encrypted ones are kept as elements for the encryption layer.
    /// </summary>
    /// <exception cref="SamlException">The response is refused; the code says why.</exception>
    public Response ReadResponse(XmlElement element)
    {
        const string label = "samlp:Response";
        RequireName(element, XmlNames.Samlp, "Response", label);

        // Core 3.3.3: header, Status, (Assertion | EncryptedAssertion)*.
        var cursor = new ElementCursor(element, label);
        var header = ReadHeader(element, label, cursor, isResponse: true);
        var status = ReadStatus(cursor.Required(XmlNames.Samlp, "Status", "samlp:Status"));
        var assertions = new List<Assertion>();
        var encryptedAssertions = new List<XmlElement>();
        while (cursor.Current is { } current)
        {
            if (assertions.Count + encryptedAssertions.Count == Limits.MaxAssertions)
            {
                throw new SamlException(SamlErrorCode.MessageTooManyElements, $"Assertions in {label}.");
            }

            if (current.NamespaceURI == XmlNames.Saml && current.LocalName == "Assertion")
            {
                assertions.Add(ReadAssertion(cursor.Take()));
            }
            else if (current.NamespaceURI == XmlNames.Saml && current.LocalName == "EncryptedAssertion")
            {
                encryptedAssertions.Add(cursor.Take());
            }
            else
            {
                throw cursor.Unexpected();
            }
        }

        return new Response
        {
            Id = header.Id,
            InResponseTo = header.InResponseTo,
            IssueInstant = header.IssueInstant,
            Destination = header.Destination,
            Issuer = header.Issuer,
            Extensions = header.Extensions,
            Signature = header.Signature,
            Source = element,
            Status = status,
            Assertions = assertions,
            EncryptedAssertions = encryptedAssertions,
        };
    }

    /// <summary>Reads a <c>samlp:LogoutResponse</c> (SAML Core 3.7.2).</summary>
    /// <exception cref="SamlException">The response is refused; the code says why.</exception>
    public LogoutResponse ReadLogoutResponse(XmlElement element)
    {
        const string label = "samlp:LogoutResponse";
        RequireName(element, XmlNames.Samlp, "LogoutResponse", label);
        var cursor = new ElementCursor(element, label);
        var header = ReadHeader(element, label, cursor, isResponse: true);
        var status = ReadStatus(cursor.Required(XmlNames.Samlp, "Status", "samlp:Status"));
        cursor.End();
        return new LogoutResponse
        {
            Id = header.Id,
            InResponseTo = header.InResponseTo,
            IssueInstant = header.IssueInstant,
            Destination = header.Destination,
            Issuer = header.Issuer,
            Extensions = header.Extensions,
            Signature = header.Signature,
            Source = element,
            Status = status,
        };
    }

    /// <summary>Core 3.2.2.1: StatusCode, StatusMessage?, StatusDetail?.</summary>
    private Status ReadStatus(XmlElement element)
    {
        const string label = "samlp:Status";
        var cursor = new ElementCursor(element, label);
        var code = ReadStatusCode(cursor.Required(XmlNames.Samlp, "StatusCode", "samlp:StatusCode"), depth: 1);
        var message = cursor.Optional(XmlNames.Samlp, "StatusMessage") is { } messageElement
            ? Text(messageElement, "samlp:StatusMessage")
            : null;
        var detail = cursor.Optional(XmlNames.Samlp, "StatusDetail");
        cursor.End();

        // Core 3.2.2.2: the top-level code MUST be one of the four SAML defines.
        if (!StatusCodes.IsTopLevel(code.Value))
        {
            throw Invalid("Value", "samlp:StatusCode");
        }

        var detailValues = new List<string>();
        var detailElements = new List<XmlElement>();
        if (detail is not null)
        {
            ReadStatusDetail(detail, detailValues, detailElements);
        }

        return new Status
        {
            StatusCode = code,
            StatusMessage = message,
            DetailValues = detailValues,
            DetailElements = detailElements,
        };
    }

    private StatusCode ReadStatusCode(XmlElement element, int depth)
    {
        const string label = "samlp:StatusCode";
        if (depth > Limits.MaxStatusCodeDepth)
        {
            throw new SamlException(SamlErrorCode.MessageTooManyElements, $"Nested {label}.");
        }

        var value = RequiredNonEmptyAttribute(element, "Value", label);
        var cursor = new ElementCursor(element, label);
        var nested = cursor.Optional(XmlNames.Samlp, "StatusCode") is { } nestedElement
            ? ReadStatusCode(nestedElement, depth + 1)
            : null;
        cursor.End();
        return new StatusCode(value, nested);
    }

    /// <summary>
    /// StatusDetail may hold any elements. Verify's IDPs put an unqualified <c>StatusValue</c> there whose text
    /// says why authentication did not happen; its text is read, everything else is kept as elements.
    /// </summary>
    private void ReadStatusDetail(XmlElement element, List<string> values, List<XmlElement> elements)
    {
        const string label = "samlp:StatusDetail";
        var cursor = new ElementCursor(element, label);
        while (cursor.Current is { } current)
        {
            if (values.Count + elements.Count == Limits.MaxOtherRepeats)
            {
                throw new SamlException(SamlErrorCode.MessageTooManyElements, $"In {label}.");
            }

            var child = cursor.Take();
            if (current.NamespaceURI.Length == 0 && current.LocalName == "StatusValue")
            {
                values.Add(Text(child, "StatusValue"));
            }
            else
            {
                elements.Add(child);
            }
        }
    }
}
