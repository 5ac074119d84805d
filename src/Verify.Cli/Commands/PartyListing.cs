using System.Globalization;

using Verify.Federation.Parties;

namespace Verify.Cli.Commands;

/// <summary>How <c>verify rp list</c> and <c>verify idp list</c> show a party: one headline, then indented details.</summary>
internal static class PartyListing
{
    public static void Write(TextWriter output, RelyingParty rp)
    {
        output.WriteLine($"{rp.EntityId}  [{(rp.Enabled ? "enabled" : "disabled")}]  {rp.Levels}  trust: {Kind(rp.TrustKind)}");
        output.WriteLine($"  name: {rp.DisplayName}");
        foreach (var acs in rp.AssertionConsumerServices)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  acs [{acs.Index}]: {acs.Url}{(acs.IsDefault ? " (default)" : "")}"));
        }

        WriteIf(output, "homepage", rp.ServiceHomepage);
        if (rp.Matching is { } matching)
        {
            output.WriteLine($"  matching service: {matching.EntityId}  trust: {Kind(matching.TrustKind)}  {Mode(rp.AssertionMode)}");
            output.WriteLine($"    match: {matching.MatchUrl}");
            WriteIf(output, "  account creation", matching.AccountCreationUrl is null ? null : $"{matching.AccountCreationUrl} ({string.Join(", ", matching.AccountCreationAttributes)})");
            WriteIf(output, "  cycle 3", matching.Cycle3Attribute);
            WriteCertificates(output, [.. matching.Trust.Certificates.Select(c => new PartyCertificate(c.Certificate, c.Use))], "  ");
        }
        else
        {
            WriteIf(output, "matching service", rp.MatchingServiceEntityId is { } id ? $"{id} (no metadata registered: the hub does not match)" : null);
        }

        WriteCertificates(output, rp.Certificates);
    }

    public static string Mode(AssertionMode mode) => mode == AssertionMode.EndToEnd ? "end-to-end" : "hub-asserted";

    public static void Write(TextWriter output, IdentityProvider idp)
    {
        var status = !idp.Enabled ? "disabled" : idp.TemporarilyUnavailable ? "temporarily unavailable" : "enabled";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{idp.EntityId}  [{status}]  {idp.Levels}  trust: {Kind(idp.TrustKind)}  order: {idp.DisplayOrder}"));
        output.WriteLine($"  name: {idp.DisplayName}");
        output.WriteLine($"  sso: {idp.SingleSignOnUrl}");
        WriteIf(output, "only for", idp.OnboardingOnlyFor.Count > 0 ? string.Join(", ", idp.OnboardingOnlyFor) : null);
        WriteIf(output, "registration until", Format(idp.ProvideRegistrationUntil));
        WriteIf(output, "sign-in until", Format(idp.ProvideSignInUntil));
        WriteCertificates(output, idp.Certificates);
    }

    public static string Kind(Verify.Saml.Trust.TrustKind kind) => kind.ToString().ToLowerInvariant();

    private static void WriteCertificates(TextWriter output, IReadOnlyList<PartyCertificate> certificates, string indent = "")
    {
        foreach (var certificate in certificates)
        {
            output.WriteLine($"{indent}  certificate: {certificate}");
        }
    }

    private static void WriteIf(TextWriter output, string label, string? value)
    {
        if (value is not null)
        {
            output.WriteLine($"  {label}: {value}");
        }
    }

    private static string? Format(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
