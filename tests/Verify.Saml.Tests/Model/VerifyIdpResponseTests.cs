using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Support;

namespace Verify.Saml.Tests.Model;

/// <summary>A response in the shape Verify's IDPs sent is read completely and correctly.</summary>
public class VerifyIdpResponseTests
{
    private static readonly DateTimeOffset Now = SampleMessages.DefaultInstant;

    [Test]
    public void ReadResponse_ReadsTheEnvelopeOfAVerifyIdpResponse()
    {
        var response = SamlXmlReader.Default.ReadResponse(SampleMessages.IdpResponse().DocumentElement!);

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo("_response-0001"));
            Assert.That(response.InResponseTo, Is.EqualTo("_request-0001"));
            Assert.That(response.IssueInstant, Is.EqualTo(Now));
            Assert.That(response.IssueInstant.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(response.Destination, Is.EqualTo(SampleMessages.HubAcsUrl));
            Assert.That(response.Issuer, Is.EqualTo(new Issuer { Value = SampleMessages.IdpEntityId, Format = NameIdFormats.Entity }));
            Assert.That(response.Status.IsSuccess, Is.True);
            Assert.That(response.Status.StatusCode.SubCode, Is.Null);
            Assert.That(response.Assertions, Has.Count.EqualTo(2));
            Assert.That(response.EncryptedAssertions, Is.Empty);
            Assert.That(response.HasSignature, Is.False);
        });
    }

    [Test]
    public void ReadResponse_ReadsTheAuthnStatementAssertionWithLevelOfAssuranceAndIpAddress()
    {
        var assertion = SamlXmlReader.Default.ReadResponse(SampleMessages.IdpResponse().DocumentElement!).Assertions[0];

        Assert.Multiple(() =>
        {
            Assert.That(assertion.Id, Is.EqualTo("_assertion-authn-0001"));
            Assert.That(assertion.Issuer.Value, Is.EqualTo(SampleMessages.IdpEntityId));
            Assert.That(assertion.Subject!.NameId, Is.EqualTo(NameId.Persistent(SampleMessages.Pid)));
            var confirmation = assertion.Subject.SubjectConfirmations.Single();
            Assert.That(confirmation.Method, Is.EqualTo(SubjectConfirmationMethods.Bearer));
            Assert.That(confirmation.Data!.InResponseTo, Is.EqualTo("_request-0001"));
            Assert.That(confirmation.Data.Recipient, Is.EqualTo(SampleMessages.HubAcsUrl));
            Assert.That(confirmation.Data.NotOnOrAfter, Is.EqualTo(Now.AddMinutes(5)));
            Assert.That(assertion.Conditions!.NotBefore, Is.EqualTo(Now));
            Assert.That(assertion.Conditions.NotOnOrAfter, Is.EqualTo(Now.AddMinutes(60)));
            Assert.That(assertion.Conditions.AudienceRestrictions.Single(), Is.EqualTo(new[] { SampleMessages.HubEntityId }));
            var statement = assertion.AuthnStatements.Single();
            Assert.That(statement.AuthnContextClassRef, Is.EqualTo(AuthnContexts.Level2));
            Assert.That(statement.AuthnInstant, Is.EqualTo(Now.AddMinutes(-2)));
            Assert.That(statement.SessionIndex, Is.EqualTo("_session-0001"));
            var ipAddress = assertion.Attributes.Single();
            Assert.That(ipAddress.Name, Is.EqualTo(VerifyAttributeNames.IpAddress));
            Assert.That(ipAddress.Values.Single(), Is.EqualTo(new IpAddressValue(SampleMessages.IpAddress)));
        });
    }

    [Test]
    public void ReadResponse_ReadsTheFullMatchingDatasetWithHistory()
    {
        var assertion = SamlXmlReader.Default.ReadResponse(SampleMessages.IdpResponse().DocumentElement!).Assertions[1];

        var mds = MatchingDataset.FromAssertion(assertion);

        Assert.Multiple(() =>
        {
            Assert.That(assertion.Id, Is.EqualTo("_assertion-mds-0001"));
            Assert.That(assertion.AuthnStatements, Is.Empty);
            Assert.That(assertion.Subject!.NameId!.Value, Is.EqualTo(SampleMessages.Pid));
            Assert.That(mds.FirstNames, Is.EqualTo(new[]
            {
                new PersonNameValue { Value = "Joanna", Language = "en-GB", From = new DateOnly(1980, 5, 24), Verified = true },
            }));
            Assert.That(mds.MiddleNames.Single().Value, Is.EqualTo("Catherine Mary"));
            Assert.That(mds.Surnames, Is.EqualTo(new[]
            {
                new PersonNameValue { Value = "Ahmed-Jones", From = new DateOnly(2009, 8, 15), Verified = true },
                new PersonNameValue { Value = "Jones", From = new DateOnly(1980, 5, 24), To = new DateOnly(2009, 8, 14), Verified = true },
            }));
            Assert.That(mds.Genders.Single(), Is.EqualTo(new GenderValue { Value = Gender.Female, Verified = false }));
            Assert.That(mds.DatesOfBirth.Single(), Is.EqualTo(new DateValue { Value = new DateOnly(1980, 5, 24), Verified = true }));
            Assert.That(mds.CurrentAddresses.Single(), Is.EqualTo(new AddressValue
            {
                Lines = ["Flat 4", "27 Acacia Avenue", "Bristol"],
                PostCode = "BS1 4DJ",
                Uprn = "100120998877",
                From = new DateOnly(2016, 2, 1),
                Verified = true,
            }));
            Assert.That(mds.PreviousAddresses, Is.EqualTo(new[]
            {
                new AddressValue { Lines = ["12 Mill Lane", "Cardiff"], PostCode = "CF10 1AA", From = new DateOnly(2009, 8, 15), To = new DateOnly(2016, 1, 31), Verified = true },
                new AddressValue { Lines = ["12 Mill Lane", "Cathays", "Cardiff"], PostCode = "CF10 1AA", Uprn = "10002513399", From = new DateOnly(2009, 8, 15), To = new DateOnly(2016, 1, 31) },
                new AddressValue { Lines = ["Calle Mayor 5", "Madrid"], InternationalPostCode = "28013", From = new DateOnly(2005, 9, 1), To = new DateOnly(2009, 8, 14) },
            }));
        });
    }

    [Test]
    public void ReadResponse_ReadsVerifysCancelDetail()
    {
        var response = SamlXmlReader.Default.ReadResponse(SampleMessages.IdpCancelResponse().DocumentElement!);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status.StatusCode.Values, Is.EqualTo(new[] { StatusCodes.Responder, StatusCodes.NoAuthnContext }));
            Assert.That(response.Status.StatusMessage, Is.EqualTo("Authentication cancelled"));
            Assert.That(response.Status.DetailValues, Is.EqualTo(new[] { StatusDetailValues.AuthnCancel }));
            Assert.That(response.Status.DetailElements, Is.Empty);
            Assert.That(response.Assertions, Is.Empty);
        });
    }

    [Test]
    public void ReadMessage_ReadsTheSampleAsAResponse()
    {
        Assert.That(SamlXmlReader.Default.ReadMessage(SampleMessages.IdpResponse()), Is.TypeOf<Response>());
    }

    [Test]
    public void SampleResponse_IsAboutSevenKilobytes()
    {
        Assert.That(SampleMessages.IdpResponse().OuterXml, Has.Length.InRange(6_000, 9_000));
    }

    [Test]
    public void SampleResponse_IsDeterministicAndTakesItsIdsAndTime()
    {
        var later = Now.AddDays(1);
        string[] assertionIds = ["_a1", "_a2"];

        var response = SamlXmlReader.Default.ReadResponse(SampleMessages.IdpResponse("_r", "_q", "_a1", "_a2", later).DocumentElement!);
        var again = SampleMessages.IdpResponseXml();

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(SampleMessages.IdpResponseXml()));
            Assert.That(response.Id, Is.EqualTo("_r"));
            Assert.That(response.InResponseTo, Is.EqualTo("_q"));
            Assert.That(response.Assertions.Select(assertion => assertion.Id), Is.EqualTo(assertionIds));
            Assert.That(response.IssueInstant, Is.EqualTo(later));
        });
    }
}
