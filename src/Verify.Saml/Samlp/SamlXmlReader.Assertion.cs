using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

public sealed partial class SamlXmlReader
{
    /// <summary>Reads a <c>saml:Assertion</c> (SAML Core 2.3.3).</summary>
    /// <exception cref="SamlException">The assertion is refused; the code says why.</exception>
    public Assertion ReadAssertion(XmlElement element)
    {
        const string label = "saml:Assertion";
        RequireName(element, XmlNames.Saml, "Assertion", label);
        var id = RequiredId(element, label);
        RequireVersion(element, label);
        var issueInstant = RequiredTime(element, "IssueInstant", label);

        // Core 2.3.3: Issuer, ds:Signature?, Subject?, Conditions?, Advice?, statements*. Advice is refused.
        var cursor = new ElementCursor(element, label);
        var issuer = ReadIssuer(cursor.Required(XmlNames.Saml, "Issuer", "saml:Issuer"));
        var signature = ReadSignature(cursor, label);
        var subject = cursor.Optional(XmlNames.Saml, "Subject") is { } subjectElement ? ReadSubject(subjectElement) : null;
        var conditions = cursor.Optional(XmlNames.Saml, "Conditions") is { } conditionsElement
            ? ReadConditions(conditionsElement)
            : null;

        var authnStatements = new List<AuthnStatement>();
        var attributeStatements = new List<AttributeStatement>();
        var attributeCount = 0;
        while (cursor.Current is { } current)
        {
            if (authnStatements.Count + attributeStatements.Count == Limits.MaxStatements)
            {
                throw new SamlException(SamlErrorCode.MessageTooManyElements, $"Statements in {label}.");
            }

            if (current.NamespaceURI == XmlNames.Saml && current.LocalName == "AuthnStatement")
            {
                authnStatements.Add(ReadAuthnStatement(cursor.Take()));
            }
            else if (current.NamespaceURI == XmlNames.Saml && current.LocalName == "AttributeStatement")
            {
                attributeStatements.Add(ReadAttributeStatement(cursor.Take(), ref attributeCount));
            }
            else
            {
                throw cursor.Unexpected();
            }
        }

        return new Assertion
        {
            Id = id,
            IssueInstant = issueInstant,
            Issuer = issuer,
            Subject = subject,
            Conditions = conditions,
            AuthnStatements = authnStatements,
            AttributeStatements = attributeStatements,
            Signature = signature,
            Source = element,
        };
    }

    /// <summary>Core 2.4.1: (NameID, SubjectConfirmation*) or SubjectConfirmation+. BaseID and EncryptedID are refused.</summary>
    private Subject ReadSubject(XmlElement element)
    {
        const string label = "saml:Subject";
        var cursor = new ElementCursor(element, label);
        var nameId = cursor.Optional(XmlNames.Saml, "NameID") is { } nameIdElement ? ReadNameId(nameIdElement) : null;
        var confirmations = cursor
            .ZeroOrMore(XmlNames.Saml, "SubjectConfirmation", Limits.MaxOtherRepeats, "saml:SubjectConfirmation")
            .ConvertAll(ReadSubjectConfirmation);
        cursor.End();
        if (nameId is null && confirmations.Count == 0)
        {
            throw new SamlException(SamlErrorCode.MessageMissingElement, $"saml:NameID or saml:SubjectConfirmation in {label}.");
        }

        return new Subject { NameId = nameId, SubjectConfirmations = confirmations };
    }

    private SubjectConfirmation ReadSubjectConfirmation(XmlElement element)
    {
        const string label = "saml:SubjectConfirmation";
        var method = RequiredNonEmptyAttribute(element, "Method", label);
        var cursor = new ElementCursor(element, label);
        var nameId = cursor.Optional(XmlNames.Saml, "NameID") is { } nameIdElement ? ReadNameId(nameIdElement) : null;
        var data = cursor.Optional(XmlNames.Saml, "SubjectConfirmationData") is { } dataElement
            ? ReadSubjectConfirmationData(dataElement)
            : null;
        cursor.End();
        return new SubjectConfirmation { Method = method, NameId = nameId, Data = data };
    }

    private SubjectConfirmationData ReadSubjectConfirmationData(XmlElement element)
    {
        const string label = "saml:SubjectConfirmationData";
        var cursor = new ElementCursor(element, label);
        var content = new List<XmlElement>();
        while (cursor.Current is not null)
        {
            if (content.Count == Limits.MaxOtherRepeats)
            {
                throw new SamlException(SamlErrorCode.MessageTooManyElements, $"In {label}.");
            }

            content.Add(cursor.Take());
        }

        return new SubjectConfirmationData
        {
            NotBefore = OptionalTime(element, "NotBefore", label),
            NotOnOrAfter = OptionalTime(element, "NotOnOrAfter", label),
            Recipient = Attribute(element, "Recipient"),
            InResponseTo = OptionalNcName(element, "InResponseTo", label),
            Address = Attribute(element, "Address"),
            Content = content,
        };
    }

    /// <summary>
    /// Core 2.5.1: conditions in any order. Only AudienceRestriction and (at most one) OneTimeUse are understood;
    /// an assertion with a condition we do not understand is not valid, so any other is refused.
    /// </summary>
    private Conditions ReadConditions(XmlElement element)
    {
        const string label = "saml:Conditions";
        var cursor = new ElementCursor(element, label);
        var restrictions = new List<IReadOnlyList<string>>();
        var audienceCount = 0;
        var oneTimeUse = false;
        while (cursor.Current is { } current)
        {
            if (current.NamespaceURI == XmlNames.Saml && current.LocalName == "AudienceRestriction")
            {
                var audiences = ReadAudienceRestriction(cursor.Take(), audienceCount);
                audienceCount += audiences.Count;
                restrictions.Add(audiences);
            }
            else if (current.NamespaceURI == XmlNames.Saml && current.LocalName == "OneTimeUse" && !oneTimeUse)
            {
                Empty(cursor.Take(), "saml:OneTimeUse");
                oneTimeUse = true;
            }
            else
            {
                throw cursor.Unexpected();
            }
        }

        return new Conditions
        {
            NotBefore = OptionalTime(element, "NotBefore", label),
            NotOnOrAfter = OptionalTime(element, "NotOnOrAfter", label),
            AudienceRestrictions = restrictions,
            OneTimeUse = oneTimeUse,
        };
    }

    private List<string> ReadAudienceRestriction(XmlElement element, int audiencesSoFar)
    {
        const string label = "saml:AudienceRestriction";
        var cursor = new ElementCursor(element, label);
        var audiences = cursor
            .OneOrMore(XmlNames.Saml, "Audience", Limits.MaxAudiences - audiencesSoFar, "saml:Audience")
            .ConvertAll(audience => NonEmptyText(audience, "saml:Audience"));
        cursor.End();
        return audiences;
    }

    /// <summary>Core 2.7.2: SubjectLocality?, AuthnContext.</summary>
    private AuthnStatement ReadAuthnStatement(XmlElement element)
    {
        const string label = "saml:AuthnStatement";
        var cursor = new ElementCursor(element, label);
        var locality = cursor.Optional(XmlNames.Saml, "SubjectLocality") is { } localityElement
            ? ReadSubjectLocality(localityElement)
            : null;
        var context = cursor.Required(XmlNames.Saml, "AuthnContext", "saml:AuthnContext");
        cursor.End();

        // Core 2.7.2.2: AuthnContextClassRef, then optionally a declaration (refused), then AuthenticatingAuthority*.
        var contextCursor = new ElementCursor(context, "saml:AuthnContext");
        var classRef = NonEmptyText(
            contextCursor.Required(XmlNames.Saml, "AuthnContextClassRef", "saml:AuthnContextClassRef"),
            "saml:AuthnContextClassRef");
        var authorities = contextCursor
            .ZeroOrMore(XmlNames.Saml, "AuthenticatingAuthority", Limits.MaxOtherRepeats, "saml:AuthenticatingAuthority")
            .ConvertAll(authority => NonEmptyText(authority, "saml:AuthenticatingAuthority"));
        contextCursor.End();

        return new AuthnStatement
        {
            AuthnInstant = RequiredTime(element, "AuthnInstant", label),
            SessionIndex = Attribute(element, "SessionIndex"),
            SessionNotOnOrAfter = OptionalTime(element, "SessionNotOnOrAfter", label),
            SubjectLocality = locality,
            AuthnContextClassRef = classRef,
            AuthenticatingAuthorities = authorities,
        };
    }

    private static SubjectLocality ReadSubjectLocality(XmlElement element)
    {
        Empty(element, "saml:SubjectLocality");
        return new SubjectLocality { Address = Attribute(element, "Address"), DnsName = Attribute(element, "DNSName") };
    }
}
