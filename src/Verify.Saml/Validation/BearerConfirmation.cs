using Verify.Saml.Errors;
using Verify.Saml.Saml;

namespace Verify.Saml.Validation;

/// <summary>SAML Profiles 4.1.4.2 and 4.1.4.3: the bearer SubjectConfirmation rules.</summary>
internal static class BearerConfirmation
{
    /// <summary>Passes when at least one bearer confirmation satisfies every rule; otherwise reports the first one's fault.</summary>
    public static void Check(Subject subject, ExpectedResponse expected, SamlValidationOptions options, DateTimeOffset now)
    {
        SamlException? first = null;
        foreach (var confirmation in subject.SubjectConfirmations)
        {
            if (confirmation.Method != SubjectConfirmationMethods.Bearer)
            {
                continue;
            }

            var fault = Fault(confirmation.Data, expected, options, now);
            if (fault is null)
            {
                return;
            }

            first ??= fault;
        }

        throw first ?? new SamlException(SamlErrorCode.ProtocolBearerConfirmationMissing);
    }

    private static SamlException? Fault(SubjectConfirmationData? data, ExpectedResponse expected, SamlValidationOptions options, DateTimeOffset now)
    {
        // 4.1.4.2: SubjectConfirmationData MUST carry Recipient (our ACS URL) and NotOnOrAfter.
        if (data?.NotOnOrAfter is null || data.Recipient is null)
        {
            return new SamlException(SamlErrorCode.ProtocolBearerConfirmationMissing, "Recipient and NotOnOrAfter are required.");
        }

        if (!string.Equals(data.Recipient, expected.Destination, StringComparison.Ordinal))
        {
            return new SamlException(SamlErrorCode.ProtocolRecipientMismatch);
        }

        // 4.1.4.2: InResponseTo, when present, is the ID of our request. We require it: no unsolicited SSO.
        if (!string.Equals(data.InResponseTo, expected.InResponseTo, StringComparison.Ordinal))
        {
            return new SamlException(SamlErrorCode.ProtocolInResponseToMismatch);
        }

        // 4.1.4.3: the assertion is delivered within the window it names.
        if (now - options.ClockSkew >= data.NotOnOrAfter)
        {
            return new SamlException(SamlErrorCode.ProtocolExpired);
        }

        if (data.NotBefore is { } notBefore && now + options.ClockSkew < notBefore)
        {
            return new SamlException(SamlErrorCode.ProtocolNotYetValid);
        }

        return null;
    }
}
