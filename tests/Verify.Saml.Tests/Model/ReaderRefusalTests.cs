using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Model;

/// <summary>
/// "Break one thing" tables: start from a valid message, apply one mutation, re-parse the serialized result (so
/// the reader sees what a parser would build), and expect one specific error code.
/// </summary>
public class ReaderRefusalTests
{
    private const string Saml2 = "saml2";

    public static IEnumerable<TestCaseData> BrokenIdpResponses()
    {
        // Version, IDs and times.
        yield return Case("ReadResponse_RefusesMissingVersion", d => Root(d).RemoveAttribute("Version"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("ReadResponse_RefusesVersion11", d => Root(d).SetAttribute("Version", "1.1"), SamlErrorCode.MessageUnsupportedVersion);
        yield return Case("ReadResponse_RefusesAssertionVersion21", d => Find(d, "Assertion", 1).SetAttribute("Version", "2.1"), SamlErrorCode.MessageUnsupportedVersion);
        yield return Case("ReadResponse_RefusesMissingId", d => Root(d).RemoveAttribute("ID"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("ReadResponse_RefusesIdThatIsNotAnNcName", d => Root(d).SetAttribute("ID", "1response"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesInResponseToThatIsNotAnNcName", d => Root(d).SetAttribute("InResponseTo", "a b"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesMissingIssueInstant", d => Root(d).RemoveAttribute("IssueInstant"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("ReadResponse_RefusesIssueInstantWithOffset", d => Root(d).SetAttribute("IssueInstant", "2025-03-14T11:30:00.000+01:00"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesIssueInstantWithZeroOffset", d => Root(d).SetAttribute("IssueInstant", "2025-03-14T10:30:00+00:00"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesIssueInstantWithoutZone", d => Root(d).SetAttribute("IssueInstant", "2025-03-14T10:30:00"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesUnparseableTime", d => Root(d).SetAttribute("IssueInstant", "yesterday"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesNonUtcConditionsTime", d => Find(d, "Conditions").SetAttribute("NotOnOrAfter", "2025-03-14T12:30:00+01:00"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesNonUtcConfirmationTime", d => Find(d, "SubjectConfirmationData", 1).SetAttribute("NotOnOrAfter", "2025-03-14T10:35:00-05:00"), SamlErrorCode.MessageInvalidValue);

        // Unknown and unsupported elements, schema order.
        yield return Case("ReadResponse_RefusesUnknownElementAfterAssertions", d => Root(d).AppendChild(d.CreateElement("saml2p", "Surprise", XmlNames.Samlp)), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesUnknownElementBeforeStatus", d => InsertAfter(Find(d, "Issuer"), d.CreateElement(Saml2, "Surprise", XmlNames.Saml)), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesUnknownElementInSubject", d => Find(d, "Subject").AppendChild(d.CreateElement(Saml2, "Surprise", XmlNames.Saml)), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesStatusAfterAssertions", d => Root(d).AppendChild(Find(d, "Status")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesConditionsBeforeSubject", d => Find(d, "Assertion").InsertBefore(Find(d, "Conditions"), Find(d, "Subject")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesAdvice", d => InsertAfter(Find(d, "Conditions"), d.CreateElement(Saml2, "Advice", XmlNames.Saml)), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesConditionItDoesNotUnderstand", d => Find(d, "Conditions").AppendChild(d.CreateElement(Saml2, "ProxyRestriction", XmlNames.Saml)), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesSecondOneTimeUse", d => AppendTwice(Find(d, "Conditions"), () => d.CreateElement(Saml2, "OneTimeUse", XmlNames.Saml)), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesEncryptedIdInSubject", d => Find(d, "Subject").ReplaceChild(d.CreateElement(Saml2, "EncryptedID", XmlNames.Saml), Find(d, "NameID")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesAddressPartsOutOfOrder", d => Find(d, "AttributeValue", 7).AppendChild(Find(d, "Line", 0)), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadResponse_RefusesMissingStatus", d => Root(d).RemoveChild(Find(d, "Status")), SamlErrorCode.MessageMissingElement);
        yield return Case("ReadResponse_RefusesAssertionWithoutIssuer", d => Find(d, "Assertion").RemoveChild(Find(d, "Issuer", 1)), SamlErrorCode.MessageMissingElement);
        yield return Case("ReadResponse_RefusesSubjectWithNeitherNameIdNorConfirmation", d => EmptyOut(Find(d, "Subject")), SamlErrorCode.MessageMissingElement);
        yield return Case("ReadResponse_RefusesAudienceRestrictionWithoutAudience", d => EmptyOut(Find(d, "AudienceRestriction")), SamlErrorCode.MessageMissingElement);
        yield return Case("ReadResponse_RefusesEmptyAttributeStatement", d => EmptyOut(Find(d, "AttributeStatement")), SamlErrorCode.MessageMissingElement);
        yield return Case("ReadResponse_RefusesContextGivenOnlyByDeclaration", d => Rename(d, Find(d, "AuthnContextClassRef"), "AuthnContextDeclRef"), SamlErrorCode.MessageMissingElement);

        // Signatures outside the schema's position (right after the Issuer).
        yield return Case("ReadResponse_RefusesSignatureInTheWrongPositionInAssertion", d => InsertAfter(Find(d, "Subject"), Signature(d)), SamlErrorCode.SignatureNotAtExpectedPosition);
        yield return Case("ReadResponse_RefusesSignatureBeforeIssuer", d => Root(d).PrependChild(Signature(d)), SamlErrorCode.SignatureNotAtExpectedPosition);
        yield return Case("ReadResponse_RefusesSignatureAfterStatus", d => InsertAfter(Find(d, "Status"), Signature(d)), SamlErrorCode.SignatureNotAtExpectedPosition);
        yield return Case("ReadResponse_RefusesSignatureInsideSubject", d => Find(d, "Subject").AppendChild(Signature(d)), SamlErrorCode.SignatureNotAtExpectedPosition);
        yield return Case("ReadResponse_RefusesTwoSignatures", d => AppendTwiceAfter(Find(d, "Issuer"), () => Signature(d)), SamlErrorCode.SignatureMultiple);

        // Text-only elements hold text only: the comment-injection defence.
        yield return Case("ReadResponse_RefusesCommentInsideNameId", d => SpliceComment(d, Find(d, "NameID")), SamlErrorCode.MessageMixedContent);
        yield return Case("ReadResponse_RefusesProcessingInstructionInsideIssuer", d => Find(d, "Issuer").AppendChild(d.CreateProcessingInstruction("evil", "x")), SamlErrorCode.MessageMixedContent);
        yield return Case("ReadResponse_RefusesChildElementInsideAudience", d => Find(d, "Audience").AppendChild(d.CreateElement(Saml2, "Audience", XmlNames.Saml)), SamlErrorCode.MessageMixedContent);
        yield return Case("ReadResponse_RefusesCommentInsideAuthnContextClassRef", d => SpliceComment(d, Find(d, "AuthnContextClassRef")), SamlErrorCode.MessageMixedContent);
        yield return Case("ReadResponse_RefusesCommentInsideStringAttributeValue", d => SpliceComment(d, Find(d, "AttributeValue", 0)), SamlErrorCode.MessageMixedContent);
        yield return Case("ReadResponse_RefusesCommentInsideAddressLine", d => SpliceComment(d, Find(d, "Line")), SamlErrorCode.MessageMixedContent);
        yield return Case("ReadResponse_RefusesTextBetweenElements", d => Find(d, "Subject").AppendChild(d.CreateTextNode("stray")), SamlErrorCode.MessageMixedContent);

        // Counts.
        yield return Case("ReadResponse_RefusesTooManyAttributes", d => AddAttributes(d, SamlReaderLimits.Default.MaxAttributes + 1 - 7), SamlErrorCode.MessageTooManyElements);
        yield return Case("ReadResponse_RefusesTooManyValuesInOneAttribute", d => AddValues(d, SamlReaderLimits.Default.MaxValuesPerAttribute), SamlErrorCode.MessageTooManyElements);
        yield return Case("ReadResponse_RefusesTooManyAssertions", d => AddAssertions(d, SamlReaderLimits.Default.MaxAssertions - 1), SamlErrorCode.MessageTooManyElements);
        yield return Case("ReadResponse_RefusesStatusCodesNestedTooDeep", d => NestStatusCodes(d, SamlReaderLimits.Default.MaxStatusCodeDepth), SamlErrorCode.MessageTooManyElements);

        // Values.
        yield return Case("ReadResponse_RefusesEmptyNameId", d => EmptyOut(Find(d, "NameID")), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesTopLevelStatusCodeThatIsNotTopLevel", d => Find(d, "StatusCode").SetAttribute("Value", "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesUnknownXsiType", d => SetXsiType(Find(d, "AttributeValue", 0), "xs:integer", "xs", XmlNames.Xs), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesXsiTypeWithUnboundPrefix", d => SetXsiType(Find(d, "AttributeValue", 0), "nowhere:IPAddressType", null, null), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesNilAttributeValue", d => Nil(Find(d, "AttributeValue", 0)), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesUnknownGender", d => SetText(Find(d, "AttributeValue", 5), "M"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesGenderInAnotherCase", d => SetText(Find(d, "AttributeValue", 5), "female"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesVerifiedFlagThatIsNotBoolean", d => Find(d, "AttributeValue", 1).SetAttribute("Verified", XmlNames.IdaAttributes, "yes"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesDateOfBirthNotInIsoForm", d => SetText(Find(d, "AttributeValue", 6), "24/05/1980"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesFromDateThatIsNotADate", d => Find(d, "AttributeValue", 1).SetAttribute("From", XmlNames.IdaAttributes, "1980-05-24T00:00:00Z"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesUnknownGpg45Status", d => AddGpg45Status(d, "XX01"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadResponse_RefusesAttributeWithoutName", d => Find(d, "Attribute", 1).RemoveAttribute("Name"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("ReadResponse_RefusesConfirmationWithoutMethod", d => Find(d, "SubjectConfirmation").RemoveAttribute("Method"), SamlErrorCode.MessageMissingAttribute);
    }

    public static IEnumerable<TestCaseData> BrokenAuthnRequests()
    {
        yield return Case("ReadAuthnRequest_RefusesMissingVersion", d => Root(d).RemoveAttribute("Version"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("ReadAuthnRequest_RefusesBooleanInUpperCase", d => Root(d).SetAttribute("ForceAuthn", "TRUE"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadAuthnRequest_RefusesServiceIndexWithServiceUrl", d => Root(d).SetAttribute("AssertionConsumerServiceIndex", "1"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadAuthnRequest_RefusesNegativeIndex", d => Root(d).SetAttribute("AttributeConsumingServiceIndex", "-1"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadAuthnRequest_RefusesIndexAboveUnsignedShort", d => Root(d).SetAttribute("AttributeConsumingServiceIndex", "65536"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadAuthnRequest_RefusesUnknownComparison", d => Find(d, "RequestedAuthnContext").SetAttribute("Comparison", "exactly"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ReadAuthnRequest_RefusesRequestedContextWithoutClass", d => EmptyOut(Find(d, "RequestedAuthnContext")), SamlErrorCode.MessageMissingElement);
        yield return Case("ReadAuthnRequest_RefusesExtensionInSamlNamespace", d => Find(d, "Extensions").AppendChild(d.CreateElement("saml", "Attribute", XmlNames.Saml)), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadAuthnRequest_RefusesUnqualifiedExtension", d => Find(d, "Extensions").AppendChild(d.CreateElement("Hint")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadAuthnRequest_RefusesEmptyExtensions", d => EmptyOut(Find(d, "Extensions")), SamlErrorCode.MessageMissingElement);
        yield return Case("ReadAuthnRequest_RefusesScoping", d => Root(d).AppendChild(d.CreateElement("samlp", "Scoping", XmlNames.Samlp)), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadAuthnRequest_RefusesNameIdPolicyAfterRequestedContext", d => Root(d).AppendChild(Find(d, "NameIDPolicy")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ReadAuthnRequest_RefusesCommentInsideIssuer", d => SpliceComment(d, Find(d, "Issuer")), SamlErrorCode.MessageMixedContent);
        yield return Case("ReadAuthnRequest_RefusesSignatureAfterExtensions", d => InsertAfter(Find(d, "Extensions"), Signature(d)), SamlErrorCode.SignatureNotAtExpectedPosition);
    }

    [TestCaseSource(nameof(BrokenIdpResponses))]
    public void ReadResponse_RefusesBrokenIdpResponse(Action<XmlDocument> breakIt, SamlErrorCode expected)
    {
        var document = Break(SampleMessages.IdpResponse(), breakIt);

        var refusal = Assert.Throws<SamlException>(() => SamlXmlReader.Default.ReadResponse(document.DocumentElement!));

        Assert.That(refusal!.Code, Is.EqualTo(expected), refusal.Message);
    }

    [TestCaseSource(nameof(BrokenAuthnRequests))]
    public void ReadAuthnRequest_RefusesBrokenRequest(Action<XmlDocument> breakIt, SamlErrorCode expected)
    {
        var document = Break(SamlXmlWriter.WriteAuthnRequest(ModelSamples.AuthnRequest()), breakIt);

        var refusal = Assert.Throws<SamlException>(() => SamlXmlReader.Default.ReadAuthnRequest(document.DocumentElement!));

        Assert.That(refusal!.Code, Is.EqualTo(expected), refusal.Message);
    }

    [Test]
    public void ReadResponse_RefusesAnAssertionAsRoot()
    {
        var assertion = SamlXmlWriter.WriteAssertion(ModelSamples.AuthnAssertion());

        var refusal = Assert.Throws<SamlException>(() => SamlXmlReader.Default.ReadResponse(assertion.DocumentElement!));

        Assert.That(refusal!.Code, Is.EqualTo(SamlErrorCode.MessageUnexpectedRoot));
    }

    [Test]
    public void ReadMessage_RefusesARootThatIsNotAProtocolMessage()
    {
        var refusal = Assert.Throws<SamlException>(() => SamlXmlReader.Default.ReadMessage(SamlXmlWriter.WriteAssertion(ModelSamples.AuthnAssertion())));

        Assert.That(refusal!.Code, Is.EqualTo(SamlErrorCode.MessageUnexpectedRoot));
    }

    [Test]
    public void ReadResponse_RefusalMessageDoesNotEchoContent()
    {
        var document = Break(SampleMessages.IdpResponse(), d => SpliceComment(d, Find(d, "NameID")));

        var refusal = Assert.Throws<SamlException>(() => SamlXmlReader.Default.ReadResponse(document.DocumentElement!));

        Assert.That(refusal!.Message, Does.Not.Contain(SampleMessages.Pid).And.Not.Contain("evil"));
    }

    [Test]
    public void ReadResponse_AcceptsExactlyTheAttributeLimit()
    {
        var document = Break(SampleMessages.IdpResponse(), d => AddAttributes(d, SamlReaderLimits.Default.MaxAttributes - 7));

        var response = SamlXmlReader.Default.ReadResponse(document.DocumentElement!);

        Assert.That(response.Assertions[1].Attributes.Count(), Is.EqualTo(SamlReaderLimits.Default.MaxAttributes));
    }

    [Test]
    public void ReadResponse_AppliesTheLimitsItIsGiven()
    {
        var reader = new SamlXmlReader(new SamlReaderLimits { MaxAssertions = 1 });

        var refusal = Assert.Throws<SamlException>(() => reader.ReadResponse(SampleMessages.IdpResponse().DocumentElement!));

        Assert.That(refusal!.Code, Is.EqualTo(SamlErrorCode.MessageTooManyElements));
    }

    private static TestCaseData Case(string name, Action<XmlDocument> breakIt, SamlErrorCode expected) =>
        new TestCaseData(breakIt, expected).SetName(name);

    private static XmlDocument Break(XmlDocument document, Action<XmlDocument> breakIt)
    {
        breakIt(document);
        return SecureXml.Load(document.OuterXml);
    }

    private static XmlElement Root(XmlDocument document) => document.DocumentElement!;

    private static XmlElement Find(XmlDocument document, string localName, int index = 0) =>
        (XmlElement)document.GetElementsByTagName(localName, "*")[index]!;

    private static XmlElement Signature(XmlDocument document) => document.CreateElement("ds", "Signature", XmlNames.DSig);

    private static void InsertAfter(XmlNode reference, XmlNode node) => reference.ParentNode!.InsertAfter(node, reference);

    private static void AppendTwice(XmlElement parent, Func<XmlElement> create)
    {
        parent.AppendChild(create());
        parent.AppendChild(create());
    }

    private static void AppendTwiceAfter(XmlElement reference, Func<XmlElement> create)
    {
        InsertAfter(reference, create());
        InsertAfter(reference, create());
    }

    private static void EmptyOut(XmlElement element)
    {
        while (element.FirstChild is { } child)
        {
            element.RemoveChild(child);
        }
    }

    private static void SetText(XmlElement element, string text)
    {
        EmptyOut(element);
        element.AppendChild(element.OwnerDocument.CreateTextNode(text));
    }

    private static void Rename(XmlDocument document, XmlElement element, string localName)
    {
        var renamed = document.CreateElement(element.Prefix, localName, element.NamespaceURI);
        renamed.InnerText = element.InnerText;
        element.ParentNode!.ReplaceChild(renamed, element);
    }

    // <NameID>pid<!---->.evil.com</NameID>: a reader taking the first text node would see only "pid".
    private static void SpliceComment(XmlDocument document, XmlElement element)
    {
        element.AppendChild(document.CreateComment(string.Empty));
        element.AppendChild(document.CreateTextNode(".evil.com"));
    }

    private static void SetXsiType(XmlElement element, string type, string? prefix, string? ns)
    {
        if (prefix is not null)
        {
            element.SetAttribute("xmlns:" + prefix, ns);
        }

        element.SetAttribute("type", XmlNames.Xsi, type);
    }

    private static void Nil(XmlElement element)
    {
        EmptyOut(element);
        element.SetAttribute("nil", XmlNames.Xsi, "true");
    }

    private static void AddAttributes(XmlDocument document, int count)
    {
        var statement = Find(document, "AttributeStatement", 1);
        for (var i = 0; i < count; i++)
        {
            var attribute = document.CreateElement(Saml2, "Attribute", XmlNames.Saml);
            attribute.SetAttribute("Name", "extra" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            statement.AppendChild(attribute);
        }
    }

    private static void AddValues(XmlDocument document, int count)
    {
        var attribute = Find(document, "Attribute", 1);
        var value = Find(document, "AttributeValue", 1);
        for (var i = 0; i < count; i++)
        {
            attribute.AppendChild(value.CloneNode(deep: true));
        }
    }

    private static void AddAssertions(XmlDocument document, int count)
    {
        var assertion = Find(document, "Assertion");
        for (var i = 0; i < count; i++)
        {
            var copy = (XmlElement)assertion.CloneNode(deep: true);
            copy.SetAttribute("ID", "_copy" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Root(document).AppendChild(copy);
        }
    }

    private static void NestStatusCodes(XmlDocument document, int extraLevels)
    {
        var code = Find(document, "StatusCode");
        for (var i = 0; i < extraLevels; i++)
        {
            var nested = document.CreateElement("saml2p", "StatusCode", XmlNames.Samlp);
            nested.SetAttribute("Value", "urn:example:nested");
            code = (XmlElement)code.AppendChild(nested)!;
        }
    }

    private static void AddGpg45Status(XmlDocument document, string status)
    {
        var attribute = document.CreateElement(Saml2, "Attribute", XmlNames.Saml);
        attribute.SetAttribute("Name", "FECI_GPG45Status");
        var value = document.CreateElement(Saml2, "AttributeValue", XmlNames.Saml);
        value.InnerText = status;
        attribute.AppendChild(value);
        Find(document, "AttributeStatement").AppendChild(attribute);
    }
}
