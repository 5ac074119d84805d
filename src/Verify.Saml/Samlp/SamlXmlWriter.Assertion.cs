using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

public static partial class SamlXmlWriter
{
    /// <summary>Writes a standalone <c>saml:Assertion</c>, e.g. to sign and encrypt before it goes into a response.</summary>
    public static XmlDocument WriteAssertion(Assertion assertion)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var document = NewDocument();
        document.AppendChild(CreateAssertion(document, assertion));
        return document;
    }

    private static XmlElement CreateAssertion(XmlDocument document, Assertion assertion)
    {
        RequireId(assertion.Id, nameof(assertion));
        var element = Saml(document, "Assertion");

        // The assertion declares what it uses itself, even inside a response that already declares saml: after
        // decryption it stands alone, and the ida and xs prefixes are used inside xsi:type values, where no
        // serializer would notice them.
        DeclareNamespace(element, SamlPrefix, XmlNames.Saml);
        if (assertion.Attributes.Any(attribute => attribute.Values.Count > 0))
        {
            DeclareValueNamespaces(element);
        }

        element.SetAttribute("ID", assertion.Id);
        element.SetAttribute("Version", "2.0");
        element.SetAttribute("IssueInstant", FormatTime(assertion.IssueInstant));
        element.AppendChild(CreateIssuer(document, assertion.Issuer));
        if (assertion.Subject is not null)
        {
            element.AppendChild(CreateSubject(document, assertion.Subject));
        }

        if (assertion.Conditions is not null)
        {
            element.AppendChild(CreateConditions(document, assertion.Conditions));
        }

        foreach (var statement in assertion.AuthnStatements)
        {
            element.AppendChild(CreateAuthnStatement(document, statement));
        }

        foreach (var statement in assertion.AttributeStatements)
        {
            if (statement.Attributes.Count == 0)
            {
                throw new ArgumentException("An attribute statement needs at least one attribute.", nameof(assertion));
            }

            var statementElement = element.AppendChild(Saml(document, "AttributeStatement"))!;
            foreach (var attribute in statement.Attributes)
            {
                statementElement.AppendChild(CreateAttribute(document, attribute));
            }
        }

        return element;
    }

    private static XmlElement CreateSubject(XmlDocument document, Subject subject)
    {
        if (subject.NameId is null && subject.SubjectConfirmations.Count == 0)
        {
            throw new ArgumentException("A subject needs a NameID or a subject confirmation.", nameof(subject));
        }

        var element = Saml(document, "Subject");
        if (subject.NameId is not null)
        {
            element.AppendChild(CreateNameId(document, subject.NameId));
        }

        foreach (var confirmation in subject.SubjectConfirmations)
        {
            var confirmationElement = Saml(document, "SubjectConfirmation");
            confirmationElement.SetAttribute("Method", confirmation.Method);
            if (confirmation.NameId is not null)
            {
                confirmationElement.AppendChild(CreateNameId(document, confirmation.NameId));
            }

            if (confirmation.Data is { } data)
            {
                var dataElement = Saml(document, "SubjectConfirmationData");
                SetOptional(dataElement, "NotBefore", data.NotBefore is { } notBefore ? FormatTime(notBefore) : null);
                SetOptional(dataElement, "NotOnOrAfter", data.NotOnOrAfter is { } notOnOrAfter ? FormatTime(notOnOrAfter) : null);
                SetOptional(dataElement, "Recipient", data.Recipient);
                SetOptional(dataElement, "InResponseTo", data.InResponseTo);
                SetOptional(dataElement, "Address", data.Address);
                foreach (var content in data.Content)
                {
                    dataElement.AppendChild(document.ImportNode(content, deep: true));
                }

                confirmationElement.AppendChild(dataElement);
            }

            element.AppendChild(confirmationElement);
        }

        return element;
    }

    private static XmlElement CreateConditions(XmlDocument document, Conditions conditions)
    {
        var element = Saml(document, "Conditions");
        SetOptional(element, "NotBefore", conditions.NotBefore is { } notBefore ? FormatTime(notBefore) : null);
        SetOptional(element, "NotOnOrAfter", conditions.NotOnOrAfter is { } notOnOrAfter ? FormatTime(notOnOrAfter) : null);
        foreach (var audiences in conditions.AudienceRestrictions)
        {
            if (audiences.Count == 0)
            {
                throw new ArgumentException("An audience restriction needs at least one audience.", nameof(conditions));
            }

            var restriction = element.AppendChild(Saml(document, "AudienceRestriction"))!;
            foreach (var audience in audiences)
            {
                restriction.AppendChild(TextElement(document, Saml(document, "Audience"), audience));
            }
        }

        if (conditions.OneTimeUse)
        {
            element.AppendChild(Saml(document, "OneTimeUse"));
        }

        return element;
    }

    private static XmlElement CreateAuthnStatement(XmlDocument document, AuthnStatement statement)
    {
        var element = Saml(document, "AuthnStatement");
        element.SetAttribute("AuthnInstant", FormatTime(statement.AuthnInstant));
        SetOptional(element, "SessionIndex", statement.SessionIndex);
        SetOptional(
            element,
            "SessionNotOnOrAfter",
            statement.SessionNotOnOrAfter is { } sessionEnd ? FormatTime(sessionEnd) : null);
        if (statement.SubjectLocality is { } locality)
        {
            var localityElement = element.AppendChild(Saml(document, "SubjectLocality"))!;
            SetOptional((XmlElement)localityElement, "Address", locality.Address);
            SetOptional((XmlElement)localityElement, "DNSName", locality.DnsName);
        }

        var context = element.AppendChild(Saml(document, "AuthnContext"))!;
        context.AppendChild(TextElement(document, Saml(document, "AuthnContextClassRef"), statement.AuthnContextClassRef));
        foreach (var authority in statement.AuthenticatingAuthorities)
        {
            context.AppendChild(TextElement(document, Saml(document, "AuthenticatingAuthority"), authority));
        }

        return element;
    }
}
